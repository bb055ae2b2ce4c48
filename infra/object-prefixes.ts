/**
 * The prefixes of the mail bucket each function may touch, in one place: the stack grants exactly these,
 * and `test/infra/object-grants.test.ts` finds, in the API's own code, every prefix it writes to and
 * checks that it is here (text over 16 KB goes to object storage: application/object-store.ts).
 */
export const OBJECT_PREFIXES = {
  /** The API stores what staff send: request bodies, clarifications, responses, website updates, attachments. */
  api: { readWrite: ['attachments', 'bodies', 'clarifications', 'responses', 'website'] },
  /** The intake reads raw mail that SES stored, and stores bodies and attachments (the suspicious ones apart). */
  intake: { read: ['raw'], readWrite: ['attachments', 'quarantine', 'bodies'] },
  /** The mailer reads what it sends. */
  mailer: { read: ['attachments', 'bodies', 'clarifications', 'responses'] },
} as const;
