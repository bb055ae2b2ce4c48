import type * as z from 'zod';
import type { WebsiteNotificationEvent } from '../../events/website-events.js';
import type { Command } from '../shared/command.js';
import { recordOnceDecider } from '../shared/record-once.js';

type ReviewPackSent = z.infer<typeof WebsiteNotificationEvent>;

/** The yearly review pack went to the website review committee: stream `website-review#<year>`, once a year. */
export type RecordReviewPackSent = Command<
  'RecordReviewPackSent',
  { year: number; recipients: readonly string[]; sesMessageIds: readonly string[] }
>;

/** The record of a year's review pack: the first run that sends it records it; a second run sends nothing. */
export const reviewPackRecord = recordOnceDecider<RecordReviewPackSent, ReviewPackSent>(
  ({ data, metadata }, actor) => ({
    type: 'WebsiteReviewPackSent',
    schemaVersion: 1,
    occurredAt: metadata.now,
    actor,
    data: { year: data.year, recipients: [...data.recipients], sesMessageIds: [...data.sesMessageIds] },
  }),
);
