import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { verifyChain } from '../../domain/audit/verify.js';
import { DomainError } from '../../domain/shared/errors.js';
import { validateEvents } from '../../events/validate-events.js';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
import { answeredRequest, command, deciderWith } from '../support/request-spec.js';
import { fold } from '../../domain/request/state.js';
import { caller, intakeOf, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
let intake: ReturnType<typeof intakeOf>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  intake = intakeOf(stack);
}, 60_000);
afterAll(async () => stack.stop());

/** Every stream a writer touched reads back, folds and verifies. */
const readsBack = async (streamId: string) => {
  const read = await stack.core.store.read(streamId);
  expect(read.events.length).toBeGreaterThan(0);
  expect(verifyChain(read.events, read.head).valid).toBe(true);
};

const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('İ'.repeat(60), 'ß'.repeat(120), '😀'.repeat(130)),
  );
const address = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(
    'first&last@example.com',
    'user=x@example.org',
    'ཀརྨ@example.bt',
    'josé@example.es',
    'foo@bar',
    'bob@localhost',
    'email_from',
    `${'a'.repeat(70)}@example.com`,
    `${'c'.repeat(60)}@${'d'.repeat(300)}.example`,
  ),
  fc.string({ maxLength: 80 }),
);

describe('whatever a writer accepts, the store reads back', () => {
  it('the decider: every event it decides from random text is one the catalogue reads', () => {
    const answered = fold(answeredRequest());
    const decide = deciderWith().decide;
    fc.assert(
      fc.property(
        text(130),
        text(130),
        fc.array(text(130), { minLength: 1, maxLength: 20 }),
        (note, reason, topics) => {
          const at = '2026-11-25T10:00:00+06:00';
          for (const c of [
            command('AddNote', { text: note || 'x' }, 'legal.officer', at),
            command('ArchiveRequest', { topics, publishable: false }, 'legal.officer', at),
            command('CloseRequest', { reason: 'spam', note: reason }, 'legal.chief', at),
          ]) {
            const result = decide(c as never, answered);
            if (!(result instanceof DomainError)) expect(() => validateEvents('request#P', result)).not.toThrow();
          }
        },
      ),
      { numRuns: 300, seed: 1111 },
    );
  });

  it('manual intake through the API: a 201 is a request that reads back, anything else is a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        text(250),
        address,
        text(1000),
        fc.constantFrom('web', 'letter', 'phone'),
        async (name, email, subject, channel) => {
          const reply = await api('POST', '/requests', {
            as: 'ict.officer',
            body: { channel, requester: { name, email, kind: 'public' }, subject, body: subject || 'x' },
          });
          expect([201, 400]).toContain(reply.status);
          if (reply.status === 201) await readsBack(`request#${reply.body.id as string}`);
        },
      ),
      { numRuns: 25, seed: 2222 },
    );
  }, 120_000);

  it('mail intake and the holding pen: any From, Cc, subject and attachment type becomes streams that read back', async () => {
    await fc.assert(
      fc.asyncProperty(
        text(250),
        address,
        fc.array(address, { maxLength: 4 }),
        text(300),
        fc.string({ maxLength: 300 }),
        async (name, from, cc, subject, type) => {
          const raw = await mime({
            from: { toString: () => `"${name.replace(/["\\\r\n]/g, '')}" <${from}>` }.toString(),
            to: 'requests@necs.example',
            subject,
            text: 'x',
            headers: cc.length ? { Cc: cc.join(', ') } : {},
            attachments: [
              {
                filename: `${name.slice(0, 40)}.txt`,
                content: 'a',
                contentType: `text/${type.replace(/[\r\n]/g, '') || 'plain'}`,
              },
            ],
          });
          const result = await intake.deliver(raw);
          await readsBack(`mail#${result.mailId}`);
          if (result.requestId && result.outcome !== 'held') await readsBack(`request#${result.requestId}`);
          if (result.outcome === 'held') {
            // The holding pen is a writer too: promoting what it holds makes a request that reads back.
            const promoted = await api('POST', `/holding-pen/${result.mailId}/promote`, { as: 'ict.officer' });
            expect([201, 400]).toContain(promoted.status);
            if (promoted.status === 201) await readsBack(`request#${promoted.body.requestId as string}`);
            await readsBack(`mail#${result.mailId}`);
          }
        },
      ),
      { numRuns: 25, seed: 3333 },
    );
  }, 180_000);
});
