import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { parseMail } from '../../../application/intake/parse-mail.js';
import type { ObjectStore } from '../../../application/object-store.js';
import { detectAutomatic } from '../../../domain/intake/automatic-mail.js';
import { messageIdsReferenced, referencesInSubject } from '../../../domain/intake/references.js';
import { routeMail } from '../../../domain/intake/routing.js';

const objects: ObjectStore = {
  put: async () => undefined,
  get: async () => undefined,
  getStream: async () => undefined,
} as unknown as ObjectStore;

/** Everything intake does with a message's headers before it touches the store: parse, then decide. */
const intakeWork = async (raw: string) => {
  const m = await parseMail(Readable.from([Buffer.from(raw)]), objects);
  messageIdsReferenced(m.inReplyTo, m.references);
  referencesInSubject(m.subject, 'NECS');
  const automatic = detectAutomatic({
    headers: m.headers,
    subject: m.subject,
    contentType: m.contentType,
    ...(m.from ? { fromAddress: m.from.address } : {}),
  });
  return routeMail({
    ...(m.from ? { fromAddress: m.from.address } : {}),
    fromOurAddress: false,
    ...(automatic ? { automatic } : {}),
    verdicts: {},
  });
};

const message = (header: string, value: string) =>
  [
    header === 'From' ? '' : 'From: k@example.bt\r\n',
    `${header}: ${value}\r\n`,
    header === 'To' ? '' : 'To: requests@necs.example\r\n',
    header === 'Subject' ? '' : 'Subject: x\r\n',
    '\r\nhello\r\n',
  ].join('');

// A bound that tells linear from quadratic, not fast from slow: linear parsing takes ~0.1 s for these
// sizes, the old quadratic address check took ~20 s for the first case. 3 s failed on a machine loaded
// twenty times over its two cores (4.4 s), so the bound sits at half the quadratic case.
const BOUND_MS = 10_000;

describe('intake parses hostile headers in linear time', () => {
  it('takes From: a@ followed by 200,000 dots in well under a second of work, and holds it as an unreadable sender', async () => {
    const started = performance.now();
    const routing = await intakeWork(message('From', `a@${'.'.repeat(200_000)}`));
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(routing).toMatchObject({ outcome: 'hold', reason: 'unreadable_sender' });
  });

  it('bounds the time of each message with long adversarial address, id and subject headers (fuzz)', async () => {
    const units = [
      '.',
      'a.',
      '<',
      '>',
      '"',
      '(',
      ')',
      ',',
      '@',
      'a@b.',
      '<a@b>',
      ' ',
      '[',
      '\\',
      'a-',
      '=?utf-8?q?',
      '[NECS-2026-',
      '..@',
      '\t',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'From',
          'To',
          'Cc',
          'Reply-To',
          'In-Reply-To',
          'References',
          'Subject',
          'Message-ID',
          'Return-Path',
          'Auto-Submitted',
        ),
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        fc.integer({ min: 20_000, max: 120_000 }),
        async (header, prefix, unit, times) => {
          const value = `${prefix}a@${unit.repeat(Math.ceil(times / unit.length))} x`;
          const started = performance.now();
          await intakeWork(message(header, value));
          expect(performance.now() - started).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  }, 120_000);
});
