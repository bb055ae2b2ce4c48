/** The one definition of each queue, for CDK and the local stack. */
export interface QueueDef {
  readonly id: string;
  /** The local queue name; FIFO queues end in `.fifo`. */
  readonly name: string;
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** After this many failed receives a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
}

/**
 * Outbound mail jobs, FIFO per request (group = reference) with the mail id as deduplication id, so
 * the dispatcher's at-least-once delivery sends each mail once and in order.
 */
export const mailQueue: QueueDef = {
  id: 'Mail',
  name: 'request-desk-mail.fifo',
  fifo: true,
  visibilityTimeoutSeconds: 60,
  maxReceiveCount: 5,
};

/** SES delivery, bounce and complaint notifications (via SNS). */
export const sesEventsQueue: QueueDef = {
  id: 'SesEvents',
  name: 'request-desk-ses-events',
  fifo: false,
  visibilityTimeoutSeconds: 60,
  maxReceiveCount: 5,
};

/** Received mail: SES receipt notifications (the receipt rule stores the raw message in S3 and publishes its verdicts), for the intake. */
export const inboundMailQueue: QueueDef = {
  id: 'InboundMail',
  name: 'request-desk-inbound-mail',
  fifo: false,
  visibilityTimeoutSeconds: 180,
  maxReceiveCount: 5,
};

/** Alert digests from the breach scan, FIFO per recipient, deduplicated on `<day>.<userId>`. */
export const alertsQueue: QueueDef = {
  id: 'Alerts',
  name: 'request-desk-alerts.fifo',
  fifo: true,
  visibilityTimeoutSeconds: 120,
  maxReceiveCount: 5,
};

export const allQueues: readonly QueueDef[] = [mailQueue, sesEventsQueue, inboundMailQueue, alertsQueue];

export const deadLetterName = (q: QueueDef): string =>
  q.fifo ? q.name.replace(/\.fifo$/, '-dlq.fifo') : `${q.name}-dlq`;
