import * as z from 'zod';
import type { PortalDeps } from '../../../application/portal/portal.js';
import { HttpError } from '../errors.js';
import type { ApiServices, RouteInput } from '../types.js';

/** The portal's dependencies from the API's services; 503 where the portal is not set up. */
export const portalDepsOf = async (services: ApiServices): Promise<PortalDeps> => {
  const portal = services.portal;
  if (!portal) throw new HttpError(503, 'PORTAL_UNAVAILABLE', 'the public portal is not set up here');
  return {
    submissions: portal.submissions,
    commands: services.commands,
    store: services.store,
    objects: services.objects,
    agency: services.agency,
    queueConfirmation: portal.queueConfirmation,
    secret: await portal.secret(),
    baseUrl: portal.baseUrl,
  };
};

const Text = (max: number) => z.string().trim().min(1).max(max);

/** What someone asks through the portal (JSON or the form's fields). */
export const SubmissionBody = z.strictObject({
  name: Text(200),
  email: z.email().max(254),
  subject: Text(300),
  body: Text(20_000),
  organization: z.string().trim().max(200).optional(),
  kind: z.enum(['public', 'agency']).optional(),
});

/** A reference number in a public path; anything else is simply not found. */
export const isReference = (id: string | undefined): id is string =>
  typeof id === 'string' && /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5,}$/.test(id);

/** The public log's cursor: opaque to clients, the sort key of the last entry shown. */
export const encodeLogCursor = (sk: string) => Buffer.from(sk, 'utf8').toString('base64url');
export const decodeLogCursor = (cursor: string): string => {
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5,}$/.test(sk))
    throw new HttpError(400, 'INVALID_CURSOR', 'cursor: not one this API gave');
  return sk;
};

export const sourceIpOf = (input: RouteInput) => input.sourceIp;
