import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import { processInboundMail } from '../../application/intake/process-mail.js';
import { InvalidEventError } from '../../events/errors.js';
import type { RequestEvent } from '../../events/request-events.js';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
import { caller, intakeOf, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let intake: ReturnType<typeof intakeOf>;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  intake = intakeOf(stack);
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const INTAKE = 'requests@necs.example';
const at = '2026-11-23T10:00:00+06:00';
const note = (text: string): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: at,
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});
const tooLongNote = note('x'.repeat(10_001));

/** A request stays whole: every route that reads it answers, the history verifies. */
const readable = async (ref: string) => {
  expect((await api('GET', `/requests/${ref}`, { as: 'ict.officer' })).status).toBe(200);
  expect((await api('GET', `/requests/${ref}/history`, { as: 'auditor' })).status).toBe(200);
  expect((await api('GET', `/requests/${ref}/verify`, { as: 'auditor' })).body).toMatchObject({ valid: true });
};
const heldItems = async () =>
  (await api('GET', '/holding-pen?status=all', { as: 'ict.officer' })).body.items as {
    id: string;
    from: string | null;
    fromHeader: string | null;
    reason: string;
    attachments: unknown[];
    quarantined: unknown[];
  }[];

describe('the store refuses what it could not read back', () => {
  it('refuses an invalid event in append with a clear error, and writes nothing of the batch', async () => {
    const first = await stack.core.store.append('request#V-1', [note('fine')], undefined);
    await expect(stack.core.store.append('request#V-1', [note('also fine'), tooLongNote], first.head)).rejects.toThrow(
      InvalidEventError,
    );
    await expect(stack.core.store.append('request#V-2', [tooLongNote], undefined)).rejects.toThrow(
      /refused to write event 1 of 1 to request#V-2: cannot read NoteAdded v1/,
    );
    const read = await stack.core.store.read('request#V-1');
    expect(read.events.map((e) => e.version)).toEqual([1]);
    expect(read.head).toEqual(first.head);
    expect(await stack.core.store.read('request#V-2')).toEqual({ events: [] });
  });

  it('refuses an invalid event in createSequenced without taking a number', async () => {
    const build = (events: RequestEvent[]) => ({
      sequenceId: 'V-2026',
      build: (n: number) => ({ streamId: `request#V-2026-${n}`, events }),
    });
    await expect(stack.core.store.createSequenced(build([tooLongNote]))).rejects.toThrow(InvalidEventError);
    const created = await stack.core.store.createSequenced(build([note('fine')]));
    expect(created.streamId).toBe('request#V-2026-1');
  });
});

describe('mail from addresses real mail uses', () => {
  it.each(['first&last@example.com', 'user=x@example.org'])(
    'opens a request for From: J <%s>, readable on every route',
    async (address) => {
      const result = await intake.deliver(
        await mime({ from: `J <${address}>`, to: INTAKE, subject: 'Wetlands map', text: 'Please.' }),
      );
      expect(result).toMatchObject({ outcome: 'new_request' });
      await stack.settle();
      await readable(result.requestId as string);
      expect((await api('GET', `/requests/${result.requestId}`, { as: 'ict.officer' })).body.requester).toMatchObject({
        email: address,
      });
    },
  );

  it('opens a request for a non-ASCII local part (EAI)', async () => {
    const raw = `From: =?UTF-8?B?${Buffer.from('ཀརྨ').toString('base64')}?= <ཀརྨ.wangmo@example.bt>\r\nTo: ${INTAKE}\r\nSubject: EAI\r\nMessage-ID: <eai-1@example.bt>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n`;
    const result = await intake.deliver(raw);
    expect(result).toMatchObject({ outcome: 'new_request' });
    await stack.settle();
    await readable(result.requestId as string);
  });

  it('attaches held mail from such an address to a healthy request, which stays readable', async () => {
    const opened = await intake.deliver(
      await mime({ from: 'Karma <karma@example.bt>', to: INTAKE, subject: 'Forest cover', text: 'Please.' }),
    );
    const ref = opened.requestId as string;
    const held = await intake.deliver(
      await mime({ from: 'Someone <first&last@example.com>', to: INTAKE, subject: `Re: [${ref}]`, text: 'Me too.' }),
    );
    expect(held).toMatchObject({ outcome: 'held', reason: 'sender_mismatch' });
    await stack.settle();
    expect(
      (await api('POST', `/holding-pen/${held.mailId}/attach`, { as: 'ict.officer', body: { requestId: ref } })).status,
    ).toBe(200);
    await stack.settle();
    await readable(ref);
  });
});

