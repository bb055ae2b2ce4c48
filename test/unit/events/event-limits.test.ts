import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { AnyEvent } from '../../../events/catalogue.js';
import { EMAIL_MAX_LENGTH } from '../../../events/email-address.js';
import { InvalidEventError } from '../../../events/errors.js';
import { validateEvents } from '../../../events/validate-events.js';

/**
 * Every limit the store enforces on an event field, as `<event type> <field path>: [min, max]` (`|n`: the
 * n-th form of a field that has several, e.g. inline text or a stored object; `[]`: each element).
 * The store refuses to write what it could not read back, whatever route or job produced it, so each limit
 * is held here at the store and not only where one API route happens to check the same field.
 * Changing a limit in `events/` means changing it here, on purpose.
 */
const LIMITS: Record<string, readonly [min: number | null, max: number | null]> = {
  'RequestReceived data.requester.name': [1, 200],
  'RequestReceived data.requester.email': [null, 320],
  'RequestReceived data.requester.organization': [null, 200],
  'RequestReceived data.replyTo': [null, 320],
  'RequestReceived data.subject': [null, 998],
  'RequestReceived data.body|0.inline': [null, 16_384],
  'RequestReceived data.body|1.storageKey': [1, 1024],
  'RequestReceived data.attachments': [null, 100],
  'RequestReceived data.attachments[].filename': [1, 255],
  'RequestReceived data.attachments[].contentType': [1, 255],
  'RequestReceived data.attachments[].storageKey': [1, 1024],
  'RequestReceived data.messageId': [null, 998],
  'RequestReceived data.account': [1, 100],
  'SocialMessageRouted data.messageId': [1, 500],
  'SocialMessageSent data.messageId': [1, 200],
  'SocialMessageSent data.platformMessageIds': [1, 20],
  'SocialMessageSent data.platformMessageIds[]': [1, 500],
  'RequestAssigned data.division': [1, null],
  'RequestAssigned data.assignee': [1, 100],
  'RequestAssigned data.previousDivision': [1, null],
  'ConsultationRecorded data.person': [1, 100],
  'ConsultationRecorded data.note': [null, 10_000],
  'ConsultationRequested data.person': [1, 100],
  'ConsultationRequested data.question': [1, 2000],
  'ConsultationRequested data.notify': [1, 10],
  'ConsultationRequested data.notify[]': [1, 100],
  'ClarificationRequested data.message|0.inline': [null, 16_384],
  'ClarificationRequested data.message|1.storageKey': [1, 1024],
  'RequesterMessageReceived data.from': [null, 320],
  'RequesterMessageReceived data.subject': [null, 998],
  'RequesterMessageReceived data.body|0.inline': [null, 16_384],
  'RequesterMessageReceived data.body|1.storageKey': [1, 1024],
  'RequesterMessageReceived data.attachments': [null, 100],
  'RequesterMessageReceived data.attachments[].filename': [1, 255],
  'RequesterMessageReceived data.attachments[].contentType': [1, 255],
  'RequesterMessageReceived data.attachments[].storageKey': [1, 1024],
  'RequesterMessageReceived data.messageId': [null, 998],
  'DeadlineExtended data.reason': [1, 2000],
  'DueDateRecalculated data.cause.name': [null, 200],
  'ResponseSent data.responseId': [1, 100],
  'ResponseSent data.body|0.inline': [null, 16_384],
  'ResponseSent data.body|1.storageKey': [1, 1024],
  'ResponseSent data.reason': [null, 10_000],
  'ResponseSent data.attachments': [null, 100],
  'ResponseSent data.attachments[].filename': [1, 255],
  'ResponseSent data.attachments[].contentType': [1, 255],
  'ResponseSent data.attachments[].storageKey': [1, 1024],
  'ResponseSent data.to[]': [null, 320],
  'ResponseSent data.cc[]': [null, 320],
  'MailSent data.mailId': [1, 200],
  'MailSent data.sesMessageId': [1, 998],
  'MailSent data.to[]': [null, 320],
  'ResponseDelivered data.sesMessageId': [1, 998],
  'ResponseDelivered data.recipients[]': [null, 320],
  'ResponseBounced data.sesMessageId': [1, 998],
  'ResponseBounced data.recipients[]': [null, 320],
  'ResponseBounced data.diagnostic': [null, 2000],
  'RequestArchived data.topics': [null, 20],
  'RequestArchived data.topics[]': [1, 100],
  'RequestClosed data.note': [null, 10_000],
  'RequestClosed data.url': [null, 2000],
  'NoteAdded data.text': [1, 10_000],
  'BreachAlertSent data.digestId': [1, 200],
  'BreachAlertSent data.recipients': [1, null],
  'BreachAlertSent data.recipients[]': [1, 100],
  'HolidayDeclared data.name': [1, 200],
  'HolidayDeclared data.region': [1, 100],
  'HolidayWithdrawn data.reason': [1, 2000],
  'OfficialHolidaysRecorded data.source': [1, 2000],
  'OfficialHolidaysRecorded data.holidays': [null, 400],
  'OfficialHolidaysRecorded data.holidays[].name': [1, 200],
  'OfficialHolidaysRecorded data.holidays[].region': [1, 100],
  'MailReceived data.raw.storageKey': [1, 1024],
  'MailReceived data.messageId': [null, 998],
  'MailReceived data.from': [null, 320],
  'MailReceived data.fromName': [null, 200],
  'MailReceived data.fromHeader': [null, 998],
  'MailReceived data.replyTo': [null, 320],
  'MailReceived data.to': [null, 100],
  'MailReceived data.to[]': [null, 320],
  'MailReceived data.subject': [null, 998],
  'MailReceived data.body|0.inline': [null, 16_384],
  'MailReceived data.body|1.storageKey': [1, 1024],
  'MailReceived data.attachments': [null, 100],
  'MailReceived data.attachments[].filename': [1, 255],
  'MailReceived data.attachments[].contentType': [1, 255],
  'MailReceived data.attachments[].storageKey': [1, 1024],
  'MailReceived data.quarantined': [null, 100],
  'MailReceived data.quarantined[].filename': [null, 255],
  'MailReceived data.quarantined[].contentType': [null, 255],
  'MailReceived data.quarantined[].storageKey': [1, 1024],
  'MailReceived data.quarantined[].reason': [1, 200],
  'MailReceived data.parseWarnings': [null, 20],
  'MailReceived data.parseWarnings[]': [null, 500],
  'MailRouted data.reason': [null, 500],
  'MailHeld data.reason': [1, 100],
  'MailHeld data.detail': [null, 1000],
  'MailIgnored data.reason': [1, 100],
  'MailIgnored data.detail': [null, 1000],
  'HeldMailDiscarded data.reason': [1, 1000],
  'AlertDigestSent data.recipient': [1, 100],
  'AlertDigestSent data.requestIds': [null, 1000],
  'AlertDigestSent data.sesMessageId': [1, 998],
  'MonthlyReportSent data.recipients': [1, null],
  'MonthlyReportSent data.recipients[]': [1, null],
  'MonthlyReportSent data.sesMessageIds[]': [1, null],
  'DivisionAdded data.name': [1, 200],
  'PersonAdded data.name': [1, 200],
  'PersonAdded data.email': [null, 320],
  'PersonAdded data.roles': [1, 7],
  'PersonAppointed data.roles': [1, 7],
  'PersonAppointed data.order': [1, 200],
  'PersonDeactivated data.reason': [1, 2000],
  'WebsiteUpdateSubmitted data.division': [1, 64],
  'WebsiteUpdateSubmitted data.title': [1, 300],
  'WebsiteUpdateSubmitted data.body|0.inline': [null, 16_384],
  'WebsiteUpdateSubmitted data.body|1.storageKey': [1, 1024],
  'WebsiteUpdateSubmitted data.attachments': [null, 100],
  'WebsiteUpdateSubmitted data.attachments[].filename': [1, 255],
  'WebsiteUpdateSubmitted data.attachments[].contentType': [1, 255],
  'WebsiteUpdateSubmitted data.attachments[].storageKey': [1, 1024],
  'WebsiteUpdateSubmitted data.origin.topic': [1, 100],
  'WebsiteUpdateSubmitted data.origin.requestIds': [null, 500],
  'WebsiteUpdateReturned data.reason': [1, 2000],
  'WebsiteUpdateResubmitted data.body|0.inline': [null, 16_384],
  'WebsiteUpdateResubmitted data.body|1.storageKey': [1, 1024],
  'WebsiteUpdateResubmitted data.attachments': [null, 100],
  'WebsiteUpdateResubmitted data.attachments[].filename': [1, 255],
  'WebsiteUpdateResubmitted data.attachments[].contentType': [1, 255],
  'WebsiteUpdateResubmitted data.attachments[].storageKey': [1, 1024],
  'WebsiteUpdatePublished data.url': [null, 2000],
  'WebsiteUpdateWithdrawn data.reason': [1, 2000],
  'WebsiteDueDateRecalculated data.cause.name': [null, 200],
  'WebsiteBreachAlertSent data.digestId': [1, 200],
  'WebsiteBreachAlertSent data.recipients': [1, null],
  'WebsiteBreachAlertSent data.recipients[]': [1, 100],
  'WebsiteReviewPackSent data.recipients': [1, null],
  'WebsiteReviewPackSent data.recipients[]': [1, 100],
  'WebsiteReviewPackSent data.sesMessageIds[]': [1, 998],
  'SocialAccountProposed data.handle': [1, 200],
  'SocialAccountProposed data.url': [null, 2_000],
  'SocialAccountProposed data.purpose': [1, 4_000],
  'SocialAccountProposed data.plan.goals': [1, 4_000],
  'SocialAccountProposed data.plan.audience': [1, 4_000],
  'SocialAccountProposed data.plan.risks': [1, 4_000],
  'SocialAccountProposed data.plan.resources': [1, 4_000],
  'SocialAccountProposed data.plan.measures': [1, 4_000],
  'SocialAccountProposed data.plan.governance': [1, 4_000],
  'SocialAccountAssessed data.privacyRisks': [1, 8_000],
  'SocialAccountAssessed data.mitigations': [1, 8_000],
  'SocialAccountEvaluated data.period': [1, 100],
  'SocialAccountEvaluated data.findings': [1, 8_000],
  'SocialAccountRetired data.reason': [1, 2_000],
  'SocialRecordersNamed data.recorders': [null, 50],
  'SocialRecordersNamed data.recorders[]': [1, 100],
  'SocialPostRecorded data.text': [1, 16_384],
  'SocialPostRecorded data.url': [null, 2_000],
  'SocialPostRecorded data.reason': [1, 2_000],
  'SocialIncidentOpened data.title': [1, 300],
  'SocialIncidentOpened data.description': [1, 8_000],
  'SocialIncidentActionRecorded data.text': [1, 8_000],
  'SocialIncidentClosed data.resolution': [1, 8_000],
};

