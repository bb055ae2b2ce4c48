import { describe, expect, it } from '@jest/globals';
import type { RequestEvent } from '../../../events/request-events.js';
import { necs, system } from '../../support/agency.js';
import { assignedToLegal, command, given, play, receivedByEmail } from '../../support/request-spec.js';

// Received Friday 20 November 2026: due Friday 27 November at 17:00.
const check = (now: string) => command('CheckSla', {}, system('sla-scan'), now);
const extendBy3 = (now: string) =>
  command('ExtendDeadline', { workingDays: 3, reason: 'data held by the regional office' }, 'legal.chief', now);
const breachedOnce = () => play([receivedByEmail(), assignedToLegal(), check('2026-11-30T10:00:00+06:00')]);
const breachesIn = (result: unknown) => (result as RequestEvent[]).filter((e) => e.type === 'SlaBreached');
const dueAtOf = (events: readonly RequestEvent[], type: RequestEvent['type']) =>
  (events.find((e) => e.type === type)?.data as { dueAt: string }).dueAt;

describe('a breach, once per due date', () => {
  it('is recorded once for the first due date', () => {
    expect(
      breachedOnce()
        .filter((e) => e.type === 'SlaBreached')
        .map((e) => e.data),
    ).toEqual([{ dueAt: '2026-11-27T17:00:00+06:00' }]);
    given(breachedOnce()).when(check('2026-12-01T10:00:00+06:00')).thenNothingHappens();
  });

  it('is recorded again when an extension moved the due date and the new one is missed too', () => {
    const extended = play([
      receivedByEmail(),
      assignedToLegal(),
      check('2026-11-30T10:00:00+06:00'),
      extendBy3('2026-11-30T11:00:00+06:00'),
    ]);
    const newDueAt = dueAtOf(extended, 'DeadlineExtended');
    expect(newDueAt).toBe('2026-12-02T17:00:00+06:00');
    // before the new due date: nothing; after it: a second breach, for the new due date
    expect(breachesIn(given(extended).when(check('2026-12-02T16:00:00+06:00')).result)).toEqual([]);
    given(extended)
      .when(check('2026-12-03T10:00:00+06:00'))
      .then([
        {
          type: 'SlaBreached',
          schemaVersion: 1,
          occurredAt: '2026-12-03T10:00:00+06:00',
          actor: { kind: 'system', component: 'sla-scan' },
          data: { dueAt: newDueAt },
        },
      ]);
  });

  it('is recorded again when a change of calendar moved the due date and the new one is missed too', () => {
    // A holiday declared for Wednesday 25 November moves the due date to Monday 30 November at 17:00
    const snowDay = necs.calendar.withHoliday({ date: '2026-11-25', name: 'First snowfall' });
    const recalculate = command(
      'RecalculateDueDate',
      { cause: { kind: 'holiday_declared', date: '2026-11-25', name: 'First snowfall' } },
      system('calendar'),
      '2026-11-28T08:00:00+06:00',
    );
    const breachedOnSaturday = play([receivedByEmail(), assignedToLegal(), check('2026-11-28T07:00:00+06:00')]);
    const moved = [
      ...breachedOnSaturday,
      ...(given(breachedOnSaturday, snowDay).when(recalculate).result as RequestEvent[]),
    ];
    expect(dueAtOf(moved, 'DueDateRecalculated')).toBe('2026-11-30T17:00:00+06:00');
    expect(breachesIn(given(moved, snowDay).when(check('2026-11-30T16:00:00+06:00')).result)).toEqual([]);
    given(moved, snowDay)
      .when(check('2026-12-01T10:00:00+06:00'))
      .then([expect.objectContaining({ type: 'SlaBreached', data: { dueAt: '2026-11-30T17:00:00+06:00' } })]);
  });
});
