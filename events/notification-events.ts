import * as z from 'zod';
import { eventFamily, eventSchema } from './envelope.js';
import { LocalDate, RequestReference } from './primitives.js';

/** A daily alert digest went to one person (stream `digest#<day>.<userId>`): at most one per working day. */
const AlertDigestSent = () =>
  eventSchema(
    'AlertDigestSent',
    1,
    z.strictObject({
      recipient: z.string().min(1).max(100),
      day: LocalDate,
      requestIds: z.array(RequestReference).max(1000),
      sesMessageId: z.string().min(1).max(998),
    }),
  );

/** The monthly report went to the head of agency (stream `report#<YYYY-MM>`): once per month. */
const MonthlyReportSent = () =>
  eventSchema(
    'MonthlyReportSent',
    1,
    z.strictObject({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      recipients: z.array(z.string().min(1)).min(1),
      sesMessageIds: z.array(z.string().min(1)),
    }),
  );

export const NotificationEvent = eventFamily({ AlertDigestSent, MonthlyReportSent });
export type NotificationEvent = z.infer<typeof NotificationEvent>;
