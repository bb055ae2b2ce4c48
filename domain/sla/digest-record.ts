import type { NotificationEvent } from '../../events/notification-events.js';
import type { Command } from '../shared/command.js';
import { recordOnceDecider } from '../shared/record-once.js';

/** A daily alert digest went to one person: stream `digest#<day>.<userId>`, recorded once a day. */
export type RecordAlertDigestSent = Command<
  'RecordAlertDigestSent',
  { recipient: string; day: string; requestIds: readonly string[]; sesMessageId: string }
>;

/** The record of a person's digest of a day: the first run that sends it records it; a repeat records nothing. */
export const alertDigestRecord = recordOnceDecider<RecordAlertDigestSent, NotificationEvent>(
  ({ data, metadata }, actor) => ({
    type: 'AlertDigestSent',
    schemaVersion: 1,
    occurredAt: metadata.now,
    actor,
    data: {
      recipient: data.recipient,
      day: data.day,
      requestIds: [...data.requestIds],
      sesMessageId: data.sesMessageId,
    },
  }),
);
