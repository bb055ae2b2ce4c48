import type { MonthFact } from '../../domain/reports/monthly.js';

/**
 * One request as the monthly report counts it: received by email on Monday 2 November 2026 by the Legal
 * Division, due Monday 9th at five, not yet answered; `more` says what happened to it.
 */
export const monthFact = (requestId: string, more: Partial<MonthFact> = {}): MonthFact => ({
  requestId,
  division: 'legal',
  channel: 'email',
  status: 'open',
  receivedAt: '2026-11-02T10:00:00+06:00',
  dueAt: '2026-11-09T17:00:00+06:00',
  respondedAt: null,
  breached: false,
  ...more,
});
