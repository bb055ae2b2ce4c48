import * as z from 'zod';
import { LocalDate } from '../../events/primitives.js';
import { regionProblem } from '../calendar/regions.js';

export const Holiday = z.strictObject({
  date: LocalDate,
  name: z.string().min(1).max(200),
  /** Applies only to offices in this region (e.g. a dzongkhag tshechu); absent for the whole country. */
  region: z.string().min(1).max(100).optional(),
});
export type Holiday = z.infer<typeof Holiday>;

/** One year's public holidays for one country, with where the list came from (built on its first parse: a cold start reads the holidays its bundle validated at build time). */
export const HolidayFile = z.lazy(() =>
  z
    .strictObject({
      country: z.string().length(2),
      year: z.number().int().min(2000).max(2100),
      source: z.string().min(1),
      holidays: z.array(Holiday),
    })
    .superRefine((file, ctx) => {
      file.holidays.forEach((h, i) => {
        if (!h.date.startsWith(`${file.year}-`)) {
          ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: `${h.date} is not in ${file.year}` });
        }
        const region = regionProblem(file.country, h.region);
        if (region) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'region'], message: region });
      });
    }),
);
export type HolidayFile = z.infer<typeof HolidayFile>;
