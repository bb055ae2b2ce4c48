import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ConfirmedReply,
  PendingSubmission,
  StoredSubmission,
  SubmissionStore,
} from '../../application/portal/submission-store.js';
import { withRetries } from '../retry.js';

const isConditionFailure = (err: unknown) => (err as { name?: string }).name === 'ConditionalCheckFailedException';

/** Seconds since the epoch, the form DynamoDB's time-to-live reads (`expiresAtEpoch`). */
const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/**
 * The portal's unconfirmed submissions and limit counters in the read-model table: `portal-submission#<token
 * hash>` and `portal-limit#<key>`, each with `expiresAtEpoch` for the table's time-to-live. Conditional
 * writes make the limits and the confirmation exact under concurrency.
 */
export const dynamoSubmissionStore = (doc: DynamoDBDocumentClient, tableName: string): SubmissionStore => ({
  take: async (key, max, expiresAt) => {
    try {
      await withRetries('portal limit', () =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: `portal-limit#${key}`, sk: 'count' },
            UpdateExpression: 'ADD #n :one SET expiresAtEpoch = :exp',
            ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
            ExpressionAttributeNames: { '#n': 'taken' },
            ExpressionAttributeValues: { ':one': 1, ':max': max, ':exp': epoch(expiresAt) },
          }),
        ),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  },
  release: async (key) => {
    try {
      await withRetries('portal limit release', () =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: `portal-limit#${key}`, sk: 'count' },
            UpdateExpression: 'ADD #n :minus',
            ConditionExpression: '#n > :zero',
            ExpressionAttributeNames: { '#n': 'taken' },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  },
  put: async (tokenHash, submission) => {
    await withRetries('portal submission', () =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: `portal-submission#${tokenHash}`,
            sk: 'submission',
            submission,
            expiresAtEpoch: epoch(submission.expiresAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  },
  get: async (tokenHash) => {
    const out = await withRetries('portal submission read', () =>
      doc.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: `portal-submission#${tokenHash}`, sk: 'submission' },
          ConsistentRead: true,
        }),
      ),
    );
    const item = out.Item as { submission?: PendingSubmission; confirmed?: ConfirmedReply } | undefined;
    const stored: StoredSubmission | undefined = item?.confirmed
      ? { confirmed: item.confirmed }
      : item?.submission
        ? { pending: item.submission }
        : undefined;
    return stored;
  },
  markConfirmed: async (tokenHash, reply) => {
    try {
      await withRetries('portal confirmation', () =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: `portal-submission#${tokenHash}`, sk: 'submission' },
            // Only the reply is kept, for good: the link answers with it ever after; the request holds the rest.
            UpdateExpression: 'SET confirmed = :reply REMOVE expiresAtEpoch, submission',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(confirmed)',
            ExpressionAttributeValues: { ':reply': reply },
          }),
        ),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  },
});