// ——— Reading the limits off the catalogue (its JSON Schema form), and making events that meet them ———

type Json = { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const schemas = new Map(
  AnyEvent.unwrap().options.map((o) => [
    o.shape.type.value as string,
    z.toJSONSchema(o.shape.data, { io: 'input', unrepresentable: 'any' }) as Json,
  ]),
);
const branches = (s: Json): Json[] | undefined => s.anyOf ?? s.oneOf;

/** Every `path: [min, max]` of string lengths and array sizes in one event type's data. */
const limitsIn = (type: string): [string, [number | null, number | null]][] => {
  const found: [string, [number | null, number | null]][] = [];
  const walk = (s: Json, path: string) => {
    const min = s.minLength ?? s.minItems ?? null;
    const max = s.maxLength ?? s.maxItems ?? null;
    if (min !== null || max !== null) found.push([`${type} ${path}`, [min, max]]);
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Json>)) walk(v, `${path}.${k}`);
    if (s.items) walk(s.items as Json, `${path}[]`);
    branches(s)?.forEach((b, i) => walk(b, `${path}|${i}`));
  };
  walk(schemas.get(type) as Json, 'data');
  return found;
};

/** An address of exactly `length` characters that mail could be sent to (local part ≤ 64, labels ≤ 63). */
const emailOfLength = (length: number): string => {
  const domainLength = Math.min(255, length - 2);
  const labels: string[] = [];
  let left = domainLength;
  while (left > 0) {
    const take = left > 63 ? Math.min(63, left - 2) : left; // leave room for a dot and a label of at least one letter
    labels.push('b'.repeat(take));
    left -= take + 1;
  }
  if (labels.length < 2) return `${'k'.repeat(length - 5)}@b.bt`;
  return `${'k'.repeat(length - 1 - domainLength)}@${labels.join('.')}`;
};

