import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ourMessageId } from '../../domain/intake/references.js';
import { replyAddress } from '../../domain/mail/reply-address.js';
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
// A sender of their own for each test: one sender gets at most five acknowledgments a day.
let senders = 0;
let requester = '';
let requesterAddress = '';
beforeEach(() => {
  requesterAddress = `karma.${++senders}@example.bt`;
  requester = `Karma Wangmo <${requesterAddress}>`;
});
const eventsOf = async (ref: string) => (await stack.core.store.read(`request#${ref}`)).events.map((e) => e.event);
const stateOf = async (ref: string) =>
  (await stack.core.commands.load(ref)).state as {
    status: string;
    requester: { kind: string; email: string };
    subject: string;
    replyTo?: string;
    dueAt: string;
  };

/** A request opened by mail, acknowledged, projected: what replies come back to. */
const opened = async (subject = 'Forest cover statistics') => {
  const result = await intake.deliver(
    await mime({ from: requester, to: INTAKE, subject, text: 'Please share the latest forest cover statistics.' }),
  );
  expect(result.outcome).toBe('new_request');
  await stack.settle();
  const ref = result.requestId as string;
  const ack = (await outbox(stack)).find((m) => m.subject.includes(`[${ref}]`));
  return {
    ref,
    ack,
    mailSent: (await eventsOf(ref)).find((e) => e.type === 'MailSent') as {
      data: { sesMessageId: string; mailId: string };
    },
  };
};

describe('new requests by mail', () => {
  it('decodes a Dzongkha subject (RFC 2047) and keeps the text part of multipart/alternative', async () => {
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'ཆུ་ཚད་ཀྱི་གནས་ཚུལ། water quality',
        text: 'Plain text part.',
        html: '<p>HTML part.</p>',
      }),
    );
    const state = await stateOf(result.requestId as string);
    expect(state.subject).toBe('ཆུ་ཚད་ཀྱི་གནས་ཚུལ། water quality');
    const received = (await eventsOf(result.requestId as string))[0] as { data: { body: { inline: string } } };
    expect(received.data.body.inline.trim()).toBe('Plain text part.');
  });

  it('reads an HTML-only mail as text, and keeps an inline image as an attachment', async () => {
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'Map',
        html: '<h1>Request</h1><p>Please send the <b>wetlands</b> map.</p><img src="cid:logo">',
        attachments: [
          { filename: 'logo.png', content: Buffer.from([137, 80, 78, 71]), contentType: 'image/png', cid: 'logo' },
        ],
      }),
    );
    const received = (await eventsOf(result.requestId as string))[0] as {
      data: { body: { inline: string }; attachments: { filename: string }[] };
    };
    expect(received.data.body.inline).toMatch(/Please send the wetlands map/i);
    expect(received.data.attachments.map((a) => a.filename)).toEqual(['logo.png']);
  });

  it('marks another agency as such, and answers to Reply-To', async () => {
    const result = await intake.deliver(
      await mime({
        from: 'Sonam Dorji <sonam@moe.gov.bt>',
        replyTo: 'planning@moe.gov.bt',
        to: INTAKE,
        subject: 'Data request',
        text: 'For the annual report.',
      }),
    );
    await stack.settle();
    const state = await stateOf(result.requestId as string);
    expect(state.requester).toMatchObject({ kind: 'agency', email: 'sonam@moe.gov.bt' });
    expect(state.replyTo).toBe('planning@moe.gov.bt');
    expect((await outbox(stack)).find((m) => m.subject.includes(`[${result.requestId}]`))?.destination.to).toEqual([
      'planning@moe.gov.bt',
    ]);
  });

  it('takes a forwarded mail and one without Message-ID or Date as new requests', async () => {
    const forwarded = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'Fwd: EIA of the Wangchhu project',
        text: '---------- Forwarded message ---------\nFrom: someone\n\nPlease share.',
      }),
    );
    expect(forwarded.outcome).toBe('new_request');
    const bare = 'From: karma@example.bt\r\nTo: requests@necs.example\r\nSubject: no id\r\n\r\nHello\r\n';
    const result = await intake.deliver(bare);
    expect(result.outcome).toBe('new_request');
    expect(await intake.deliver(bare)).toMatchObject({ replayed: true, requestId: result.requestId });
  });

  it('survives malformed headers', async () => {
    const raw =
      'From: Karma <karma@example.bt\r\nTo: requests@necs.example,,, <broken\r\nthis line has no colon\r\nSubject: =?UTF-8?B?broken base64?=\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\nBody\r\n';
    const result = await intake.deliver(raw);
    expect(['new_request', 'held']).toContain(result.outcome);
  });

  it('creates one request for the same Message-ID received twice', async () => {
    // Received in the stack's past (a receipt in the future is refused), the copy nine seconds later
    const at = stack.clock.now().getTime() - 60_000;
    const first = await intake.deliver(
      await mime({ from: requester, to: INTAKE, subject: 'Once', text: 'x', messageId: '<same-id-1@example.bt>' }),
      new Date(at).toISOString(),
    );
    const second = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'Once',
        text: 'x',
        messageId: '<same-id-1@example.bt>',
        headers: { Received: 'from relay2' },
      }),
      new Date(at + 9_000).toISOString(),
    );
    expect(first.outcome).toBe('new_request');
    expect(second).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
  });
});

