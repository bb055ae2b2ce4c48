import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocalStack } from '../../local/stack.js';
import { intakeOf, outbox, startTestStack } from '../support/stack.js';

const corpus = fileURLToPath(new URL('../fixtures/alaveteli/', import.meta.url));

/**
 * The decided outcome of each real-world message of shared/corpus (copied to test/fixtures/alaveteli). Automatic mail with a strong
 * signal is ignored (recorded, never answered); an out-of-office recognisable only by its subject is
 * held; mail whose From is a placeholder Alaveteli's tests substitute (EMAIL_FROM) cannot be answered
 * and is held as unreadable; everything else opens a request, attachments kept.
 */
const expected: Record<string, [outcome: string, reason: string, attachments?: number]> = {
  'apple-mail-with-attachments.eml': ['new_request', 'a new mail to the intake address', 3],
  'autoresponse-header.eml': ['ignored', 'auto_reply'],
  'dos-linebreaks.eml': ['held', 'unreadable_sender'],
  'empty-8bit.eml': ['held', 'unreadable_sender'],
  'empty-return-path.eml': ['ignored', 'bounce'],
  'forward-quoting-example.eml': ['new_request', 'a new mail to the intake address'],
  'humberside-police-odd-mime-type.eml': ['ignored', 'auto_reply'],
  'incoming-request-attachment-headers.eml': ['new_request', 'a new mail to the intake address', 2],
  'incoming-request-bad-uuencoding.eml': ['held', 'unreadable_sender'],
  'incoming-request-pdf-attachment.eml': ['held', 'unreadable_sender', 1],
  'incoming-request-plain.eml': ['held', 'unreadable_sender'],
  'incoming-request-two-same-name.eml': ['held', 'unreadable_sender', 2],
  'iso8859_1_with_extended_character_set.eml': ['held', 'unreadable_sender'],
  'lotus-notes-quoting.eml': ['new_request', 'a new mail to the intake address'],
  'malformed-to-and-cc.eml': ['new_request', 'a new mail to the intake address'],
  'many-attachments-date-header.eml': ['new_request', 'a new mail to the intake address', 9],
  'multipart-unicode-unix-endings.eml': ['held', 'unreadable_sender'],
  'no-body.eml': ['new_request', 'a new mail to the intake address', 1],
  'no-part-charset-bad-utf8.eml': ['new_request', 'a new mail to the intake address'],
  // Same Message-ID as no-body.eml (delivered just before): one request per Message-ID; kept, recorded.
  'non-utf8-filename.eml': ['ignored', 'duplicate', 2],
  'quoted-subject-iso8859-1.eml': ['held', 'unreadable_sender', 1],
  'rfc822-attachment.eml': ['new_request', 'a new mail to the intake address', 1],
  'space-boundary.eml': ['new_request', 'a new mail to the intake address', 1],
  'subject-bad-utf-8-trailing-base64.eml': ['held', 'unreadable_sender'],
  'tnef-attachment-truncated.eml': ['new_request', 'a new mail to the intake address', 1],
  'track-response-exim-bounce.eml': ['ignored', 'auto_reply'],
  'track-response-generic-oof.eml': ['ignored', 'bounce'],
  'track-response-lotus-oof-1.eml': ['ignored', 'auto_reply'],
  'track-response-messageclass-oof.eml': ['ignored', 'bounce'],
  'track-response-multipart-report.eml': ['ignored', 'bounce'],
  'track-response-outlook-oof.eml': ['held', 'possible_auto_reply'],
  'unrecognized-encoding-mail.eml': ['new_request', 'a new mail to the intake address'],
  'utf-7-conversion.eml': ['ignored', 'bounce'],
};

let stack: LocalStack;
let intake: ReturnType<typeof intakeOf>;
beforeAll(async () => {
  stack = await startTestStack();
  intake = intakeOf(stack);
}, 60_000);
afterAll(async () => stack.stop());

describe('the real-world corpus', () => {
  it('has an expected outcome for every message', () => {
    expect(
      readdirSync(corpus)
        .filter((f) => f.endsWith('.eml'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %s', async (file, [outcome, reason, attachments]) => {
    // Prepare
    const raw = readFileSync(`${corpus}${file}`);
    // Act
    const result = await intake.deliver(raw, '2026-11-23T02:30:00.000Z');
    // Assess: the outcome, the raw message kept as received, and the record of it
    expect([result.outcome, result.reason]).toEqual([outcome, reason]);
    const { events } = await stack.core.store.read(`mail#${result.mailId}`);
    const received = events[0]?.event;
    expect(received?.type).toBe('MailReceived');
    const data = received?.data as { raw: { storageKey: string; sizeBytes: number }; attachments: unknown[] };
    expect(Buffer.from((await stack.objects.get(data.raw.storageKey)) ?? []).equals(raw)).toBe(true);
    expect(data.raw.sizeBytes).toBe(raw.byteLength);
    if (attachments !== undefined) expect(data.attachments).toHaveLength(attachments);
  });

  it('answers only the mail that opened requests, and nothing automatic', async () => {
    await stack.settle();
    const answered = (await outbox(stack)).map((m) => m.destination.to[0]);
    const automatic = [
      'me@cheese.com',
      'someone@example.com',
      'mailer-daemon',
      'postmaster',
      'arnos.grove@example.net',
      'name-removed@example.co.uk',
    ];
    expect(answered.filter((a) => automatic.some((x) => a?.includes(x)))).toEqual([]);
    expect(answered.length).toBe(Object.values(expected).filter(([o]) => o === 'new_request').length);
  });

  it('has one effect when the same object is delivered again', async () => {
    const raw = readFileSync(`${corpus}apple-mail-with-attachments.eml`);
    const again = await intake.deliver(raw, '2026-11-23T02:30:00.000Z');
    expect(again).toMatchObject({ outcome: 'new_request', replayed: true });
  });
});
