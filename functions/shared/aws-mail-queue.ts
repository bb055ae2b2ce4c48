import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsConfirmationQueue } from '../../adapters/sqs/mail-queue.js';
import type { ConfirmationQueue } from '../../application/mail-jobs.js';

/** The mail queue on AWS (MAIL_QUEUE_URL), as the portal puts its confirmations on it. */
export const awsConfirmationQueue = (queueUrl: string): ConfirmationQueue =>
  sqsConfirmationQueue(new SQSClient({}), queueUrl);
