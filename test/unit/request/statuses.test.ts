import { describe, expect, it } from '@jest/globals';
import { listQuery, filterFor } from '../../../functions/api/routes/request-list.js';
import {
  CLOCK_RUNNING_STATUSES,
  FINISHED_STATUSES,
  OPEN_STATUSES,
  REQUEST_STATUSES,
  UNFINISHED_STATUSES,
  WORKING_STATUSES,
} from '../../../domain/request/statuses.js';
import { ACTION_RULES } from '../../../domain/request/allowed-actions.js';

describe('request statuses, defined once', () => {
  it('are the contract’s seven, in workflow order', () => {
    expect(REQUEST_STATUSES).toEqual([
      'received',
      'assigned',
      'in_consultation',
      'awaiting_clarification',
      'responded',
      'archived',
      'closed',
    ]);
  });

  it('group into open, answered and finished, each status in exactly one', () => {
    expect([...OPEN_STATUSES, 'responded', ...FINISHED_STATUSES]).toEqual(REQUEST_STATUSES);
    expect(UNFINISHED_STATUSES).toEqual([...OPEN_STATUSES, 'responded']);
    expect(WORKING_STATUSES.every((s) => (OPEN_STATUSES as readonly string[]).includes(s))).toBe(true);
    expect(CLOCK_RUNNING_STATUSES).toEqual(['received', 'assigned', 'in_consultation']);
  });

  it('are what `GET /requests?status=` accepts, and nothing else', () => {
    for (const status of REQUEST_STATUSES) expect(listQuery.safeParse({ status }).success).toBe(true);
    expect(listQuery.safeParse({ status: 'open' }).success).toBe(false);
  });

  it('end a work list (`open=true`) at the finished statuses', () => {
    const filter = filterFor(listQuery.parse({ open: 'true' }), 'u-1', 'listByDue');
    expect(filter?.expression).toBe('NOT (#view.#status IN (:archived, :closed))');
    expect(Object.values(filter?.values ?? {})).toEqual([...FINISHED_STATUSES]);
  });

  it('let a note be added in every status, and an assignment only while a request is open', () => {
    expect(ACTION_RULES.note.statuses).toEqual(REQUEST_STATUSES);
    expect(ACTION_RULES.assign.statuses).toEqual(OPEN_STATUSES);
  });
});