/** A string of `length` characters valid for the field's form. */
const textOfLength = (s: Json, length: number): string => {
  // An email address is the one field of 320 characters at most (EmailAddress: a refinement JSON Schema cannot show).
  if (s.format === 'email' || s.maxLength === EMAIL_MAX_LENGTH) return emailOfLength(length);
  if (s.format === 'uri') return `https://necs.example/${'p'.repeat(length - 21)}`;
  return 'x'.repeat(length);
};

/** Samples for fields of a fixed form: references, website update ids, months, digests, addresses. */
const PATTERNED = [
  'legal',
  'NECS-2026-00001',
  'WEB-2026-00001',
  'SMA-2026-00001',
  'INC-2026-00001',
  '2026-11',
  'a'.repeat(64),
  'karma@example.bt',
];

/** A value valid for `s` (every optional field present, each array with one element); `target` is set to `at`. */
const sample = (s: Json, path: string, target: string, at: (s: Json) => unknown): unknown => {
  if (path === target) return at(s);
  const options = branches(s);
  if (options) {
    const i = options.findIndex((_, n) => target.startsWith(`${path}|${n}`));
    return sample(options[Math.max(i, 0)] as Json, i >= 0 ? `${path}|${i}` : `${path}|0`, target, at);
  }
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((s.properties ?? {}) as Record<string, Json>).map(([k, v]) => [
          k,
          sample(v, `${path}.${k}`, target, at),
        ]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
        sample(s.items as Json, `${path}[]`, target, at),
      );
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 2026);
    case 'boolean':
      return true;
    case 'string':
      return s.format === 'date-time'
        ? '2026-11-23T10:00:00+06:00'
        : s.format === 'date'
          ? '2026-11-23'
          : s.pattern
            ? (PATTERNED.find((v) => new RegExp(s.pattern as string, 'u').test(v)) ?? 'no sample for this pattern')
            : s.format === 'uri'
              ? 'https://necs.example/page'
              : textOfLength(s, Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 12, 12)));
    default:
      return 'x';
  }
};

