import type { Actor } from '../agency/actor.js';
import { DomainError } from '../shared/errors.js';

/** The monthly report is the head of agency's, the division chiefs' and the auditors' (and the system's, which mails it). */
export const authorizeMonthlyReport = (actor: Actor): DomainError | undefined =>
  actor.kind === 'system' || actor.roles.some((r) => r === 'head_of_agency' || r === 'division_chief' || r === 'auditor')
    ? undefined
    : new DomainError('FORBIDDEN', 'the monthly report is for the head of agency, division chiefs and auditors');
