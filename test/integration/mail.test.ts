import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { createSesEventsHandler } from '../../functions/ses-events/handler.js';
import { mailQueue } from '../../infra/queues.js';
import type { LocalStack } from '../../local/stack.js';
import { lambdaContext } from '../support/lambda.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const intake = {
  channel: 'email',
  requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
  subject: 'Waste data',
  body: 'Tonnes per dzongkhag?',
  receivedAt: '2026-11-20T10:00:00+06:00',
};

const mailsOf = async (id: string) => (await outbox(stack)).filter((m) => m.subject.includes(`[${id}]`));
const historyOf = async (id: string) =>
  (await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as {
    type: string;
    data: Record<string, unknown>;
  }[];

describe('outbound mail is sent once', () => {
  it('even when the stream record or the queue message comes again', async () => {
    // Prepare
    const id = (await api('POST', '/requests', { as: 'ict.officer', body: intake })).body.id as string;
    await stack.settle();
    expect(await mailsOf(id)).toHaveLength(1);
    // Act: the same job again, as a redelivered message would be (new dedup id: past FIFO's window)
    const QueueUrl = stack.sqs.queues[mailQueue.id]?.url;
    await stack.sqs.client.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: JSON.stringify({ mailId: `${id}.v1`, requestId: id, version: 1, purpose: 'acknowledgment' }),
        MessageGroupId: id,
        MessageDeduplicationId: `${id}.v1-again`,
      }),
    );
    await stack.settle();
    // Assess
    expect(await mailsOf(id)).toHaveLength(1);
    expect((await historyOf(id)).filter((e) => e.type === 'MailSent')).toHaveLength(1);
  }, 30_000);
});

describe('SES notifications', () => {
  it('record a bounce on the request whose mail bounced, once however often it is delivered', async () => {
    // Prepare: a request whose acknowledgment went out
    const id = (await api('POST', '/requests', { as: 'ict.officer', body: intake })).body.id as string;
    await stack.settle();
    const sent = (await historyOf(id)).find((e) => e.type === 'MailSent');
    const sesMessageId = sent?.data.sesMessageId as string;
    const notification = {
      eventType: 'Bounce',
      mail: {
        messageId: sesMessageId,
        timestamp: '2026-11-20T04:00:05.000Z',
        tags: { request: [id], mail: [`${id}.v1`] },
      },
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [{ emailAddress: 'pema@example.bt', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        timestamp: '2026-11-20T04:00:06.000Z',
      },
    };
    const envelope = { Type: 'Notification', MessageId: 'sns-1', Message: JSON.stringify(notification) };
    const event = {
      Records: [
        {
          messageId: 'm1',
          receiptHandle: 'r1',
          body: JSON.stringify(envelope),
          attributes: {},
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn',
          awsRegion: 'local',
        },
      ],
    } as unknown as SQSEvent;
    const handler = createSesEventsHandler({ commands: stack.core.commands, now: stack.clock.now });
    // Act: delivered twice
    const first = await handler(event, lambdaContext('ses-events'));
    await handler(event, lambdaContext('ses-events'));
    // Assess
    expect(first).toEqual({ batchItemFailures: [] });
    const bounces = (await historyOf(id)).filter((e) => e.type === 'ResponseBounced');
    expect(bounces).toEqual([
      expect.objectContaining({
        data: {
          sesMessageId,
          recipients: ['pema@example.bt'],
          bounceType: 'permanent',
          diagnostic: 'smtp; 550 5.1.1 user unknown',
        },
      }),
    ]);
  }, 30_000);

  it('report a malformed notification as a failed record, for the dead-letter queue', async () => {
    const handler = createSesEventsHandler({ commands: stack.core.commands, now: stack.clock.now });
    const event = {
      Records: [
        {
          messageId: 'bad',
          receiptHandle: 'r',
          body: '{"not":"ses"}',
          attributes: {},
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn',
          awsRegion: 'local',
        },
      ],
    } as unknown as SQSEvent;
    await expect(handler(event, lambdaContext('ses-events'))).rejects.toThrow(/All records failed/);
  });
});