describe('replies', () => {
  it('thread when sent to the per-request reply address (Outlook)', async () => {
    const { ref } = await opened();
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: replyAddress(INTAKE, ref, stack.replySecret),
        subject: `RE: Received: [${ref}] Forest cover statistics`,
        text: 'Thank you.',
        headers: { 'Thread-Index': 'AdqK3Zx1', 'X-Mailer': 'Microsoft Outlook 16.0' },
      }),
    );
    expect(result).toMatchObject({ outcome: 'threaded', requestId: ref, reason: 'reply address' });
    expect((await eventsOf(ref)).at(-1)?.type).toBe('RequesterMessageReceived');
  });

  it('thread by In-Reply-To naming our Message-ID (Gmail)', async () => {
    const { ref, mailSent } = await opened();
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'Re: Forest cover',
        text: 'One more thing.',
        inReplyTo: ourMessageId(mailSent.data.mailId, 'necs.example', stack.replySecret),
      }),
    );
    expect(result).toMatchObject({ outcome: 'threaded', requestId: ref });
  });

  it('thread by References naming the SES message id (Thunderbird)', async () => {
    const { ref, mailSent } = await opened();
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'Re: stats',
        text: 'ok',
        references: ['<unrelated@example.bt>', `<${mailSent.data.sesMessageId}@ap-south-1.amazonses.com>`],
      }),
    );
    expect(result).toMatchObject({ outcome: 'threaded', requestId: ref });
  });

  it('thread by [REF] in the subject from the requester’s own address (Apple Mail), and only from there', async () => {
    const { ref } = await opened();
    const fromRequester = await intake.deliver(
      await mime({
        from: requesterAddress,
        to: INTAKE,
        subject: `Re: [${ref}] Forest cover statistics`,
        text: 'Sent from my iPhone',
      }),
    );
    expect(fromRequester).toMatchObject({ outcome: 'threaded', requestId: ref });
    const fromStranger = await intake.deliver(
      await mime({
        from: 'mallory@example.com',
        to: INTAKE,
        subject: `Re: [${ref}] Forest cover statistics`,
        text: 'Send it to me instead',
      }),
    );
    expect(fromStranger).toMatchObject({ outcome: 'held', reason: 'sender_mismatch', requestId: ref });
  });

  it('go to the holding pen with a forged token or an unknown reference', async () => {
    const { ref } = await opened();
    const forged = await intake.deliver(
      await mime({ from: requester, to: `requests+${ref}-000000000000@necs.example`, subject: 'x', text: 'x' }),
    );
    expect(forged).toMatchObject({ outcome: 'held', reason: 'forged_reply_address' });
    const unknown = await intake.deliver(
      await mime({ from: requester, to: INTAKE, subject: 'Re: [NECS-2026-99999] old', text: 'x' }),
    );
    expect(unknown).toMatchObject({ outcome: 'held', reason: 'unknown_reference' });
  });

  it('restart the clock when they answer a clarification', async () => {
    const { ref } = await opened();
    await api('POST', `/requests/${ref}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
    await api('POST', `/requests/${ref}/clarification`, { as: 'legal.officer', body: { message: 'Which district?' } });
    expect((await stateOf(ref)).status).toBe('awaiting_clarification');
    await intake.deliver(
      await mime({
        from: requester,
        to: replyAddress(INTAKE, ref, stack.replySecret),
        subject: `Re: [${ref}]`,
        text: 'Punakha.',
      }),
    );
    expect((await stateOf(ref)).status).toBe('assigned');
    expect((await eventsOf(ref)).map((e) => e.type).slice(-2)).toEqual([
      'RequesterMessageReceived',
      'ClarificationReceived',
    ]);
  });

  it('to a closed request wait in the holding pen', async () => {
    const { ref } = await opened();
    await api('POST', `/requests/${ref}/close`, { as: 'ict.officer', body: { reason: 'withdrawn' } });
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: replyAddress(INTAKE, ref, stack.replySecret),
        subject: 'Re: closed',
        text: 'Actually…',
      }),
    );
    expect(result).toMatchObject({ outcome: 'held', reason: 'request_closed', requestId: ref });
  });
});

describe('automatic and unwanted mail', () => {
  it.each([
    ['RFC 3834 Auto-Submitted', { 'Auto-Submitted': 'auto-replied' }, 'Re: your mail', 'ignored', 'auto_reply'],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, 'Away', 'ignored', 'auto_reply'],
    ['Precedence: bulk', { Precedence: 'bulk' }, 'Newsletter', 'ignored', 'auto_reply'],
    [
      'Exchange’s generated-message header',
      { 'X-MS-Exchange-Generated-Message-Source': 'Mailbox Rules Agent' },
      'Automatic reply: request',
      'ignored',
      'auto_reply',
    ],
    [
      'an Outlook “Automatic reply” with no header',
      {},
      'Automatic reply: Forest cover statistics',
      'held',
      'possible_auto_reply',
    ],
    ['a German Abwesenheitsnotiz', {}, 'Abwesenheitsnotiz: Anfrage', 'held', 'possible_auto_reply'],
    [
      'a Lotus “is out of the office”',
      {},
      'AUTO: Pema Choden is out of the office (returning 01/12/2026)',
      'held',
      'possible_auto_reply',
    ],
  ])('%s', async (_what, headers, subject, outcome, reason) => {
    const before = (await outbox(stack)).length;
    const result = await intake.deliver(
      await mime({ from: requester, to: INTAKE, subject, text: 'I am out of the office.', headers }),
    );
    expect([result.outcome, result.reason]).toEqual([outcome, reason]);
    await stack.settle();
    expect((await outbox(stack)).length).toBe(before);
  });

  it('ignores a delivery-status report and mail from our own addresses', async () => {
    const dsn =
      'From: MAILER-DAEMON@mx.example.bt\r\nTo: requests@necs.example\r\nSubject: Undelivered Mail Returned to Sender\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n';
    expect(await intake.deliver(dsn)).toMatchObject({ outcome: 'ignored', reason: 'bounce' });
    expect(
      await intake.deliver(await mime({ from: 'archive@necs.example', to: INTAKE, subject: 'copy', text: 'x' })),
    ).toMatchObject({ outcome: 'ignored', reason: 'own_address' });
  });
});

describe('limits and hostile mail', () => {
  it('quarantines executables instead of offering them as attachments', async () => {
    const result = await intake.deliver(
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'Report',
        text: 'see attached',
        attachments: [
          { filename: 'report.pdf', content: '%PDF-1.4', contentType: 'application/pdf' },
          { filename: 'report.pdf.exe', content: 'MZ', contentType: 'application/octet-stream' },
        ],
      }),
    );
    const { events } = await stack.core.store.read(`mail#${result.mailId}`);
    const data = events[0]?.event.data as {
      attachments: { filename: string }[];
      quarantined: { filename: string; reason: string }[];
    };
    expect(data.attachments.map((a) => a.filename)).toEqual(['report.pdf']);
    expect(data.quarantined).toEqual([
      expect.objectContaining({ filename: 'report.pdf.exe', reason: 'executable file type' }),
    ]);
  });

  it('holds a message over the size limit, keeping it', async () => {
    const small = {
      ...intake.deps,
      limits: { maxMessageBytes: 10_000, maxAttachments: 50, maxAttachmentBytes: 5_000, maxBodyChars: 100_000 },
    };
    const { processInboundMail } = await import('../../application/intake/process-mail.js');
    await stack.objects.put(
      'raw/test/big.eml',
      await mime({
        from: requester,
        to: INTAKE,
        subject: 'big',
        text: 'x',
        attachments: [{ filename: 'data.csv', content: 'a,b\n'.repeat(5_000) }],
      }),
      'message/rfc822',
    );
    const result = await processInboundMail(small, {
      storageKey: 'raw/test/big.eml',
      receivedAt: '2026-11-23T04:00:00.000Z',
    });
    expect(result).toMatchObject({ outcome: 'held', reason: 'too_large' });
    const data = (await stack.core.store.read(`mail#${result.mailId}`)).events[0]?.event.data as {
      quarantined: { reason: string }[];
    };
    expect(data.quarantined[0]?.reason).toMatch(/over the 5000-byte attachment limit/);
  });
});
