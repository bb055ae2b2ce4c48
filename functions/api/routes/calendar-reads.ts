import * as z from 'zod';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import { Instant } from '../../../events/primitives.js';
import { DueDateReply } from '../schemas/due-date.js';
import { HolidaysQuery, HolidaysReply, Year } from '../schemas/holidays.js';
import type { Route } from '../types.js';

// An instant outside the calendar's years is refused by computeDueDate itself (400, INVALID_INPUT).
const dueDateQuery = z.strictObject({ receivedAt: Instant });

/**
 * The calendar's public reads, in a module of their own: the public site asks for due dates after a
 * quiet spell (a cold start), which then loads these two routes and not the admins' calendar changes.
 */
export const calendarReadRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/calendar/due-date',
    public: true,
    summary: 'The due date of a request received at an instant, with the days counted and skipped',
    tags: ['calendar'],
    query: dueDateQuery,
    replies: { 200: { description: 'The due date and its explanation', schema: DueDateReply } },
    handle: async (input) => {
      const q = dueDateQuery.parse(input.query);
      const calendar = await input.services.agencyCalendar.current();
      const due = computeDueDate(calendar, q.receivedAt, input.services.agency.config.sla.responseWorkingDays);
      return {
        status: 200,
        body: {
          receivedAt: due.receivedAt,
          dueAt: due.dueAt,
          dayZero: due.dayZero,
          workingDays: due.workingDays,
          explanation: due.explanation,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/calendar/holidays',
    public: true,
    summary: 'A year’s holidays, each official, provisional (computed) or declared',
    description:
      'Every holiday of the year for every region, with `status`. A year whose official list (Bhutan: the Ministry of Home Affairs’ list, published in November) is not yet recorded has its lunar holidays computed from the Bhutanese calendar: `provisional`.',
    tags: ['calendar'],
    query: HolidaysQuery,
    replies: { 200: { description: 'The year’s holidays', schema: HolidaysReply } },
    handle: async (input) => {
      const year = Year.parse(HolidaysQuery.parse(input.query).year);
      const calendar = await input.services.agencyCalendar.current();
      const holidays = calendar.holidaysOf(year).map((h) => ({
        date: h.date,
        name: h.name,
        ...(h.region ? { region: h.region } : {}),
        status: h.status ?? 'official',
      }));
      return {
        status: 200,
        body: { year, status: calendar.isProvisionalYear(year) ? 'provisional' : 'official', holidays },
      };
    },
  },
];