const eventWith = (type: string, target: string, at: (s: Json) => unknown) => {
  const option = AnyEvent.unwrap().options.find((o) => o.shape.type.value === type);
  return {
    type,
    schemaVersion: option?.shape.schemaVersion.value,
    occurredAt: '2026-11-23T10:00:00+06:00',
    actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
    data: sample(schemas.get(type) as Json, 'data', target, at),
  } as AnyEvent;
};

/** A string of `n` characters, or an array of `n` elements valid for the field. */
const ofSize = (n: number, path: string) => (s: Json) =>
  s.type === 'array'
    ? Array.from({ length: n }, (_, i) => uniqueElement(s.items as Json, `${path}[]`, i))
    : textOfLength(s, n);
/** Elements differ where a list must not repeat itself (roles). */
const uniqueElement = (items: Json, path: string, i: number) =>
  items.enum ? items.enum[i % items.enum.length] : sample(items, path, '', () => undefined);

const written = (event: AnyEvent) => () => validateEvents('test#limits', [event]);

describe('event-level limits, enforced by the store', () => {
  it('are exactly the limits the catalogue declares (a limit added, changed or dropped shows here)', () => {
    const declared = Object.fromEntries([...schemas.keys()].flatMap(limitsIn));
    expect(declared).toEqual(LIMITS);
  });

  it.each(Object.entries(LIMITS))('%s: %j', (key, [min, max]) => {
    const [type, path] = key.split(' ') as [string, string];
    const writeSized = (n: number) => written(eventWith(type, path, ofSize(n, path)));
    if (max !== null) {
      expect(writeSized(max)).not.toThrow();
      expect(writeSized(max + 1)).toThrow(InvalidEventError);
    }
    if (min !== null) {
      expect(writeSized(min)).not.toThrow();
      if (min > 0) expect(writeSized(min - 1)).toThrow(InvalidEventError);
    }
  });
});