describe('held mail past the limits is still shown', () => {
  it('lists a mail with 160 attachments, quarantining those over the limit, in the holding pen', async () => {
    const attachments = Array.from({ length: 160 }, (_, i) => ({
      filename: `part-${i}.txt`,
      content: `part ${i}`,
      contentType: 'text/plain',
    }));
    const result = await intake.deliver(
      await mime({ from: 'bob@localhost', to: INTAKE, subject: 'Many parts', text: 'See attached.', attachments }),
    );
    expect(result.outcome).toBe('held');
    await stack.settle();
    const item = (await heldItems()).find((i) => i.id === result.mailId);
    expect(item).toMatchObject({ from: null, fromHeader: 'bob@localhost' });
    expect(item?.attachments).toHaveLength(50);
    expect(item?.quarantined).toHaveLength(100);
    const received = (await stack.core.store.read(`mail#${result.mailId}`)).events[0]?.event as {
      data: { parseWarnings: string[] };
    };
    expect(received.data.parseWarnings).toContain(
      '10 more parts over the limits are not listed; the raw message has them',
    );
  });

  it('lists a mail with a 400-character Cc address, leaving the address out', async () => {
    const long = `${'c'.repeat(60)}@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(60)}.${'h'.repeat(60)}.${'i'.repeat(30)}.example`;
    expect(long.length).toBeGreaterThan(400);
    const raw = `From: email_from\r\nTo: ${INTAKE}\r\nCc: ${long}\r\nSubject: long cc\r\nMessage-ID: <cc-1@example.bt>\r\n\r\nHello\r\n`;
    const result = await intake.deliver(raw);
    expect(result.outcome).toBe('held');
    await stack.settle();
    expect((await heldItems()).find((i) => i.id === result.mailId)).toMatchObject({
      from: null,
      fromHeader: 'email_from',
      reason: 'unreadable_sender',
    });
  });
});

describe("writers' limits match the schemas", () => {
  it('refuses a response attachment whose contentType is longer than the catalogue keeps (400, not a broken request)', async () => {
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'web',
        requester: { name: 'K', email: 'k@example.bt', kind: 'public' },
        subject: 'x',
        body: 'y',
      },
    });
    const ref = created.body.id as string;
    const reply = await api('POST', `/requests/${ref}/response`, {
      as: 'ict.officer',
      body: {
        body: 'Here.',
        disposition: 'full',
        attachments: [{ filename: 'a.txt', contentType: `text/${'x'.repeat(300)}`, contentBase64: 'aGk=' }],
      },
    });
    expect(reply.status).toBe(400);
    await readable(ref);
  });
});

describe("threading on a requester's Message-ID", () => {
  const opened = async (messageId: string) => {
    const result = await intake.deliver(
      await mime({
        from: 'Karma <karma@example.bt>',
        to: INTAKE,
        subject: 'River flow data',
        text: 'Please.',
        messageId,
      }),
    );
    await stack.settle();
    return result.requestId as string;
  };

  it("holds a bystander who quotes the requester's Message-ID (sender_mismatch), and leaves the request alone", async () => {
    const ref = await opened('<karma-original-1@example.bt>');
    const before = (await stack.core.store.read(`request#${ref}`)).events.length;
    const bystander = await intake.deliver(
      await mime({
        from: 'Pema <pema@elsewhere.example>',
        to: INTAKE,
        subject: 'Re: River flow data',
        text: 'Add me in.',
        inReplyTo: '<karma-original-1@example.bt>',
      }),
    );
    expect(bystander).toMatchObject({ outcome: 'held', reason: 'sender_mismatch', requestId: ref });
    expect((await stack.core.store.read(`request#${ref}`)).events).toHaveLength(before);
  });

  it("threads the requester's own follow-up that names their first mail", async () => {
    const ref = await opened('<karma-original-2@example.bt>');
    const followUp = await intake.deliver(
      await mime({
        from: 'Karma <KARMA@example.bt>',
        to: INTAKE,
        subject: 'Re: River flow data',
        text: 'Also 2024.',
        inReplyTo: '<karma-original-2@example.bt>',
      }),
    );
    expect(followUp).toMatchObject({ outcome: 'threaded', requestId: ref });
  });
});

describe("only the receiving service's verdicts count", () => {
  const forged = {
    'Authentication-Results': 'mx.example.bt; spf=fail; dmarc=fail header.from=example.bt',
    'X-SES-Spam-Verdict': 'FAIL',
    'X-SES-Virus-Verdict': 'FAIL',
  };

  it('takes mail through the SMTP listener whose sender wrote verdict headers of their own, as any other mail', async () => {
    const smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: stack.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await smtp.sendMail({
        from: 'tashi@example.bt',
        to: INTAKE,
        subject: 'Forged verdicts, real request',
        text: 'Please send the 2025 water data.',
        headers: forged,
      });
    } finally {
      smtp.close();
    }
    await stack.settle();
    // A request was opened and acknowledged: the mail was neither ignored nor held.
    expect(
      (await outbox(stack)).some(
        (m) => m.subject.includes('Forged verdicts, real request') && m.destination.to.includes('tashi@example.bt'),
      ),
    ).toBe(true);
  });

  it('holds mail SES found failing DMARC for an officer, rather than ignoring it', async () => {
    const storageKey = 'raw/test/dmarc-fail.eml';
    await stack.objects.put(
      storageKey,
      await mime({ from: 'ceo@example.bt', to: INTAKE, subject: 'Urgent', text: 'Wire the data.' }),
      'message/rfc822',
    );
    const result = await processInboundMail(intake.deps, {
      storageKey,
      receivedAt: stack.clock.now().toISOString(),
      verdicts: { spam: 'PASS', virus: 'PASS', dmarc: 'FAIL' },
    });
    expect(result).toMatchObject({ outcome: 'held', reason: 'dmarc_fail' });
  });
});

describe('receivedAt at the edge', () => {
  it('answers 400 to a manual intake dated 0001-01-01, and registers nothing', async () => {
    const reply = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'K', kind: 'public' },
        subject: 'Old letter',
        body: 'x',
        receivedAt: '0001-01-01T00:00:00Z',
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.message).toMatch(/receivedAt is before/);
  });
});
