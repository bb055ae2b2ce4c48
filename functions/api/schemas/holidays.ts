import * as z from 'zod';
import { Instant, LocalDate, RequestReference } from '../../../events/primitives.js';

/** Schemas of the holidays-by-year routes (`GET /calendar/holidays`, `POST /calendar/years/{year}/official`). */

export const YearParam = z
  .string()
  .regex(/^\d{4}$/, 'a four-digit year')
  .meta({ description: 'A year, e.g. `2027`', example: '2027' });

/** The year as a number in the range the calendar keeps (2000–2100). */
export const Year = z.coerce.number().int().min(2000).max(2100);

export const HolidaysQuery = z.strictObject({ year: YearParam });

export const OfficialHolidayInput = z.strictObject({
  date: LocalDate,
  name: z.string().trim().min(1).max(200),
  region: z.string().trim().min(1).max(100).optional().meta({
    description:
      'Only offices in this region close: a dzongkhag id such as `thimphu` (lowercase; Bhutan’s 20 dzongkhags)',
  }),
});

export const OfficialListBody = z
  .strictObject({
    source: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .meta({ description: 'Where the list came from: the circular’s reference, title or address' }),
    holidays: z.array(OfficialHolidayInput).max(400),
  })
  .meta({ id: 'OfficialHolidayList' });

const HolidayStatus = z.enum(['official', 'provisional', 'declared']).meta({
  description:
    '`official` from the government’s list for that year, `provisional` computed from the Bhutanese calendar until that list is in, `declared` at run time',
});

export const HolidaysReply = z
  .object({
    year: z.number().int(),
    status: z.enum(['official', 'provisional']).meta({ description: 'Whether the year’s official list is in' }),
    holidays: z.array(
      z.object({ date: LocalDate, name: z.string(), region: z.string().optional(), status: HolidayStatus }),
    ),
  })
  .meta({ id: 'HolidaysOfYear' });

/** A website update's due date a calendar change moved: the division's (`submission`) or ICT's (`publication`). */
export const WebsiteMovedReply = z
  .object({ updateId: z.string(), clock: z.string(), previousDueAt: Instant, dueAt: Instant })
  .meta({ id: 'WebsiteDueDateMoved' });

export const OfficialListReply = z
  .object({
    year: z.number().int(),
    recorded: z.boolean().meta({ description: 'False when the calendar already held this very list' }),
    holidays: z.number().int(),
    moved: z.array(z.object({ requestId: RequestReference, previousDueAt: Instant, dueAt: Instant })),
    websiteMoved: z.array(WebsiteMovedReply).optional(),
  })
  .meta({ id: 'OfficialListRecorded' });
