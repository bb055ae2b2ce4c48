/**
 * The event catalogue builds a stream family's schemas when an event of it is first read or written, not
 * when its modules load: the API's cold start for a public calendar read (bench P4b) then builds the
 * calendar's three schemas, not every event type of every stream. Counted by `eventSchemasBuilt()`, which
 * every event schema's construction (`eventSchema`) increments. The imports below are this file's first
 * of the catalogue (jest gives each test file its own modules).
 */
import { describe, expect, it } from '@jest/globals';
import { createDocumentClient, createDynamoClient } from '../../../adapters/dynamodb/client.js';
import { DynamoEventStore } from '../../../adapters/dynamodb/event-store.js';
import * as events from '../../../events/index.js';
import { eventSchemasBuilt, typesOfFamily } from '../../../events/envelope.js';
import { UnknownEventError } from '../../../events/errors.js';
import { SocialSenderEvent } from '../../../events/social-message-events.js';
import * as api from '../../../functions/api/handler.js';

const { AnyEvent, CalendarEvent, RequestEvent, parseAnyEvent } = events;
const official = { kind: 'user', userId: 'calendar.admin', role: 'admin' } as const;

const holidayDeclared = {
  type: 'HolidayDeclared',
  schemaVersion: 1,
  occurredAt: '2026-11-23T05:00:00Z',
  actor: official,
  data: { date: '2026-12-17', name: 'National Day' },
};

describe('event schemas, built on first use', () => {
  it('are not built by loading the catalogue, the event store or the API handler', () => {
    // Prepare
    const loaded = [events, api, DynamoEventStore, createDocumentClient, createDynamoClient];
    // Assess
    expect(loaded.every(Boolean)).toBe(true);
    expect(eventSchemasBuilt()).toBe(0);
  });

  it('reading a calendar event builds the calendar family only', () => {
    // Act
    const read = parseAnyEvent(holidayDeclared);
    // Assess
    expect(read).toEqual(holidayDeclared);
    expect(eventSchemasBuilt()).toBe(typesOfFamily(CalendarEvent).length);
    expect(typesOfFamily(CalendarEvent)).toEqual(['HolidayDeclared', 'HolidayWithdrawn', 'OfficialHolidaysRecorded']);
  });

  it('builds each family once: reading more of it builds nothing more, another family adds its own', () => {
    // Prepare
    const afterCalendar = eventSchemasBuilt();
    // Act
    parseAnyEvent({ ...holidayDeclared, data: { date: '2026-12-18', name: 'Another day' } });
    const stillCalendar = eventSchemasBuilt();
    parseAnyEvent({
      type: 'NoteAdded',
      schemaVersion: 1,
      occurredAt: '2026-11-23T05:00:00Z',
      actor: official,
      data: { text: 'called the requester' },
    });
    // Assess
    expect(stillCalendar).toBe(afterCalendar);
    expect(eventSchemasBuilt()).toBe(afterCalendar + typesOfFamily(RequestEvent).length);
  });

  it('refuses a bad event of a known type exactly as the whole catalogue does', () => {
    // Prepare
    const bad = { ...holidayDeclared, data: { date: '2026-02-30', name: '' } };
    const unknown = { ...holidayDeclared, type: 'HolidayTeleported' };
    // Act
    const refusal = (raw: unknown) => {
      try {
        parseAnyEvent(raw);
      } catch (err) {
        return err;
      }
      throw new Error('expected a refusal');
    };
    // Assess
    for (const raw of [bad, unknown]) {
      const err = refusal(raw);
      const whole = AnyEvent.safeParse(raw);
      expect(err).toBeInstanceOf(UnknownEventError);
      expect(whole.success).toBe(false);
      expect((err as UnknownEventError).details).toEqual(whole.error?.issues);
    }
  });

  it("lists every family's types as its union holds them", () => {
    // Prepare
    const families = [
      events.RequestEvent,
      events.CalendarEvent,
      events.MailEvent,
      events.SenderEvent,
      events.NotificationEvent,
      events.DirectoryEvent,
      events.WebsiteEvent,
      events.WebsiteNotificationEvent,
      events.SocialAccountEvent,
      events.SocialIncidentEvent,
      SocialSenderEvent,
    ];
    // Act
    const listed = families.map((f) => typesOfFamily(f));
    const built = families.map((f) => f.unwrap().options.map((o) => o.shape.type.value as string));
    // Assess
    expect(listed).toEqual(built);
    expect(new Set(listed.flat()).size).toBe(AnyEvent.unwrap().options.length);
  });
});
