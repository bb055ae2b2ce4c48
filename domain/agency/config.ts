import { isValidTimeZone } from '../time/time-zone.js';
import * as z from 'zod';
import { Role } from '../../events/primitives.js';
import { regionProblem } from '../calendar/regions.js';

const clockTime = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm (24-hour)');

export const Division = z.lazy(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lowercase id'),
    name: z.string().min(1),
  }),
);
export type Division = z.infer<typeof Division>;

export const User = z.lazy(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase user id'),
    name: z.string().min(1),
    email: z.email(),
    roles: z.array(Role).min(1),
    division: z.string().optional(),
  }),
);
export type User = z.infer<typeof User>;

export const CalendarSettings = z.lazy(() =>
  z.strictObject({
    timeZone: z.string().refine((tz) => isValidTimeZone(tz), 'not an IANA time zone'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1),
    officeHours: z.strictObject({ opens: clockTime(), closes: clockTime() }),
    /** The region the agency's office is in; regional holidays elsewhere do not apply. */
    region: z.string().min(1).optional(),
    /** ISO country code of the public-holiday files to load (`config/holidays/<cc>-<year>.json`). */
    holidayCountry: z.string().length(2),
  }),
);
export type CalendarSettings = z.infer<typeof CalendarSettings>;

export const SlaSettings = z.lazy(() =>
  z.strictObject({
    responseWorkingDays: z.number().int().min(1).max(60),
    escalateAfterWorkingDays: z.number().int().min(1).max(60),
    maxExtensionWorkingDays: z.number().int().min(1).max(60),
  }),
);
export type SlaSettings = z.infer<typeof SlaSettings>;

/**
 * The whole configuration. Its schemas (and its parts' above) are built on their first parse: a
 * function's cold start reads the configuration its bundle validated at build time (config/validated.ts)
 * and never parses it.
 */
export const AgencyConfig = z.lazy(() =>
  z
    .strictObject({
      agency: z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
        name: z.string().min(1),
        domain: z.string().min(3),
        referencePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'uppercase letters and digits, 2–10 long'),
        intakeAddress: z.email(),
        archiveAddress: z.email(),
        /** Sender domains treated as other agencies (`*.gov.bt` matches any subdomain). */
        agencyDomains: z.array(z.string().min(1)),
        /** The day the agency started using Request Desk (`YYYY-MM-DD`): no request is dated before it. */
        startDate: z.iso.date().optional(),
      }),
      calendar: CalendarSettings,
      sla: SlaSettings,
      /** The website review committee meets yearly: its review pack goes out on this date (`MM-DD`), or the next working day. */
      website: z
        .strictObject({ reviewDate: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD') })
        .optional(),
      divisions: z.array(Division).min(1),
      users: z.array(User).min(1),
    })
    .superRefine((cfg, ctx) => {
      const divisions = new Set(cfg.divisions.map((d) => d.id));
      const region = regionProblem(cfg.calendar.holidayCountry, cfg.calendar.region);
      if (region) ctx.addIssue({ code: 'custom', path: ['calendar', 'region'], message: region });
      const { opens, closes } = cfg.calendar.officeHours;
      if (opens >= closes) {
        ctx.addIssue({
          code: 'custom',
          path: ['calendar', 'officeHours'],
          message: `office opens (${opens}) after it closes (${closes})`,
        });
      }
      const seen = new Set<string>();
      cfg.users.forEach((u, i) => {
        if (seen.has(u.id))
          ctx.addIssue({ code: 'custom', path: ['users', i, 'id'], message: `duplicate user id ${u.id}` });
        seen.add(u.id);
        const needsDivision = u.roles.some((r) => r === 'division_officer' || r === 'division_chief');
        if (needsDivision && !u.division) {
          ctx.addIssue({
            code: 'custom',
            path: ['users', i, 'division'],
            message: `${u.id} has a division role but no division`,
          });
        }
        if (u.division && !divisions.has(u.division)) {
          ctx.addIssue({
            code: 'custom',
            path: ['users', i, 'division'],
            message: `${u.id} is in unknown division ${u.division}`,
          });
        }
      });
      for (const d of cfg.divisions) {
        if (!cfg.users.some((u) => u.division === d.id && u.roles.includes('division_chief'))) {
          ctx.addIssue({
            code: 'custom',
            path: ['divisions'],
            message: `division ${d.id} has no division_chief to receive breach alerts`,
          });
        }
      }
      if (!cfg.divisions.some((d) => d.id === 'ict')) {
        ctx.addIssue({
          code: 'custom',
          path: ['divisions'],
          message: 'an ict division is required: its chief receives alerts for unassigned requests',
        });
      }
      if (!cfg.users.some((u) => u.roles.includes('spokesperson'))) {
        ctx.addIssue({
          code: 'custom',
          path: ['users'],
          message: 'at least one spokesperson is required: no response can be sent without one',
        });
      }
    }),
);
export type AgencyConfig = z.infer<typeof AgencyConfig>;

/** A configuration that failed validation; the message lists every problem with its path. */
export class AgencyConfigError extends Error {
  override readonly name = 'AgencyConfigError';
}

/** One line per problem, `path: message`, for an operator reading a failed start. */
export const formatIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `  - ${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`).join('\n');

/** Validates a configuration object, throwing one error that lists every problem. */
export const parseAgencyConfig = (raw: unknown, origin = 'agency config'): AgencyConfig => {
  const result = AgencyConfig.safeParse(raw);
  if (!result.success) throw new AgencyConfigError(`${origin} is invalid:\n${formatIssues(result.error)}`);
  return result.data;
};
