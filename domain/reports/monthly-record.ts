import type { NotificationEvent } from '../../events/notification-events.js';
import type { Command } from '../shared/command.js';
import { recordOnceDecider } from '../shared/record-once.js';

/** The monthly report went to the head(s) of agency: stream `report#<YYYY-MM>`, recorded once a month. */
export type RecordMonthlyReportSent = Command<
  'RecordMonthlyReportSent',
  { month: string; recipients: readonly string[]; sesMessageIds: readonly string[] }
>;

/** The record of a month's report: the first run that sends it records it; a second run sends nothing. */
export const monthlyReportRecord = recordOnceDecider<RecordMonthlyReportSent, NotificationEvent>(
  ({ data, metadata }, actor) => ({
    type: 'MonthlyReportSent',
    schemaVersion: 1,
    occurredAt: metadata.now,
    actor,
    data: { month: data.month, recipients: [...data.recipients], sesMessageIds: [...data.sesMessageIds] },
  }),
);
