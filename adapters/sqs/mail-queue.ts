import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ConfirmationQueue } from '../../application/mail-jobs.js';
import { submissionKeyOf } from '../../application/portal/confirmation-mail.js';

/**
 * The mail queue (FIFO) as the portal uses it: one message per confirmation, in a group of its own (a
 * failing one holds back no other), deduplicated on the submission's key so a retried request queues one.
 */
export const sqsConfirmationQueue =
  (sqs: SQSClient, queueUrl: string): ConfirmationQueue =>
  async (job) => {
    const key = submissionKeyOf(job.token);
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(job),
        MessageGroupId: `portal-${key}`,
        MessageDeduplicationId: `portal-${key}`,
      }),
    );
  };
