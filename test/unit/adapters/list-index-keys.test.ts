import { describe, expect, it } from '@jest/globals';
import { readItemsFor } from '../../../adapters/dynamodb/read-items.js';
import { fold, exists, type Request } from '../../../domain/request/state.js';
import { indexFor, listQuery } from '../../../functions/api/routes/request-list.js';
import { assignedRequest } from '../../support/request-spec.js';

const request = (): Request => {
  const state = fold(assignedRequest());
  if (!exists(state)) throw new Error('no request');
  return state;
};

describe('the request list’s index keys', () => {
  it('that the API reads for each filter are the ones the projector writes for a matching request', () => {
    const s = request();
    const [view] = readItemsFor(s, 2, 'Asia/Thimphu');
    const queries = [
      {},
      { status: s.status },
      { channel: s.channel },
      { division: s.division },
      { assignee: 'me' },
    ].map((q) => listQuery.parse(q));
    for (const q of queries) {
      const key = indexFor(q, s.assignee ?? 'nobody');
      expect({ [key.keyName]: view?.[key.keyName] }).toEqual({ [key.keyName]: key.keyValue });
    }
  });
});
