import { z } from 'zod';
import { eventSchema } from './envelope.js';
import { LocalDate, RequestReference } from './primitives.js';

/** A daily alert digest went to one person (stream `digest#<day>.<userId>`): at most one per working day. */
export const AlertDigestSent = eventSchema(
  'AlertDigestSent',
  1,
  z.strictObject({
    recipient: z.string().min(1).max(100),
    day: LocalDate,
    requestIds: z.array(RequestReference).max(1000),
    sesMessageId: z.string().min(1).max(998),
  }),
);

export const NotificationEvent = z.discriminatedUnion('type', [AlertDigestSent]);
export type NotificationEvent = z.infer<typeof NotificationEvent>;
