import * as z from 'zod';
import { eventFamily, eventSchema } from './envelope.js';
import { LocalDate } from './primitives.js';

/** A holiday declared at run time (Bhutan declares some, such as the first snowfall, on the morning itself). */
const HolidayDeclared = () =>
  eventSchema(
    'HolidayDeclared',
    1,
    z.strictObject({
      date: LocalDate,
      name: z.string().min(1).max(200),
      /** Only offices in this region close (a dzongkhag tshechu); absent for the whole agency. */
      region: z.string().min(1).max(100).optional(),
    }),
  );

const HolidayWithdrawn = () =>
  eventSchema(
    'HolidayWithdrawn',
    1,
    z.strictObject({
      date: LocalDate,
      reason: z.string().min(1).max(2_000),
    }),
  );

/**
 * The government's official holiday list for a year (Bhutan: the Ministry of Home Affairs' list,
 * published each November), replacing that year's computed (provisional) or earlier official dates.
 */
const OfficialHolidaysRecorded = () =>
  eventSchema(
    'OfficialHolidaysRecorded',
    1,
    z.strictObject({
      year: z.number().int().min(2000).max(2100),
      /** Where the list came from: the circular's reference, title or address. */
      source: z.string().min(1).max(2_000),
      holidays: z
        .array(
          z.strictObject({
            date: LocalDate,
            name: z.string().min(1).max(200),
            region: z.string().min(1).max(100).optional(),
          }),
        )
        .max(400),
    }),
  );

export const CalendarEvent = eventFamily({
  HolidayDeclared,
  HolidayWithdrawn,
  OfficialHolidaysRecorded,
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;
