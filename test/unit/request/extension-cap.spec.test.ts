import { describe, expect, it } from '@jest/globals';
import { necs } from '../../support/agency.js';
import { assignedToLegal, command, given, play, receivedByEmail } from '../../support/request-spec.js';

const cap = necs.config.sla.maxExtensionWorkingDays;
const extend = (workingDays: number, now = '2026-11-26T10:00:00+06:00') =>
  command('ExtendDeadline', { workingDays, reason: 'data held by the regional office' }, 'legal.chief', now);

describe('the extension cap, at its edge', () => {
  it('is ten working days in all for NECS (8 + 2)', () => {
    expect(cap).toBe(10);
  });

  it('allows a second extension that reaches the cap exactly', () => {
    const extendedBy8 = play([receivedByEmail(), assignedToLegal(), extend(8)]);
    given(extendedBy8)
      .when(extend(2, '2026-11-27T10:00:00+06:00'))
      .then([expect.objectContaining({ type: 'DeadlineExtended', data: expect.objectContaining({ workingDays: 2 }) })]);
  });

  it('refuses one working day more than the cap, saying how much was already added', () => {
    const extendedBy8 = play([receivedByEmail(), assignedToLegal(), extend(8)]);
    given(extendedBy8)
      .when(extend(3, '2026-11-27T10:00:00+06:00'))
      .thenRefused('EXTENSION_LIMIT_EXCEEDED', /at most 10 working days in all; 8 already added/);
  });

  it('allows the whole cap in one extension, and not a day more', () => {
    const assigned = play([receivedByEmail(), assignedToLegal()]);
    given(assigned)
      .when(extend(cap))
      .then([
        expect.objectContaining({ type: 'DeadlineExtended', data: expect.objectContaining({ workingDays: 10 }) }),
      ]);
    given(assigned)
      .when(extend(cap + 1))
      .thenRefused('EXTENSION_LIMIT_EXCEEDED');
  });

  it('refuses anything once the cap is used up', () => {
    const extendedToTheCap = play([
      receivedByEmail(),
      assignedToLegal(),
      extend(8),
      extend(2, '2026-11-27T10:00:00+06:00'),
    ]);
    given(extendedToTheCap)
      .when(extend(1, '2026-11-30T10:00:00+06:00'))
      .thenRefused('EXTENSION_LIMIT_EXCEEDED', /10 already added/);
  });
});
