import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import nodemailer from 'nodemailer';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
import { caller, intakeOf, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
let intake: ReturnType<typeof intakeOf>;
let smtp: ReturnType<typeof nodemailer.createTransport>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  intake = intakeOf(stack);
  smtp = nodemailer.createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
}, 60_000);
afterAll(async () => {
  smtp.close();
  await stack.stop();
});

describe('mail through the local SMTP listener', () => {
  it('becomes a request with an acknowledgment; a reply threads; an out-of-office is only recorded', async () => {
    // Act: an ordinary mail
    await smtp.sendMail({
      from: '"Dechen Wangmo" <dechen@example.bt>',
      to: 'requests@necs.example',
      subject: 'Noise levels near Changlimithang',
      text: 'Could you share the 2025 noise measurements?',
    });
    await stack.settle();
    // Assess: a request and its acknowledgment
    const ack = (await outbox(stack)).find((m) => m.subject.includes('Noise levels near Changlimithang'));
    const ref = /\[(NECS-\d{4}-\d{5})\]/.exec(ack?.subject ?? '')?.[1] as string;
    expect(ack?.destination.to).toEqual(['dechen@example.bt']);
    // Act: the requester replies to the acknowledgment, then their out-of-office fires
    await smtp.sendMail({
      from: 'dechen@example.bt',
      to: ack?.replyTo[0],
      subject: `Re: ${ack?.subject}`,
      text: 'Thanks, 2024 too please.',
    });
    await smtp.sendMail({
      from: 'dechen@example.bt',
      to: ack?.replyTo[0],
      subject: `Automatic reply: ${ack?.subject}`,
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await stack.settle();
    // Assess
    const history = await api('GET', `/requests/${ref}/history`, { as: 'auditor' });
    expect((history.body.events as { type: string }[]).map((e) => e.type)).toEqual([
      'RequestReceived',
      'MailSent',
      'RequesterMessageReceived',
    ]);
    expect((await outbox(stack)).filter((m) => m.subject.includes(ref))).toHaveLength(1);
  }, 30_000);

  it('refuses mail for addresses that are not ours', async () => {
    await expect(
      smtp.sendMail({ from: 'x@example.bt', to: 'someone@elsewhere.example', subject: 'x', text: 'x' }),
    ).rejects.toThrow(/550 5\.1\.1/);
  });
});

describe('the holding pen', () => {
  const held = async (subject: string, from = 'Pema <pema@example.bt>') => {
    const result = await intake.deliver(
      await mime({ from, to: 'requests@necs.example', subject, text: 'I am away until Monday.' }),
    );
    expect(result.outcome).toBe('held');
    await stack.settle();
    return result.mailId;
  };

  it('lists held mail for intake officers only', async () => {
    const id = await held('Out of Office: back on Monday');
    const list = await api('GET', '/holding-pen', { as: 'ict.officer' });
    expect((list.body.items as { id: string; reason: string }[]).find((i) => i.id === id)).toMatchObject({
      reason: 'possible_auto_reply',
      from: 'pema@example.bt',
    });
    expect((await api('GET', '/holding-pen', { as: 'legal.chief' })).status).toBe(403);
  });

  it('promotes held mail to a new request (acknowledged), once', async () => {
    const id = await held('Out of office? No — a real request about air permits');
    const promoted = await api('POST', `/holding-pen/${id}/promote`, { as: 'ict.officer', body: {} });
    expect(promoted).toMatchObject({
      status: 201,
      body: { status: 'promoted', requestId: expect.stringMatching(/^NECS-/) },
    });
    const again = await api('POST', `/holding-pen/${id}/promote`, { as: 'ict.officer', body: {} });
    expect([again.status, again.body.error?.code]).toEqual([409, 'INVALID_TRANSITION']);
    await stack.settle();
    expect((await outbox(stack)).some((m) => m.subject.includes(`[${promoted.body.requestId as string}]`))).toBe(true);
  });

  it('attaches held mail to a request, and discards with a reason, each recorded', async () => {
    const request = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'phone',
        requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
        subject: 'Permits',
        body: 'by phone',
      },
    });
    const toAttach = await held('Automatic reply: permits (but with the documents)');
    const attached = await api('POST', `/holding-pen/${toAttach}/attach`, {
      as: 'ict.officer',
      body: { requestId: request.body.id },
    });
    expect(attached.body).toMatchObject({ status: 'attached', requestId: request.body.id });
    const history = await api('GET', `/requests/${request.body.id as string}/history`, { as: 'ict.officer' });
    expect((history.body.events as { type: string }[]).map((e) => e.type)).toContain('RequesterMessageReceived');
    const toDiscard = await held('Out of Office reply');
    expect((await api('POST', `/holding-pen/${toDiscard}/discard`, { as: 'ict.officer', body: {} })).status).toBe(400);
    expect(
      (
        await api('POST', `/holding-pen/${toDiscard}/discard`, {
          as: 'ict.officer',
          body: { reason: 'an out-of-office reply' },
        })
      ).body.status,
    ).toBe('discarded');
    const mailStream = await stack.core.store.read(`mail#${toDiscard}`);
    expect(mailStream.events.map((e) => e.type)).toEqual(['MailReceived', 'MailHeld', 'HeldMailDiscarded']);
    expect(
      (
        await api('POST', `/holding-pen/${toDiscard}/attach`, {
          as: 'legal.officer',
          body: { requestId: request.body.id },
        })
      ).status,
    ).toBe(403);
  });
});

describe('hostile input (fuzz)', () => {
  const corpusFile = fileURLToPath(new URL('../fixtures/alaveteli/apple-mail-with-attachments.eml', import.meta.url));
  const seed = readFileSync(corpusFile);

  it('never crashes intake and never loses the raw message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4_000 }).map((b) => Buffer.from(b)),
          fc
            .tuple(
              fc.integer({ min: 0, max: seed.length - 1 }),
              fc.integer({ min: 0, max: 2_000 }),
              fc.uint8Array({ maxLength: 300 }),
            )
            .map(([at, cut, junk]) =>
              Buffer.concat([seed.subarray(0, at), Buffer.from(junk), seed.subarray(Math.min(seed.length, at + cut))]),
            ),
          fc
            .string({ maxLength: 2_000 })
            .map((s) =>
              Buffer.from(
                `From: ${s}\r\nSubject: ${s}\r\nContent-Type: multipart/mixed; boundary="${s.slice(0, 10)}"\r\n\r\n${s}`,
              ),
            ),
        ),
        async (raw) => {
          const result = await intake.deliver(raw, '2026-11-23T04:00:00.000Z');
          const events = (await stack.core.store.read(`mail#${result.mailId}`)).events;
          expect(events[0]?.type).toBe('MailReceived');
          const key = (events[0]?.event.data as { raw: { storageKey: string } }).raw.storageKey;
          expect(Buffer.from((await stack.objects.get(key)) ?? []).equals(raw)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
