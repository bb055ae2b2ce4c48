import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
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

/** A mail naming a request in its subject, from someone who is not its requester: held, with that request guessed. */
const heldReply = async (ref: string) => {
  const result = await intake.deliver(
    await mime({
      from: 'Sonam <sonam@elsewhere.bt>',
      to: 'requests@necs.example',
      subject: `Re: [${ref}] the permits`,
      text: 'Here are the scanned permits my colleague asked about.',
      attachments: [
        { filename: 'permits.pdf', content: Buffer.from('%PDF-1.4 permits'), contentType: 'application/pdf' },
        { filename: 'viewer.exe', content: Buffer.from('MZ not a viewer'), contentType: 'application/octet-stream' },
      ],
    }),
  );
  expect(result.outcome).toBe('held');
  await stack.settle();
  return result.mailId;
};

describe('a held mail in full (GET /holding-pen/{id})', () => {
  it('gives an intake officer its text, the request it seems to belong to, its files and the quarantined ones by name', async () => {
    // Prepare: a request, and a mail about it from another address
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'phone',
        requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
        subject: 'Permits',
        body: 'by phone',
      },
    });
    const ref = created.body.id as string;
    const id = await heldReply(ref);
    // Act
    const mail = await api('GET', `/holding-pen/${id}`, { as: 'ict.officer' });
    // Assess
    expect(mail.status).toBe(200);
    expect(mail.body).toMatchObject({
      id,
      reason: 'sender_mismatch',
      candidateRequestId: ref,
      from: 'sonam@elsewhere.bt',
      text: expect.stringContaining('scanned permits'),
    });
    expect((mail.body.attachments as { filename: string }[]).map((a) => a.filename)).toEqual(['permits.pdf']);
    expect((mail.body.quarantined as { filename: string }[]).map((a) => a.filename)).toEqual(['viewer.exe']);
  });

  it('hands out an attachment to intake officers, never a quarantined file, and nothing to anyone else', async () => {
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'phone',
        requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
        subject: 'Permits again',
        body: 'by phone',
      },
    });
    const id = await heldReply(created.body.id as string);
    const mail = await api('GET', `/holding-pen/${id}`, { as: 'ict.officer' });
    const pdf = (mail.body.attachments as { sha256: string }[])[0]?.sha256 as string;
    const events = await stack.core.store.read(`mail#${id}`);
    const exe = (
      (events.events[0]?.event.data as { quarantined: { sha256: string }[] }).quarantined[0] as { sha256: string }
    ).sha256;
    // Act
    const file = await api('GET', `/holding-pen/${id}/attachments/${pdf}`, { as: 'ict.officer' });
    const quarantined = await api('GET', `/holding-pen/${id}/attachments/${exe}`, { as: 'ict.officer' });
    // Assess
    expect(file.status).toBe(200);
    expect(quarantined.status).toBe(404);
    expect((await api('GET', `/holding-pen/${id}`, { as: 'legal.chief' })).status).toBe(403);
    expect((await api('GET', `/holding-pen/${id}/attachments/${pdf}`, { as: 'auditor' })).status).toBe(403);
    expect((await api('GET', `/holding-pen/${'0'.repeat(64)}`, { as: 'ict.officer' })).status).toBe(404);
  });
});
