import * as z from 'zod';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import { Instant } from '../../../events/primitives.js';
import { dueDateReply } from '../schemas/due-date.js';
import type { Route } from '../types.js';

// An instant outside the calendar's years is refused by computeDueDate itself (400, INVALID_INPUT).
const dueDateQuery = z.strictObject({ receivedAt: Instant });

/**
 * The due date, in a module of its own: the public site asks for due dates after a quiet spell (a cold
 * start, bench P4b), which then loads this route alone, not the holidays' schemas nor the admins' changes.
 */
export const calendarReadRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/calendar/due-date',
    public: true,
    summary: 'The due date of a request received at an instant, with the days counted and skipped',
    tags: ['calendar'],
    query: dueDateQuery,
    replies: {
      200: {
        description: 'The due date and its explanation',
        // Built when the reference asks for it: a reply schema is documentation, never parsed at run time.
        get schema() {
          return dueDateReply();
        },
      },
    },
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
];
