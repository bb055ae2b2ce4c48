import { describe, expect, it } from '@jest/globals';
import { noticeDigests, planDigests, type OpenItem } from '../../../domain/sla/digests.js';
import { Directory } from '../../../domain/agency/directory.js';
import { consoleLinks } from '../../../domain/sla/links.js';
import {
  alertRecipientsWith,
  divisionStaffAtRiskRecipients,
  requestAtRiskRecipients,
} from '../../../domain/sla/recipients.js';
import { necs, plainCalendar } from '../../support/agency.js';

// The daily SLA digests of NECS (answer within 5 working days, escalate to the head of agency once a request
// is 3 working days late), on a calendar without holidays so the days counted are plain weekdays.

const cal = plainCalendar();
/** Monday 23 November 2026, mid-morning in Thimphu. */
const MONDAY = '2026-11-23T10:00:00+06:00';

/** Who hears of an item at risk, as the two workflows register it (application/workflows.ts). */
const alertRecipients = alertRecipientsWith((item) =>
  item.kind === 'website' ? divisionStaffAtRiskRecipients : requestAtRiskRecipients,
);

const request = (itemId: string, dueAt: string, more: Partial<OpenItem> = {}): OpenItem => ({
  kind: 'request',
  itemId,
  subject: `Subject of ${itemId}`,
  requesterKind: 'public',
  division: 'ppd',
  assignee: null,
  dueAt,
  pausedAt: null,
  ...more,
});
const digestsOn = (now: string, ...open: OpenItem[]) =>
  planDigests(open, now, cal, necs.directory, necs.config.sla, alertRecipients);
/** Who gets which item, in business terms: recipient → [reference, kind, working days late]. */
const summary = (now: string, ...open: OpenItem[]) =>
  Object.fromEntries(
    digestsOn(now, ...open).map((d) => [
      d.recipient,
      d.items.map((i) => `${i.itemId} ${i.alert} ${i.workingDaysOverdue}`),
    ]),
  );

describe('a request past its due date', () => {
  it('goes to the chief of its division, one working day late, in a digest of the day', () => {
    const digests = digestsOn(MONDAY, request('NECS-2026-00001', '2026-11-20T17:00:00+06:00'));
    expect(digests).toEqual([
      {
        digestId: '2026-11-23.ppd.chief',
        recipient: 'ppd.chief',
        email: 'ppd.chief@necs.example',
        day: '2026-11-23',
        items: [expect.objectContaining({ itemId: 'NECS-2026-00001', alert: 'breached', workingDaysOverdue: 1 })],
      },
    ]);
  });

  it('goes to the ICT chief while nobody has assigned it', () => {
    expect(summary(MONDAY, request('NECS-2026-00001', '2026-11-20T17:00:00+06:00', { division: null }))).toEqual({
      'ict.head': ['NECS-2026-00001 breached 1'],
    });
  });

  it('goes to the head of agency as well once it is 3 working days late, not before', () => {
    // Due Thursday 19th: Friday and Monday late (2). Due Wednesday 18th: 3. Due Tuesday 17th: 4.
    expect(summary(MONDAY, request('NECS-2026-00019', '2026-11-19T17:00:00+06:00'))).toEqual({
      'ppd.chief': ['NECS-2026-00019 breached 2'],
    });
    expect(summary(MONDAY, request('NECS-2026-00018', '2026-11-18T17:00:00+06:00'))).toEqual({
      'ppd.chief': ['NECS-2026-00018 breached 3'],
      secretary: ['NECS-2026-00018 escalated 3'],
    });
    expect(summary(MONDAY, request('NECS-2026-00017', '2026-11-17T17:00:00+06:00'))).toEqual({
      'ppd.chief': ['NECS-2026-00017 breached 4'],
      secretary: ['NECS-2026-00017 escalated 4'],
    });
  });

  it('counts only working days late: a weekend in between does not count', () => {
    // Due Friday 20th; on Tuesday 24th it is Monday and Tuesday late, not four days.
    expect(summary('2026-11-24T10:00:00+06:00', request('NECS-2026-00001', '2026-11-20T17:00:00+06:00'))).toEqual({
      'ppd.chief': ['NECS-2026-00001 breached 2'],
    });
  });
});

