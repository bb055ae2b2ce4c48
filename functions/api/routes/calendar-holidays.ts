import { HolidaysQuery, HolidaysReply, Year } from '../schemas/holidays.js';
import type { Route } from '../types.js';

/** A year's holidays, public, in a module of its own (the due date's cold start does not load its schemas). */
export const calendarHolidayRoutes: readonly Route[] = [
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
