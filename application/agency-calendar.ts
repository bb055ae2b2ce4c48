/** Moved to `calendar/agency-calendar.ts` (the workflow's use cases live in its own folder); this path keeps old imports working. */
export * from './calendar/agency-calendar.js';