describe('a request due today or on the next working day (at risk)', () => {
  it('goes to the officers of its division and to whoever holds it', () => {
    const dueTuesday = request('NECS-2026-00002', '2026-11-24T17:00:00+06:00', {
      division: 'legal',
      assignee: 'ppd.officer',
    });
    expect(summary(MONDAY, dueTuesday)).toEqual({
      'legal.officer': ['NECS-2026-00002 at_risk 0'],
      'ppd.officer': ['NECS-2026-00002 at_risk 0'],
    });
  });

  it('goes to the intake officers while nobody has assigned it', () => {
    expect(summary(MONDAY, request('NECS-2026-00002', '2026-11-23T17:00:00+06:00', { division: null }))).toEqual({
      'ict.officer': ['NECS-2026-00002 at_risk 0'],
    });
  });

  it('is not named twice to an officer who also holds it', () => {
    const held = request('NECS-2026-00002', '2026-11-24T17:00:00+06:00', {
      division: 'legal',
      assignee: 'legal.officer',
    });
    expect(summary(MONDAY, held)).toEqual({ 'legal.officer': ['NECS-2026-00002 at_risk 0'] });
  });
});

describe('a website update at risk', () => {
  it('goes to the staff of the division whose clock runs and to the person it is back with', () => {
    const update = request('wu-1', '2026-11-24T17:00:00+06:00', {
      kind: 'website',
      division: 'ppd',
      assignee: 'legal.officer',
      requesterKind: null,
    });
    expect(summary(MONDAY, update)).toEqual({
      'legal.officer': ['wu-1 at_risk 0'],
      'ppd.officer': ['wu-1 at_risk 0'],
    });
  });

  it('goes to the ICT staff (its intake officers) while no division has it', () => {
    const update = request('wu-2', '2026-11-24T17:00:00+06:00', { kind: 'website', division: null });
    expect(summary(MONDAY, update)).toEqual({ 'ict.officer': ['wu-2 at_risk 0'] });
  });

  it('past its due date, goes to the chief of the division like a request', () => {
    const update = request('wu-3', '2026-11-20T17:00:00+06:00', { kind: 'website', division: 'legal' });
    expect(summary(MONDAY, update)).toEqual({ 'legal.chief': ['wu-3 breached 1'] });
  });

  it('and a request with the same reference are two lines, not one', () => {
    const due = '2026-11-24T17:00:00+06:00';
    const both = summary(
      MONDAY,
      request('X-1', due, { division: 'legal' }),
      request('X-1', due, { kind: 'website', division: 'legal' }),
    );
    expect(both).toEqual({ 'legal.officer': ['X-1 at_risk 0', 'X-1 at_risk 0'] });
  });
});

describe('the digests of a day', () => {
  it('are none for requests on track or waiting for the requester', () => {
    expect(digestsOn(MONDAY, request('NECS-2026-00003', '2026-11-27T17:00:00+06:00'))).toEqual([]);
    const waiting = request('NECS-2026-00004', '2026-11-24T17:00:00+06:00', { pausedAt: '2026-11-20T12:00:00+06:00' });
    expect(digestsOn(MONDAY, waiting)).toEqual([]);
  });

  it('are none on a day the office is closed', () => {
    const saturday = '2026-11-28T10:00:00+06:00';
    expect(digestsOn(saturday, request('NECS-2026-00001', '2026-11-20T17:00:00+06:00'))).toEqual([]);
  });

  it('are one per person, people in order, each listing the earliest due first and a request once', () => {
    const late = request('NECS-2026-00009', '2026-11-20T17:00:00+06:00');
    const later = request('NECS-2026-00008', '2026-11-19T17:00:00+06:00');
    const unassigned = request('NECS-2026-00007', '2026-11-19T17:00:00+06:00', { division: null });
    const digests = digestsOn(MONDAY, late, later, late, unassigned);
    expect(digests.map((d) => d.recipient)).toEqual(['ict.head', 'ppd.chief']);
    expect(digests[1]?.items.map((i) => i.itemId)).toEqual(['NECS-2026-00008', 'NECS-2026-00009']);
  });

  it('leave out anyone the directory does not know (no address to mail)', () => {
    const digests = planDigests(
      [request('NECS-2026-00001', '2026-11-20T17:00:00+06:00')],
      MONDAY,
      cal,
      necs.directory,
      necs.config.sla,
      () => ['someone.gone', 'ppd.chief'],
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.recipient).toBe('ppd.chief');
  });

  it('list a request once per kind: a chief who is also told of the escalation sees both lines', () => {
    const kindsAsked: string[] = [];
    const digests = planDigests(
      [request('NECS-2026-00017', '2026-11-17T17:00:00+06:00')],
      MONDAY,
      cal,
      necs.directory,
      necs.config.sla,
      (_item, kind) => {
        kindsAsked.push(kind);
        return ['ppd.chief'];
      },
    );
    expect(kindsAsked).toEqual(['breached', 'escalated']);
    expect(digests[0]?.items.map((i) => i.alert)).toEqual(['breached', 'escalated']);
  });

  it('ask who hears about an at-risk request as at risk', () => {
    const kindsAsked: string[] = [];
    planDigests(
      [request('NECS-2026-00002', '2026-11-24T17:00:00+06:00')],
      MONDAY,
      cal,
      necs.directory,
      necs.config.sla,
      (_i, kind) => {
        kindsAsked.push(kind);
        return [];
      },
    );
    expect(kindsAsked).toEqual(['at_risk']);
  });
});

