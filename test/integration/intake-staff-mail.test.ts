import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ourMessageId, staffMessageId } from '../../domain/intake/references.js';
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
const SPOKESPERSON = 'Spokesperson <spokesperson.legal@necs.example>';
const eventTypes = async (ref: string) =>
  (await stack.core.store.read(`request#${ref}`)).events.map((e) => e.event.type);
const statusOf = async (ref: string) => ((await stack.core.commands.load(ref)).state as { status: string }).status;

/** A request by mail, with Legal, waiting for the requester's clarification, and the spokesperson's view asked. */
const awaitingClarificationWithViewAsked = async (subject: string) => {
  const received = await intake.deliver(
    await mime({ from: 'Karma <karma@example.bt>', to: INTAKE, subject, text: 'Please share the data.' }),
  );
  const ref = received.requestId as string;
  await api('POST', `/requests/${ref}/assign`, {
    as: 'ict.officer',
    body: { division: 'legal', assignee: 'legal.officer' },
  });
  expect(
    (
      await api('POST', `/requests/${ref}/consultations/requested`, {
        as: 'legal.officer',
        body: { person: 'spokesperson.legal', question: 'May we share it?' },
      })
    ).status,
  ).toBe(200);
  expect(
    (await api('POST', `/requests/${ref}/clarification`, { as: 'legal.officer', body: { message: 'Which year?' } }))
      .status,
  ).toBe(200);
  await stack.settle();
  const { events } = await stack.core.store.read(`request#${ref}`);
  const notice = events
    .map((e) => e.event)
    .find((e) => e.type === 'MailSent' && (e.data as { purpose: string }).purpose === 'consultation_request') as {
    data: { mailId: string; sesMessageId: string };
  };
  expect(await statusOf(ref)).toBe('awaiting_clarification');
  return { ref, notice: notice.data };
};

describe('a reply to mail sent to staff', () => {
  it('threading on the "View asked" Message-ID is held, never the requester’s message, and the clarification stays open', async () => {
    const { ref, notice } = await awaitingClarificationWithViewAsked('Air quality 2025');
    const before = await eventTypes(ref);
    const reply = await intake.deliver(
      await mime({
        from: SPOKESPERSON,
        to: INTAKE,
        subject: `Re: View asked: [${ref}] Air quality 2025`,
        text: 'Fine by me.',
        inReplyTo: ourMessageId(notice.mailId, 'necs.example', stack.replySecret),
      }),
    );
    expect(reply).toMatchObject({ outcome: 'held', reason: 'reply_to_staff_mail', requestId: ref });
    expect(await eventTypes(ref)).toEqual(before);
    expect(await statusOf(ref)).toBe('awaiting_clarification');
  });

  it('threading on the SES form of its Message-ID is held too', async () => {
    const { ref, notice } = await awaitingClarificationWithViewAsked('Water quality 2025');
    const before = await eventTypes(ref);
    const reply = await intake.deliver(
      await mime({
        from: SPOKESPERSON,
        to: INTAKE,
        subject: 'Re: your question',
        text: 'Share it.',
        references: ['<other@example.bt>', `<${notice.sesMessageId}@ap-south-1.amazonses.com>`],
      }),
    );
    expect(reply).toMatchObject({ outcome: 'held', reason: 'reply_to_staff_mail', requestId: ref });
    expect(await eventTypes(ref)).toEqual(before);
    expect(await statusOf(ref)).toBe('awaiting_clarification');
  });

  it('goes back to the person who asked: the notice’s Reply-To is theirs, not the request’s reply address', async () => {
    const { ref } = await awaitingClarificationWithViewAsked('Noise 2025');
    const mail = (await outbox(stack)).find((m) => m.subject === `View asked: [${ref}] Noise 2025`);
    expect(mail?.replyTo).toEqual(['legal.officer@necs.example']);
  });

  it('to a digest (no request) is held, not made a new request', async () => {
    const before = (await outbox(stack)).length;
    const reply = await intake.deliver(
      await mime({
        from: 'Legal Chief <legal.chief@necs.example>',
        to: INTAKE,
        subject: 'Re: Information requests: 1 overdue, 0 due soon (2026-11-23)',
        text: 'On it.',
        inReplyTo: staffMessageId('digest.2026-11-23.legal.chief', 'necs.example'),
      }),
    );
    expect(reply).toMatchObject({ outcome: 'held', reason: 'reply_to_staff_mail' });
    await stack.settle();
    expect((await outbox(stack)).length).toBe(before);
  });

  it('to staff mail SES renamed (a digest, a report on AWS) is held when a colleague of the agency sends it; anyone else’s is not', async () => {
    const unknownSesId = '<0109019a2b3c4d5e-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee-000000@ap-south-1.amazonses.com>';
    const fromColleague = await intake.deliver(
      await mime({
        from: 'Legal Chief <legal.chief@necs.example>',
        to: INTAKE,
        subject: 'Re: Monthly report, November 2026',
        text: 'Thanks.',
        inReplyTo: unknownSesId,
      }),
    );
    expect(fromColleague).toMatchObject({ outcome: 'held', reason: 'reply_to_staff_mail' });
    const fromPublic = await intake.deliver(
      await mime({
        from: 'deki@example.bt',
        to: INTAKE,
        subject: 'Re: newsletter',
        text: 'Please also send the river data.',
        inReplyTo: unknownSesId,
      }),
    );
    expect(fromPublic).toMatchObject({ outcome: 'new_request' });
  });

  it('the requester’s own reply to their mail still threads and ends the clarification', async () => {
    const { ref } = await awaitingClarificationWithViewAsked('Soil 2025');
    const ack = (await stack.core.store.read(`request#${ref}`)).events
      .map((e) => e.event)
      .find((e) => e.type === 'MailSent' && (e.data as { purpose: string }).purpose === 'clarification') as {
      data: { mailId: string };
    };
    const reply = await intake.deliver(
      await mime({
        from: 'karma@example.bt',
        to: INTAKE,
        subject: 'Re: clarification',
        text: '2025.',
        inReplyTo: ourMessageId(ack.data.mailId, 'necs.example', stack.replySecret),
      }),
    );
    expect(reply).toMatchObject({ outcome: 'threaded', requestId: ref });
    expect(await statusOf(ref)).not.toBe('awaiting_clarification');
  });
});
