import { beforeEach, describe, expect, it } from '@jest/globals';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { defineWorkflow } from '../../../application/workflow.js';
import { createDispatcherHandler } from '../../../functions/mail-dispatcher/handler.js';

const sqs = mockClient(SQSClient);
beforeEach(() => {
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
});

const QUEUE = 'https://sqs.local/000000000000/mail.fifo';
/** A due date moved by the official holiday list (the requester is told). */
const moved = {
  type: 'DueDateRecalculated',
  schemaVersion: 1,
  occurredAt: '2027-01-04T10:00:00+06:00',
  actor: { kind: 'system', component: 'calendar' },
  data: {
    previousDueAt: '2027-01-11T17:00:00+06:00',
    dueAt: '2027-01-08T17:00:00+06:00',
    cause: { kind: 'official_list_recorded', year: 2027 },
  },
};
const inserted = (streamId: string, version: number, event: object): DynamoDBStreamEvent => ({
  Records: [
    {
      eventID: '1',
      eventName: 'INSERT',
      dynamodb: { NewImage: marshall({ streamId, version, ...event }) as unknown as Record<string, AttributeValue> },
    },
  ],
});
const queued = () => sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);

describe('the mail dispatcher', () => {
  it('queues the mail a request’s event calls for, as the request workflow says', async () => {
    // Act
    await createDispatcherHandler({ sqs: new SQSClient({}), mailQueueUrl: QUEUE })(
      inserted('request#NECS-2027-00001', 7, moved),
      {} as Context,
    );
    // Assess
    expect(queued()).toEqual([
      expect.objectContaining({ MessageGroupId: 'NECS-2027-00001', MessageDeduplicationId: 'NECS-2027-00001.v7' }),
    ]);
    expect(JSON.parse(queued()[0]?.MessageBody ?? '{}')).toMatchObject({ purpose: 'due_date_moved' });
  });

  it('queues the mail of any registered workflow that sends mail, by its stream kind', async () => {
    // Prepare: a registry with one more workflow whose every event is mailed
    const incident = defineWorkflow({
      kind: 'incident',
      consolePath: 'incidents',
      commands: () => ({}),
      project: async () => 'skipped' as const,
      mailJobs: (itemId, version, event) => ({ mailId: `${itemId}.v${version}`, purpose: event.type }),
    });
    // Act
    await createDispatcherHandler({ sqs: new SQSClient({}), mailQueueUrl: QUEUE, workflows: [incident] })(
      inserted('incident#INC-2027-00001', 3, moved),
      {} as Context,
    );
    // Assess
    expect(queued()).toEqual([
      expect.objectContaining({ MessageGroupId: 'INC-2027-00001', MessageDeduplicationId: 'INC-2027-00001.v3' }),
    ]);
  });

  it('queues nothing for streams of workflows that send no mail, nor for heads and counters', async () => {
    const dispatch = createDispatcherHandler({ sqs: new SQSClient({}), mailQueueUrl: QUEUE });
    await dispatch(inserted('calendar#necs', 4, moved), {} as Context);
    await dispatch(inserted('request#NECS-2027-00001', 0, {}), {} as Context);
    expect(queued()).toEqual([]);
  });
});