describe('the admins’ calendar notice', () => {
  it('is no digest on a day with nothing to say (before December), nor on a closed day', () => {
    expect(noticeDigests(necs.calendar, '2026-11-23', necs.directory)).toEqual([]);
    expect(noticeDigests(necs.calendar, '2026-12-05', necs.directory)).toEqual([]);
  });

  it('is a digest of its own for each admin from 1 December while next year’s list is provisional', () => {
    const digests = noticeDigests(necs.calendar, '2026-12-07', necs.directory);
    expect(digests.map((d) => [d.digestId, d.recipient, d.email, d.day, d.items])).toEqual([
      ['2026-12-07.ict.head.notices', 'ict.head', 'ict.head@necs.example', '2026-12-07', []],
    ]);
    expect(digests[0]?.notices?.[0]).toMatch(/^2027's official holiday list is not recorded yet/);
  });
});

describe('who hears about an item at risk', () => {
  const dueTuesday = request('NECS-2026-00002', '2026-11-24T17:00:00+06:00');

  it('for a request of ICT (no division officers there), is nobody but whoever holds it', () => {
    expect(alertRecipients({ ...dueTuesday, division: 'ict' }, 'at_risk', necs.directory)).toEqual([]);
    expect(alertRecipients({ ...dueTuesday, division: 'legal' }, 'at_risk', necs.directory)).toEqual(['legal.officer']);
  });

  it('for a website update with ICT, is ICT’s intake officers, whoever holds it or not', () => {
    const update = { ...dueTuesday, kind: 'website', division: 'ict' };
    expect(alertRecipients(update, 'at_risk', necs.directory)).toEqual(['ict.officer']);
    expect(alertRecipients({ ...update, assignee: 'ppd.officer' }, 'at_risk', necs.directory)).toEqual([
      'ict.officer',
      'ppd.officer',
    ]);
  });

  it('for a website update, includes an officer who also has another role', () => {
    const deputy = {
      id: 'ppd.deputy',
      name: 'PPD deputy',
      email: 'ppd.deputy@necs.example',
      division: 'ppd',
      roles: ['division_officer', 'spokesperson'],
    };
    const directory = new Directory({ ...necs.config, users: [...necs.config.users, deputy] } as typeof necs.config);
    const update = { ...dueTuesday, kind: 'website', division: 'ppd' };
    expect(alertRecipients(update, 'at_risk', directory)).toEqual(['ppd.officer', 'ppd.deputy']);
  });
});

describe('the link of a digest line', () => {
  const link = (ref: string, workflow?: 'request' | 'website') =>
    consoleLinks('https://desk.necs.example//', { request: 'requests', website: 'website-updates' })(ref, workflow);

  it('opens a request’s page in the staff console', () => {
    expect(link('NECS-2026-00001')).toBe('https://desk.necs.example/requests/NECS-2026-00001');
    expect(link('NECS-2026-00001', 'request')).toBe('https://desk.necs.example/requests/NECS-2026-00001');
  });

  it('opens a website update’s page for a website update, its id made safe for a URL', () => {
    expect(link('wu 1/2', 'website')).toBe('https://desk.necs.example/website-updates/wu%201%2F2');
  });
});
