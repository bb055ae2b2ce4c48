import { describe, expect, it } from '@jest/globals';
import { fold, type Request } from '../../../domain/request/state.js';
import { requestView } from '../../../domain/views/request-view.js';
import { necs, system } from '../../support/agency.js';
import { playWith } from '../../support/decider-spec.js';
import {
  assignedToLegal,
  clarificationAsked,
  command,
  deciderWith,
  given,
  play,
  receivedByEmail,
  requesterAnswered,
} from '../../support/request-spec.js';

// The due date across the clock's stops and extensions. Received Friday 20 November 2026 at 10:00, the
// request is due Friday 27 November at 17:00 (five working days after day 0).

const extend = (workingDays: number, now: string) =>
  command('ExtendDeadline', { workingDays, reason: 'data held by the regional office' }, 'legal.chief', now);

/**
 * Asked on Tuesday 24 (Wed, Thu, Fri left), answered Monday 30: due Thursday 3 December. Asked again on
 * Tuesday 1 December (Wed 2 and Thu 3 left), answered Friday 4: due Tuesday 8 December.
 */
const twoClarificationRounds = () =>
  play([
    receivedByEmail(),
    assignedToLegal(),
    clarificationAsked(),
    requesterAnswered(),
    clarificationAsked('2026-12-01T10:00:00+06:00'),
  ]);

/** The requester's answer to the second question, on Friday 4 December. */
const answeredAgain = () =>
  playWith(deciderWith(), [requesterAnswered('2026-12-04T10:00:00+06:00')], twoClarificationRounds()).slice(
    twoClarificationRounds().length,
  );

describe('a second clarification', () => {
  it('restarts the clock with the days left at the second question only', () => {
    given(twoClarificationRounds())
      .when(requesterAnswered('2026-12-04T10:00:00+06:00'))
      .then([
        expect.objectContaining({ type: 'RequesterMessageReceived' }),
        expect.objectContaining({
          type: 'ClarificationReceived',
          data: { previousDueAt: '2026-12-03T17:00:00+06:00', dueAt: '2026-12-08T17:00:00+06:00' },
        }),
      ]);
  });

  it('leaves both stops behind it: an extension afterwards adds its days to Tuesday 8 December', () => {
    given([...twoClarificationRounds(), ...answeredAgain()])
      .when(extend(2, '2026-12-07T10:00:00+06:00'))
      .then([
        expect.objectContaining({
          type: 'DeadlineExtended',
          data: expect.objectContaining({
            previousDueAt: '2026-12-08T17:00:00+06:00',
            dueAt: '2026-12-10T17:00:00+06:00',
          }),
        }),
      ]);
  });
});

describe('a holiday declared after a clarification', () => {
  it('moves the due date by the holiday only, the stop staying where it was', () => {
    // Answered Monday 30: due Thursday 3 December; Wednesday 2 becomes a holiday: due Friday 4
    const answered = play([receivedByEmail(), assignedToLegal(), clarificationAsked(), requesterAnswered()]);
    const snowDay = necs.calendar.withHoliday({ date: '2026-12-02', name: 'First snowfall' });
    given(answered, snowDay)
      .when(
        command(
          'RecalculateDueDate',
          { cause: { kind: 'holiday_declared', date: '2026-12-02', name: 'First snowfall' } },
          system('calendar'),
          '2026-12-01T08:00:00+06:00',
        ),
      )
      .then([
        expect.objectContaining({
          type: 'DueDateRecalculated',
          data: expect.objectContaining({
            previousDueAt: '2026-12-03T17:00:00+06:00',
            dueAt: '2026-12-04T17:00:00+06:00',
          }),
        }),
      ]);
  });
});

describe('extensions', () => {
  it('add up: 3 working days and then 2 more move Friday 27 November to Friday 4 December', () => {
    const extendedOnce = play([receivedByEmail(), assignedToLegal(), extend(3, '2026-11-26T10:00:00+06:00')]);
    given(extendedOnce)
      .when(extend(2, '2026-11-30T10:00:00+06:00'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            previousDueAt: '2026-12-02T17:00:00+06:00',
            dueAt: '2026-12-04T17:00:00+06:00',
          }),
        }),
      ]);
  });

  it.each([0, -2, 1.5])('are a whole number of working days, at least one: %s is refused', (workingDays) => {
    given(play([receivedByEmail(), assignedToLegal()]))
      .when(extend(workingDays, '2026-11-26T10:00:00+06:00'))
      .thenRefused('INVALID_INPUT', /^an extension is a whole number of working days, at least 1$/);
  });

  it('over the cap are refused with what was already added and the cap', () => {
    given(play([receivedByEmail(), assignedToLegal(), extend(8, '2026-11-26T10:00:00+06:00')]))
      .when(extend(3, '2026-11-27T10:00:00+06:00'))
      .thenRefused('EXTENSION_LIMIT_EXCEEDED', /at most 10/, { alreadyExtended: 8, limit: 10 });
  });

  it('show on the request’s page as the working days added', () => {
    const page = requestView(
      fold(
        play([
          receivedByEmail(),
          assignedToLegal(),
          extend(3, '2026-11-26T10:00:00+06:00'),
          extend(2, '2026-11-30T10:00:00+06:00'),
        ]),
      ) as Request,
    );
    expect(page).toMatchObject({ extendedWorkingDays: 5, dueAt: '2026-12-04T17:00:00+06:00' });
  });
});
