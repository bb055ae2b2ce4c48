import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import { authorizeMonthlyReport } from '../../../domain/reports/policy.js';
import type { Role } from '../../../events/primitives.js';

// Who may read the monthly report: the head of agency, division chiefs, auditors, and the system that mails it.

const person = (...roles: Role[]): Actor => ({ kind: 'user', userId: 'pema', roles });

describe('who may read the monthly report', () => {
  it('lets the head of agency, a division chief and an auditor read it', () => {
    expect(authorizeMonthlyReport(person('head_of_agency'))).toBeUndefined();
    expect(authorizeMonthlyReport(person('division_chief'))).toBeUndefined();
    expect(authorizeMonthlyReport(person('auditor'))).toBeUndefined();
    expect(authorizeMonthlyReport(person('intake_officer', 'auditor'))).toBeUndefined();
  });

  it('lets the system mail it', () => {
    expect(authorizeMonthlyReport({ kind: 'system', component: 'monthly-report' })).toBeUndefined();
  });

  it('refuses an intake officer, and someone with no role, saying who it is for', () => {
    for (const actor of [person('intake_officer'), person()]) {
      expect(authorizeMonthlyReport(actor)).toMatchObject({
        code: 'FORBIDDEN',
        message: 'the monthly report is for the head of agency, division chiefs and auditors',
      });
    }
  });
});
