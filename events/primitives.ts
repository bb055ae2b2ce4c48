import * as z from 'zod';
import { EmailAddress } from './email-address.js';

/** An instant with an explicit offset or `Z`, e.g. `2026-11-20T10:00:00+06:00`. */
export const Instant = z.iso.datetime({ offset: true });

/** A calendar date in the agency's time zone, `YYYY-MM-DD`. */
export const LocalDate = z.iso.date();

/** `<PREFIX>-<YYYY>-<NNNNN>`, e.g. `NECS-2026-00001`. */
export const RequestReference = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5,}$/, 'expected <PREFIX>-<YYYY>-<NNNNN>');

export const Sha256Hex = z.string().regex(/^[a-f0-9]{64}$/, 'expected a lowercase hex SHA-256');

export const Role = z.enum([
  'intake_officer',
  'division_officer',
  'division_chief',
  'spokesperson',
  'head_of_agency',
  'auditor',
  'admin',
  /** The plan's clause 9: keeps the register of official social media accounts and their record. */
  'social_media_lead',
]);
export type Role = z.infer<typeof Role>;

/** `social`: a private message to one of the agency's social media accounts (Meta's webhook). */
export const Channel = z.enum(['email', 'walk_in', 'phone', 'letter', 'web', 'social']);
export type Channel = z.infer<typeof Channel>;

export const RequesterKind = z.enum(['public', 'agency']);

/** The social platforms whose private messages become requests. */
export const SocialPlatform = z.enum(['facebook']);
export type SocialPlatform = z.infer<typeof SocialPlatform>;

/** A person's id on a platform as the platform gives it to the agency (Meta's page-scoped id, PSID). */
export const SocialSenderId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, "expected the platform's id of the sender");

/**
 * Who asked. A requester is reached by `email`, or — for a message to a social media account — by
 * `platform` and `senderId` (answers go back as private messages there); events written before social
 * requests existed have neither platform field and read as they always did.
 */
export const Requester = z.strictObject({
  name: z.string().min(1).max(200),
  email: EmailAddress.optional(),
  organization: z.string().max(200).optional(),
  kind: RequesterKind,
  platform: SocialPlatform.optional(),
  senderId: SocialSenderId.optional(),
});
export type Requester = z.infer<typeof Requester>;

/**
 * Text that may be large (an email body, a response): small text travels inline,
 * anything else lives in object storage and the event keeps its key and digest,
 * so no event approaches DynamoDB's 400 KB item limit.
 */
export const Content = z.union([
  z.strictObject({ inline: z.string().max(16_384) }),
  z.strictObject({
    storageKey: z.string().min(1).max(1024),
    sha256: Sha256Hex,
    sizeBytes: z.number().int().nonnegative(),
  }),
]);
export type Content = z.infer<typeof Content>;

/** A file received or shared; the bytes live in object storage. */
export const AttachmentRef = z.strictObject({
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  storageKey: z.string().min(1).max(1024),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;
