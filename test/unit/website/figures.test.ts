import { describe, expect, it } from '@jest/globals';
import type { WebsiteFact } from '../../../domain/views/website-view.js';
import { websiteFigures } from '../../../domain/website/figures.js';
import { plainCalendar } from '../../support/agency.js';

// Monday 23 November 2026 is a working day; no holidays in this calendar.
const cal = plainCalendar();

/** A workshop held on Friday 20 November, due from its division on Tuesday 24 at close of office. */
const update = (id: string, over: Partial<WebsiteFact> = {}): WebsiteFact => ({
  updateId: id,
  division: 'legal',
  kind: 'event',
  status: 'submitted',
  eventDate: '2026-11-20',
  submittedAt: '2026-11-23T10:00:00+06:00',
  submissionDueAt: '2026-11-24T17:00:00+06:00',
  informationCompleteAt: null,
  publicationDueAt: null,
  publishedAt: null,
  fromCommonRequests: false,
  ...over,
});

const completeMonday = {
  informationCompleteAt: '2026-11-23T14:00:00+06:00',
  publicationDueAt: '2026-11-24T17:00:00+06:00',
};

describe('the website figures of a period', () => {
  it('are all zero, with no medians, when nothing was submitted', () => {
    expect(websiteFigures(cal, [])).toStrictEqual({
      submitted: 0,
      complete: 0,
      submittedOnTime: 0,
      published: 0,
      publishedOnTime: 0,
      medianSubmissionWorkingDays: null,
      medianPublicationWorkingDays: null,
      fromCommonRequests: 0,
    });
  });

  it('count what was submitted, completed, published and on time, leaving withdrawn updates out', () => {
    const facts = [
      // complete on time (Monday), published on time (Tuesday morning)
      update('WEB-1', { ...completeMonday, status: 'published', publishedAt: '2026-11-24T11:00:00+06:00' }),
      // complete exactly at the due time: on time; published exactly at its due time: on time
      update('WEB-2', {
        status: 'published',
        informationCompleteAt: '2026-11-24T17:00:00+06:00',
        publicationDueAt: '2026-11-25T17:00:00+06:00',
        publishedAt: '2026-11-25T17:00:00+06:00',
      }),
      // complete late (Wednesday), published late (Friday)
      update('WEB-3', {
        status: 'published',
        informationCompleteAt: '2026-11-25T10:00:00+06:00',
        publicationDueAt: '2026-11-26T17:00:00+06:00',
        publishedAt: '2026-11-27T09:00:00+06:00',
      }),
      // complete, not yet published
      update('WEB-4', { ...completeMonday, status: 'complete', fromCommonRequests: true }),
      // still waiting for its information
      update('WEB-5', { fromCommonRequests: true }),
      // withdrawn: counts nowhere, even though complete, published and proposed from common requests
      update('WEB-6', {
        ...completeMonday,
        status: 'withdrawn',
        publishedAt: '2026-11-24T11:00:00+06:00',
        fromCommonRequests: true,
      }),
    ];
    expect(websiteFigures(cal, facts)).toMatchObject({
      submitted: 5,
      complete: 4,
      submittedOnTime: 3,
      published: 3,
      publishedOnTime: 2,
      fromCommonRequests: 2,
    });
  });

  it('take the median working days from the event to complete information, and to publication', () => {
    const facts = [
      // event Friday (day 0), complete Monday: 1 working day after; published Tuesday: 1
      update('WEB-1', { ...completeMonday, status: 'published', publishedAt: '2026-11-24T11:00:00+06:00' }),
      // complete Wednesday: 3; published Friday: 2
      update('WEB-2', {
        status: 'published',
        informationCompleteAt: '2026-11-25T10:00:00+06:00',
        publicationDueAt: '2026-11-26T17:00:00+06:00',
        publishedAt: '2026-11-27T09:00:00+06:00',
      }),
      // complete Thursday: 4; not published
      update('WEB-3', {
        status: 'complete',
        informationCompleteAt: '2026-11-26T10:00:00+06:00',
        publicationDueAt: '2026-11-27T17:00:00+06:00',
      }),
    ];
    const figures = websiteFigures(cal, facts);
    expect(figures.medianSubmissionWorkingDays).toBe(3);
    expect(figures.medianPublicationWorkingDays).toBe(1.5);
  });

  it('count complete information on the event day itself (or before it) as 0 working days', () => {
    const facts = [update('WEB-1', { status: 'complete', informationCompleteAt: '2026-11-19T10:00:00+06:00' })];
    expect(websiteFigures(cal, facts).medianSubmissionWorkingDays).toBe(0);
  });

  it('leave updates without an event date out of the submission median', () => {
    const facts = [
      update('WEB-1', { ...completeMonday, status: 'complete' }),
      update('WEB-2', {
        status: 'complete',
        eventDate: null,
        informationCompleteAt: '2026-11-27T10:00:00+06:00',
        publicationDueAt: '2026-11-30T17:00:00+06:00',
      }),
    ];
    expect(websiteFigures(cal, facts).medianSubmissionWorkingDays).toBe(1);
  });

  it('order the working days as numbers, not as text, before taking the median (2, 10, 11: 10)', () => {
    const completeOn = (id: string, day: string) =>
      update(id, { status: 'complete', informationCompleteAt: `${day}T10:00:00+06:00`, publicationDueAt: null });
    const facts = [
      completeOn('WEB-1', '2026-11-24'),
      completeOn('WEB-2', '2026-12-04'),
      completeOn('WEB-3', '2026-12-07'),
    ];
    expect(websiteFigures(cal, facts).medianSubmissionWorkingDays).toBe(10);
  });

  it('sort before taking the median, whatever order the updates come in', () => {
    const completeOn = (id: string, day: string) =>
      update(id, { status: 'complete', informationCompleteAt: `${day}T10:00:00+06:00`, publicationDueAt: null });
    const facts = [
      completeOn('WEB-1', '2026-11-26'), // 4 working days after the event
      completeOn('WEB-2', '2026-11-23'), // 1
      completeOn('WEB-3', '2026-11-30'), // 6
      completeOn('WEB-4', '2026-11-24'), // 2
      completeOn('WEB-5', '2026-11-25'), // 3
    ];
    expect(websiteFigures(cal, facts).medianSubmissionWorkingDays).toBe(3);
    expect(websiteFigures(cal, facts.slice(0, 4)).medianSubmissionWorkingDays).toBe(3);
  });
});
