import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alertsQueue, deadLetterName, inboundMailQueue, mailQueue, sesEventsQueue, type QueueDef } from '../queues.js';

export interface QueueWithDlq {
  readonly queue: sqs.Queue;
  readonly deadLetter: sqs.Queue;
  readonly alarms: readonly cloudwatch.Alarm[];
}

/** Every queue, from the shared definitions, each with a dead-letter queue and alarms on its depth and age. */
export class Messaging extends Construct {
  readonly mail: QueueWithDlq;
  readonly alerts: QueueWithDlq;
  readonly inbound: QueueWithDlq;
  readonly sesEvents: QueueWithDlq;
  /** Where stream records go after their retries (the projector's and dispatcher's on-failure destination). */
  readonly streamFailures: sqs.Queue;

  /** The queues' own key: S3 and SNS are allowed to use it for the buckets and topics that notify them. */
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A key of their own: sharing the data key would tie the mail bucket and its notification queue in a cycle.
    const key = (this.key = new kms.Key(this, 'Key', { enableKeyRotation: true, description: 'Request Desk: queues' }));
    const make = (def: QueueDef): QueueWithDlq => {
      const common = {
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: key,
        enforceSSL: true,
        ...(def.fifo ? { fifo: true } : {}),
      };
      const deadLetter = new sqs.Queue(this, `${def.id}DeadLetter`, {
        ...common,
        queueName: undefined,
        retentionPeriod: Duration.days(14),
        ...(def.fifo ? { fifo: true } : {}),
      });
      const queue = new sqs.Queue(this, def.id, {
        ...common,
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        retentionPeriod: Duration.days(4),
        deadLetterQueue: { queue: deadLetter, maxReceiveCount: def.maxReceiveCount },
        ...(def.fifo ? { contentBasedDeduplication: false } : {}),
      });
      const alarms = [
        new cloudwatch.Alarm(this, `${def.id}DeadLetterDepth`, {
          alarmDescription: `${deadLetterName(def)}: messages that failed ${def.maxReceiveCount} times wait here`,
          metric: deadLetter.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
        new cloudwatch.Alarm(this, `${def.id}OldestMessage`, {
          alarmDescription: `${def.name}: the oldest message has waited over 15 minutes`,
          metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5) }),
          threshold: 900,
          evaluationPeriods: 2,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      ];
      return { queue, deadLetter, alarms };
    };
    this.mail = make(mailQueue);
    this.alerts = make(alertsQueue);
    this.inbound = make(inboundMailQueue);
    this.sesEvents = make(sesEventsQueue);
    this.streamFailures = new sqs.Queue(this, 'StreamFailures', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    new cloudwatch.Alarm(this, 'StreamFailuresDepth', {
      alarmDescription: 'stream records that failed every retry: read models or outbound mail are behind',
      metric: this.streamFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
