import { describe, expect, it } from '@jest/globals';
import { scheduleDueAt } from '../../../domain/calendar/schedule.js';
import { slaStatusAt } from '../../../domain/calendar/sla-status.js';
import { necs } from '../../support/agency.js';

const cal = necs.calendar;
const due = '2026-11-27T17:00:00+06:00'; // Friday

describe('SLA status at an instant', () => {
  it.each([
    ['two working days to go', '2026-11-25T12:00:00+06:00', 'on_track'],
    ['due the next working day', '2026-11-26T09:00:00+06:00', 'at_risk'],
    ['due today', '2026-11-27T16:59:00+06:00', 'at_risk'],
    ['due at this very minute', '2026-11-27T17:00:00+06:00', 'at_risk'],
    ['past close on the due date', '2026-11-27T17:00:01+06:00', 'breached'],
    ['the weekend after', '2026-11-28T10:00:00+06:00', 'breached'],
  ])('%s: %s', (_why, now, expected) => {
    expect(slaStatusAt(cal, { dueAt: due }, now)).toBe(expected);
  });

  it('counts working days, not calendar days: on Friday, a Monday due date is the next working day', () => {
    expect(slaStatusAt(cal, { dueAt: '2026-11-30T17:00:00+06:00' }, '2026-11-27T10:00:00+06:00')).toBe('at_risk');
    expect(slaStatusAt(cal, { dueAt: '2026-12-01T17:00:00+06:00' }, '2026-11-27T10:00:00+06:00')).toBe('on_track');
  });

  it('is met when answered or closed by the due date, breached when answered late', () => {
    expect(
      slaStatusAt(cal, { dueAt: due, respondedAt: '2026-11-27T16:00:00+06:00' }, '2026-12-10T10:00:00+06:00'),
    ).toBe('met');
    expect(slaStatusAt(cal, { dueAt: due, closedAt: '2026-11-23T10:00:00+06:00' }, '2026-12-10T10:00:00+06:00')).toBe(
      'met',
    );
    expect(
      slaStatusAt(cal, { dueAt: due, respondedAt: '2026-11-30T09:00:00+06:00' }, '2026-12-10T10:00:00+06:00'),
    ).toBe('breached');
  });

  it('stays on track while a clarification stops the clock, unless it was already late', () => {
    expect(slaStatusAt(cal, { dueAt: due, pausedAt: '2026-11-24T10:00:00+06:00' }, '2026-12-10T10:00:00+06:00')).toBe(
      'on_track',
    );
    expect(slaStatusAt(cal, { dueAt: due, pausedAt: '2026-11-30T10:00:00+06:00' }, '2026-12-10T10:00:00+06:00')).toBe(
      'breached',
    );
  });
});

describe('due date with clarifications and extensions', () => {
  const received = '2026-11-20T10:00:00+06:00';

  it('counts the days left again from the answer', () => {
    // Paused Tuesday with Wed, Thu, Fri left; answered Monday 30 → Thursday 3 Dec
    expect(
      scheduleDueAt(cal, received, 5, [
        { kind: 'pause', from: '2026-11-24T10:00:00+06:00', to: '2026-11-30T10:00:00+06:00' },
      ]),
    ).toBe('2026-12-03T17:00:00+06:00');
  });

  it('gives the whole due day back when paused on it and answered after hours', () => {
    expect(
      scheduleDueAt(cal, received, 5, [
        { kind: 'pause', from: '2026-11-27T10:00:00+06:00', to: '2026-12-01T18:00:00+06:00' },
      ]),
    ).toBe('2026-12-02T17:00:00+06:00');
  });

  it('does not move a due date that passed before the pause', () => {
    expect(
      scheduleDueAt(cal, received, 5, [
        { kind: 'pause', from: '2026-11-30T10:00:00+06:00', to: '2026-12-01T10:00:00+06:00' },
      ]),
    ).toBe(due);
  });

  it('adds extensions in working days, after pauses, in the order they happened', () => {
    expect(
      scheduleDueAt(cal, received, 5, [{ kind: 'extension', at: '2026-11-26T10:00:00+06:00', workingDays: 2 }]),
    ).toBe('2026-12-01T17:00:00+06:00');
    expect(
      scheduleDueAt(cal, received, 5, [
        { kind: 'pause', from: '2026-11-24T10:00:00+06:00', to: '2026-11-30T10:00:00+06:00' },
        { kind: 'extension', at: '2026-12-01T10:00:00+06:00', workingDays: 2 },
      ]),
    ).toBe('2026-12-07T17:00:00+06:00');
  });

  it('keeps the due date while a clarification is unanswered', () => {
    expect(scheduleDueAt(cal, received, 5, [{ kind: 'pause', from: '2026-11-24T10:00:00+06:00' }])).toBe(due);
  });
});
