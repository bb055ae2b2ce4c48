import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * The events table's stream as a function's trigger, under the one failure policy every consumer of it
 * follows: from the oldest record kept, a failing batch bisected down to the record that fails, retried
 * five times for at most a day, then set aside on the stream-failures queue (never dropped silently).
 * Each consumer says how many records a batch holds and which records it wants.
 */
export const eventStreamSource = (
  events: dynamodb.ITable,
  streamFailures: sqs.IQueue,
  consumer: { readonly batchSize: number; readonly filters: readonly Record<string, unknown>[] },
): DynamoEventSource =>
  new DynamoEventSource(events, {
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    batchSize: consumer.batchSize,
    bisectBatchOnError: true,
    retryAttempts: 5,
    maxRecordAge: Duration.days(1),
    reportBatchItemFailures: true,
    onFailure: new SqsDlq(streamFailures),
    filters: [...consumer.filters],
  });
