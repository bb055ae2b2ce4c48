import { describe, expect, it } from '@jest/globals';
import { scheduleDueAt } from '../../../domain/calendar/schedule.js';
import { slaStatusAt } from '../../../domain/calendar/sla-status.js';
import { necs } from '../../support/agency.js';

// The SLA at the due instant itself: an answer sent, or a clarification asked, at close of office on the due
// day is in time. (A request received on Friday 20 November 2026 at 10:00 is due Friday 27 at 17:00.)

const cal = necs.calendar;
const RECEIVED = '2026-11-20T10:00:00+06:00';
const DUE = '2026-11-27T17:00:00+06:00';
const LATER = '2026-12-01T10:00:00+06:00';

describe('the SLA at the due instant', () => {
  it('counts an answer sent at the due instant as met, and one a second later as breached', () => {
    expect(slaStatusAt(cal, { dueAt: DUE, respondedAt: DUE }, LATER)).toBe('met');
    expect(slaStatusAt(cal, { dueAt: DUE, respondedAt: '2026-11-27T17:00:01+06:00' }, LATER)).toBe('breached');
  });

  it('keeps a request on track while a clarification asked at the due instant is unanswered', () => {
    expect(slaStatusAt(cal, { dueAt: DUE, pausedAt: DUE }, LATER)).toBe('on_track');
    expect(slaStatusAt(cal, { dueAt: DUE, pausedAt: '2026-11-27T17:00:01+06:00' }, LATER)).toBe('breached');
  });

  it('leaves the due date where it was when the clarification was asked after it', () => {
    expect(
      scheduleDueAt(cal, RECEIVED, 5, [
        { kind: 'pause', from: '2026-11-27T17:00:01+06:00', to: '2026-12-01T10:00:00+06:00' },
      ]),
    ).toBe(DUE);
  });
});
