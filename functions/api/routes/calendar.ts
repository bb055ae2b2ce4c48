import * as z from 'zod';
import { changeHoliday, type MovedDueDate } from '../../../application/calendar-changes.js';
import { recordOfficialHolidays } from '../../../application/official-holidays.js';
import { buildRegisteredWorkflows } from '../../../application/workflows.js';
import { authorizeSlaScan } from '../../../domain/calendar/policy.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { LocalDate } from '../../../events/primitives.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';
import { HolidayReply, ScanReply } from '../schemas/replies.js';
import { OfficialListBody, OfficialListReply, Year, YearParam } from '../schemas/holidays.js';
import { calendarHolidayRoutes } from './calendar-holidays.js';
import { calendarReadRoutes } from './calendar-reads.js';

const holidayBody = z.strictObject({
  date: LocalDate,
  name: z.string().trim().min(1).max(200),
  region: z.string().trim().min(1).max(100).optional(),
});
const withdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

/** The calendar's routes: its public reads (calendar-reads.ts, calendar-holidays.ts: modules of their own) and the admins' changes. */
export const calendarRoutes: readonly Route[] = [
  ...calendarReadRoutes,
  ...calendarHolidayRoutes,
  {
    method: 'POST',
    path: '/calendar/years/{year}/official',
    summary: 'Record a year’s official holiday list (admins); it replaces the computed dates and open due dates move',
    description:
      'Each open request whose due date changes records `DueDateRecalculated` with cause `official_list_recorded`. Regions are checked against the known list (Bhutan’s 20 dzongkhags). Sending the list the calendar already holds records nothing (200).',
    tags: ['calendar'],
    params: z.object({ year: YearParam }),
    body: OfficialListBody,
    replies: {
      201: { description: 'Recorded; `moved` lists the due dates that moved', schema: OfficialListReply },
      200: { description: 'The calendar already held this list: nothing recorded', schema: OfficialListReply },
    },
    handle: async (input) => {
      const year = Year.parse(input.params.year);
      const body = OfficialListBody.parse(input.body ?? {});
      const result = await recordOfficialHolidays(changeDeps(input), { year, ...body }, actorOf(input), input.now);
      return {
        status: result.recorded ? 201 : 200,
        body: {
          year,
          recorded: result.recorded,
          holidays: body.holidays.length,
          ...movedReply(result.moved),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/calendar/holidays',
    summary: 'Declare a holiday (admins); due dates of open requests and website updates move accordingly',
    tags: ['calendar'],
    body: holidayBody,
    replies: {
      201: { description: 'Declared now', schema: HolidayReply },
      200: { description: 'Already declared: nothing new recorded', schema: HolidayReply },
    },
    handle: async (input) => {
      const body = holidayBody.parse(input.body ?? {});
      const result = await changeHoliday(
        changeDeps(input),
        { type: 'DeclareHoliday', ...body },
        actorOf(input),
        input.now,
      );
      return {
        status: result.recorded ? 201 : 200,
        body: {
          date: body.date,
          name: body.name,
          recorded: result.recorded,
          ...movedReply(result.moved),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/calendar/holidays/{date}/withdraw',
    summary: 'Withdraw a declared holiday (admins); due dates move back',
    tags: ['calendar'],
    params: z.object({ date: LocalDate }),
    body: withdrawBody,
    replies: { 200: { description: 'Withdrawn', schema: HolidayReply } },
    handle: async (input) => {
      const date = LocalDate.parse(input.params.date);
      const { reason } = withdrawBody.parse(input.body ?? {});
      const result = await changeHoliday(
        changeDeps(input),
        { type: 'WithdrawHoliday', date, reason },
        actorOf(input),
        input.now,
      );
      return {
        status: 200,
        body: { date, recorded: result.recorded, ...movedReply(result.moved) },
      };
    },
  },
  {
    method: 'POST',
    path: '/sla/scan',
    summary: 'Run the breach scan now (admins; the scheduler runs it hourly in office hours)',
    tags: ['sla'],
    body: z.strictObject({}).optional(),
    replies: { 200: { description: 'What the scan found and queued', schema: ScanReply } },
    handle: async (input) => {
      const refused = authorizeSlaScan(actorOf(input));
      if (refused instanceof DomainError) throw refused;
      const result = await input.services.scan();
      return {
        status: 200,
        body: { breached: result.breached, atRisk: result.atRisk, alertsQueued: result.alertsQueued },
      };
    },
  },
];

/**
 * The reply's lists of moved due dates, as the API has always given them: `moved` for requests and
 * `websiteMoved` for website updates (the application keeps one list, each move with its kind).
 */
const movedReply = (moved: readonly MovedDueDate[]) => ({
  moved: moved
    .filter((m) => m.kind === 'request')
    .map((m) => ({ requestId: m.itemId, previousDueAt: m.previousDueAt, dueAt: m.dueAt })),
  websiteMoved: moved
    .filter((m) => m.kind === 'website')
    .map((m) => ({
      updateId: m.itemId,
      clock: m.clock ?? 'submission',
      previousDueAt: m.previousDueAt,
      dueAt: m.dueAt,
    })),
});

/** Every registered workflow's due dates follow the calendar: its SLA list, on the API's command paths. */
const changeDeps = ({ services }: RouteInput) => ({
  agencyCalendar: services.agencyCalendar,
  readModels: services.readModels,
  workflows: buildRegisteredWorkflows(
    {
      store: services.store,
      readModels: services.readModels,
      agency: services.agency,
      currentCalendar: services.agencyCalendar.current,
      currentDirectory: () => services.directory.current(),
    },
    { request: services.commands, website: services.websiteCommands },
  ).sla,
});
