import { describe, expect, it } from '@jest/globals';
import { assignedRequest, command, given, play, receivedByEmail } from '../../support/request-spec.js';

// Who a request may be assigned to, and what the assignment records.

const MONDAY = '2026-11-23T09:00:00+06:00';

describe('assigning', () => {
  it('moves the request to another officer of the same division, who is no previous division', () => {
    given(assignedRequest())
      .when(command('AssignRequest', { division: 'legal', assignee: 'legal.chief' }, 'legal.chief', MONDAY))
      .then([
        {
          type: 'RequestAssigned',
          schemaVersion: 1,
          occurredAt: MONDAY,
          actor: { kind: 'user', userId: 'legal.chief', role: 'division_chief' },
          data: { division: 'legal', assignee: 'legal.chief' },
        },
      ]);
  });

  it('may name the division’s chief, even one who is also an administrator', () => {
    given(play([receivedByEmail()]))
      .when(command('AssignRequest', { division: 'ict', assignee: 'ict.head' }, 'ict.officer', MONDAY))
      .then([expect.objectContaining({ data: { division: 'ict', assignee: 'ict.head' } })]);
  });
});
