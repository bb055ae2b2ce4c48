import { describe, expect, it } from '@jest/globals';
import { isStaleView } from '../../../domain/request/stale-view.js';

const history = (...types: string[]) => types.map((type, i) => ({ version: i + 1, event: { type } }));

describe('an officer acting on what they saw (If-Match)', () => {
  it('is on a current view when nothing happened since', () => {
    expect(isStaleView(2, history('RequestReceived', 'RequestAssigned'), 2)).toBe(false);
  });

  it('is on a stale view once someone did something since', () => {
    expect(isStaleView(2, history('RequestReceived', 'RequestAssigned', 'NoteAdded'), 3)).toBe(true);
    expect(isStaleView(1, history('RequestReceived', 'ConsultationRecorded'), 2)).toBe(true);
  });

  it('is not stale for what the system only recorded since: mail, delivery, bounces, SLA flags and alerts, a due date the calendar moved', () => {
    const bookkeeping = [
      'MailSent',
      'ResponseDelivered',
      'ResponseBounced',
      'SlaAtRisk',
      'SlaBreached',
      'BreachAlertSent',
      'DueDateRecalculated',
    ];
    for (const type of bookkeeping) expect(isStaleView(1, history('RequestReceived', type), 2)).toBe(false);
    expect(isStaleView(1, history('RequestReceived', ...bookkeeping), 1 + bookkeeping.length)).toBe(false);
  });

  it('is stale when it names a version the request never had', () => {
    expect(isStaleView(3, history('RequestReceived', 'RequestAssigned'), 2)).toBe(true);
    expect(isStaleView(2, history('RequestReceived', 'RequestAssigned'), 2)).toBe(false);
  });
});
