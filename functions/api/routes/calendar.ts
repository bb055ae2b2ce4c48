import { z } from 'zod';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import { Instant } from '../../../events/primitives.js';
import type { Route } from '../types.js';

const dueDateQuery = z.strictObject({ receivedAt: Instant });

export const calendarRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/calendar/due-date',
    public: true,
    handle: async (input) => {
      const q = dueDateQuery.parse(input.query);
      const { calendar, config } = input.services.agency;
      const due = computeDueDate(calendar, q.receivedAt, config.sla.responseWorkingDays);
      return { status: 200, body: { receivedAt: due.receivedAt, dueAt: due.dueAt, dayZero: due.dayZero, workingDays: due.workingDays, explanation: due.explanation } };
    },
  },
];
