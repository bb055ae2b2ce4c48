import * as z from 'zod';
import { CalendarEvent } from './calendar-events.js';
import { DirectoryEvent } from './directory-events.js';
import { typesOfFamily } from './envelope.js';
import { UnknownEventError } from './errors.js';
import { MailEvent, SenderEvent } from './intake-events.js';
import { NotificationEvent } from './notification-events.js';
import { RequestEvent } from './request-events.js';
import { SocialAccountEvent, SocialIncidentEvent } from './social-events.js';
import { SocialSenderEvent } from './social-message-events.js';
import { upcast } from './upcasters.js';
import { WebsiteEvent, WebsiteNotificationEvent } from './website-events.js';

/** The stream families of the catalogue, each built when an event of it is first read or written. */
const FAMILIES = [
  RequestEvent,
  CalendarEvent,
  MailEvent,
  SenderEvent,
  SocialSenderEvent,
  NotificationEvent,
  DirectoryEvent,
  WebsiteEvent,
  WebsiteNotificationEvent,
  SocialAccountEvent,
  SocialIncidentEvent,
] as const;

/**
 * Every event this system writes: request, calendar, mail, directory, website and social media streams.
 * Built on first use, with every family: {@link parseAnyEvent} parses with the event's own family instead.
 */
export const AnyEvent = z.lazy(() =>
  z.discriminatedUnion('type', [
    ...RequestEvent.unwrap().options,
    ...CalendarEvent.unwrap().options,
    ...MailEvent.unwrap().options,
    ...SenderEvent.unwrap().options,
    ...SocialSenderEvent.unwrap().options,
    ...NotificationEvent.unwrap().options,
    ...DirectoryEvent.unwrap().options,
    ...WebsiteEvent.unwrap().options,
    ...WebsiteNotificationEvent.unwrap().options,
    ...SocialAccountEvent.unwrap().options,
    ...SocialIncidentEvent.unwrap().options,
  ]),
);
export type AnyEvent = z.infer<typeof AnyEvent>;

/** The current schema version of each event type (appenders write these); builds every family. */
export const currentSchemaVersions = (): Readonly<Record<AnyEvent['type'], number>> =>
  Object.fromEntries(AnyEvent.unwrap().options.map((o) => [o.shape.type.value, o.shape.schemaVersion.value])) as Record<
    AnyEvent['type'],
    number
  >;

/** Each event type's family, known without building a schema. */
const familyOfType = new Map<string, (typeof FAMILIES)[number]>(
  FAMILIES.flatMap((family) => typesOfFamily(family).map((type) => [type, family] as const)),
);

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

/**
 * Reads any stored event, with the schemas of its type's family only (the same result as {@link AnyEvent},
 * whose union hands an event to its type's schema); an unknown type gets {@link AnyEvent}'s own refusal.
 */
export const parseAnyEvent = (raw: unknown): AnyEvent => {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const family = typeof type === 'string' ? familyOfType.get(type) : undefined;
  return family ? parseWith(family, raw) : parseWith(AnyEvent, raw);
};
