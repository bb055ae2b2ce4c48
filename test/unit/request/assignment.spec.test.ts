import { describe, expect, it } from '@jest/globals';
import { fold, type Request } from '../../../domain/request/state.js';
import { requestView } from '../../../domain/views/request-view.js';
import {
  assignedRequest,
  assignedToLegal,
  command,
  given,
  play,
  receivedByEmail,
  spokespersonCleared,
} from '../../support/request-spec.js';

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

  it('to another officer keeps a request in consultation in consultation', () => {
    const reassigned = play([
      receivedByEmail(),
      assignedToLegal(),
      spokespersonCleared(),
      command(
        'AssignRequest',
        { division: 'legal', assignee: 'legal.chief' },
        'legal.chief',
        '2026-11-23T11:00:00+06:00',
      ),
    ]);
    expect(requestView(fold(reassigned) as Request)).toMatchObject({
      status: 'in_consultation',
      assignee: 'legal.chief',
    });
  });
});
