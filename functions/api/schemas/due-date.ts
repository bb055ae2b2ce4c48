import * as z from 'zod';
import { Instant, LocalDate } from '../../../events/primitives.js';

let built: ReturnType<typeof buildDueDateReply> | undefined;

/**
 * `GET /calendar/due-date`'s reply, built on first use (its own module: that public route loads without
 * the other replies' schemas, and builds this one only when the API reference is asked for).
 */
export const dueDateReply = () => (built ??= buildDueDateReply());

const buildDueDateReply = () =>
  z
    .object({
      receivedAt: Instant,
      dueAt: Instant,
      dayZero: LocalDate,
      workingDays: z.number().int(),
      explanation: z.array(
        z.looseObject({
          date: LocalDate,
          weekday: z.string(),
          kind: z.enum(['day_zero', 'counted', 'skipped']),
          count: z.number().int().optional(),
          reason: z.string(),
          provisional: z
            .literal(true)
            .optional()
            .meta({ description: 'The line rests on a computed (provisional) holiday list' }),
        }),
      ),
    })
    .meta({ id: 'DueDate' });
