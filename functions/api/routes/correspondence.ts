import { correspondenceOf } from '../../../application/correspondence.js';
import { readContent } from '../../../application/object-store.js';
import { requestStreamId } from '../../../application/request/commands.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { HttpError } from '../errors.js';
import { CorrespondenceReply } from '../schemas/correspondence.js';
import type { Route } from '../types.js';
import { actorOf, requestIdOf } from './input.js';
import { RequestIdParams } from './requests.js';

/** `GET /requests/{id}/correspondence`: everything written in and out of a request, in full. */
export const correspondenceRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/requests/{id}/correspondence',
    summary: 'A request’s whole correspondence, in full, newest last',
    description:
      'Who may read the request (`GET /requests/{id}`) may read this. What the requester wrote and every message in and out — the acknowledgment, clarifications asked, ' +
      'the requester’s replies, the response as sent with its archive copy, a published page given as answer — with attachments and delivery or bounce; ' +
      'views asked (the notice mailed to staff) and recorded, with the question; internal notes. Every text is plain text, in full.',
    tags: ['requests'],
    params: RequestIdParams,
    replies: { 200: { description: 'The correspondence', schema: CorrespondenceReply } },
    errors: { 404: 'No such request' },
    handle: async (input) => {
      // Authorization first: nothing of the request is read for someone who may not see it.
      const refused = authorizeRead(actorOf(input), 'view_request');
      if (refused) throw refused;
      const id = requestIdOf(input);
      const { events } = await input.services.store.read(requestStreamId(id));
      if (events.length === 0) throw new HttpError(404, 'REQUEST_NOT_FOUND', `no request ${id}`);
      const { agency } = input.services.agency.config;
      const items = await correspondenceOf(events, {
        agencyName: agency.name,
        archiveAddress: agency.archiveAddress,
        timeZone: input.services.agency.config.calendar.timeZone,
        read: (content) => readContent(input.services.objects, content),
        directory: await input.services.directory.asOf(input.now),
      });
      return { status: 200, body: { id, items } };
    },
  },
];
