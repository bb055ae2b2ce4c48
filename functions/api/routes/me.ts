import { abilitiesOf } from '../../../domain/agency/abilities.js';
import { ICT_DIVISION } from '../../../domain/views/website-view.js';
import { HttpError } from '../errors.js';
import { MeReply } from '../schemas/replies.js';
import type { Route } from '../types.js';
import { actorOf } from './input.js';

/** `GET /me`: the signed-in person as today's directory knows them. */
export const meRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/me',
    summary: 'The signed-in person',
    tags: ['people'],
    replies: { 200: { description: 'Who the caller is, with roles and division', schema: MeReply } },
    handle: async (input) => {
      const actor = actorOf(input);
      if (actor.kind !== 'user') throw new HttpError(403, 'FORBIDDEN', 'only people have a profile');
      const person = (await input.services.directory.asOf(input.now)).user(actor.userId);
      return {
        status: 200,
        body: {
          userId: actor.userId,
          name: person?.name ?? actor.userId,
          email: person?.email ?? '',
          roles: actor.roles,
          division: actor.division ?? null,
          can: abilitiesOf(actor, ICT_DIVISION),
        },
      };
    },
  },
];
