import * as z from 'zod';
import { CalendarEvent } from './calendar-events.js';
import { DirectoryEvent } from './directory-events.js';
import { UnknownEventError } from './errors.js';
import { MailEvent, SenderEvent } from './intake-events.js';
import { NotificationEvent } from './notification-events.js';
import { RequestEvent } from './request-events.js';
import { SocialAccountEvent, SocialIncidentEvent } from './social-events.js';
import { SocialSenderEvent } from './social-message-events.js';
import { upcast } from './upcasters.js';
import { WebsiteEvent, WebsiteNotificationEvent } from './website-events.js';

/** Every event this system writes: request, calendar, mail, directory, website and social media streams. */
export const AnyEvent = z.discriminatedUnion('type', [
  ...RequestEvent.options,
  ...CalendarEvent.options,
  ...MailEvent.options,
  ...SenderEvent.options,
  ...SocialSenderEvent.options,
  ...NotificationEvent.options,
  ...DirectoryEvent.options,
  ...WebsiteEvent.options,
  ...WebsiteNotificationEvent.options,
  ...SocialAccountEvent.options,
  ...SocialIncidentEvent.options,
]);
export type AnyEvent = z.infer<typeof AnyEvent>;

/** The current schema version of each event type; appenders write these. */
export const currentSchemaVersions: Readonly<Record<AnyEvent['type'], number>> = Object.fromEntries(
  AnyEvent.options.map((o) => [o.shape.type.value, o.shape.schemaVersion.value]),
) as Record<AnyEvent['type'], number>;

const parseWith = <S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> => {
  const result = schema.safeParse(upcast(raw));
  if (!result.success) {
    const head = z.object({ type: z.string(), schemaVersion: z.number() }).safeParse(raw);
    const what = head.success ? `${head.data.type} v${head.data.schemaVersion}` : 'an event without type/schemaVersion';
    throw new UnknownEventError(`cannot read ${what}: ${z.prettifyError(result.error)}`, result.error.issues);
  }
  return result.data;
};

/** Reads a stored request event of any known schema version, upcast to the current one. */
export const parseRequestEvent = (raw: unknown): RequestEvent => parseWith(RequestEvent, raw);

/** Reads a stored calendar event, upcast to the current schema version. */
export const parseCalendarEvent = (raw: unknown): CalendarEvent => parseWith(CalendarEvent, raw);

/** Reads a stored intake (mail) event. */
export const parseMailEvent = (raw: unknown): MailEvent => parseWith(MailEvent, raw);

/** Reads a stored website-update event. */
export const parseWebsiteEvent = (raw: unknown): WebsiteEvent => parseWith(WebsiteEvent, raw);
/** Reads a stored directory event (people, divisions, roles, leave). */
export const parseDirectoryEvent = (raw: unknown): DirectoryEvent => parseWith(DirectoryEvent, raw);

/** Reads any stored event. */
export const parseAnyEvent = (raw: unknown): AnyEvent => parseWith(AnyEvent, raw);
