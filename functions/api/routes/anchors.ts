import { NotAnchoredError } from '../../../application/anchors/ledger.js';
import { requestStreamId } from '../../../application/request/commands.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { HttpError } from '../errors.js';
import type { ApiServices, Route } from '../types.js';
import { actorOf, requestIdOf } from './input.js';
import { RequestIdParams } from './requests.js';
import { AnchorListReply, ProofReply } from '../schemas/anchors.js';

const ledgerOf = (services: ApiServices) => {
  if (!services.anchors) throw new HttpError(404, 'ANCHORS_NOT_CONFIGURED', 'this deployment keeps no anchors');
  return services.anchors;
};

/** `GET /anchors` (public, so that anyone can mirror them) and a request's evidence bundle for auditors. */
export const anchorRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/anchors',
    public: true,
    summary:
      'Every anchor (signed Merkle roots over all stream heads, chained) and the public key, for anyone to mirror',
    tags: ['audit'],
    replies: { 200: { description: 'The anchors, oldest first, and the anchor key', schema: AnchorListReply } },
    errors: { 404: 'This deployment keeps no anchors' },
    handle: async (input) => {
      const ledger = ledgerOf(input.services);
      const [anchors, publicKey] = await Promise.all([ledger.list(), ledger.publicKey()]);
      return {
        status: 200,
        body: {
          ...(publicKey ? { publicKey } : {}),
          anchors: anchors.map((a) => ({ ...a.statement, signature: a.signature })),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/requests/{id}/proof',
    summary:
      'The evidence bundle of a request (auditors): its events, the inclusion proof of its head, the anchor, its signature, the public key',
    tags: ['audit'],
    params: RequestIdParams,
    replies: { 200: { description: 'The bundle, checkable offline', schema: ProofReply } },
    errors: { 404: 'No such request', 409: 'The request is not in an anchor yet (NOT_YET_ANCHORED)' },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'verify_history');
      if (refused) throw refused;
      const streamId = requestStreamId(requestIdOf(input));
      const read = await input.services.store.read(streamId);
      if (read.events.length === 0) throw new HttpError(404, 'REQUEST_NOT_FOUND', `no request ${input.params.id}`);
      try {
        return { status: 200, body: await ledgerOf(input.services).proof(streamId, read.events) };
      } catch (err) {
        if (err instanceof NotAnchoredError)
          throw new HttpError(
            409,
            'NOT_YET_ANCHORED',
            `${input.params.id} is not in an anchor yet: anchors are written after close of office each working day`,
          );
        throw err;
      }
    },
  },
];
