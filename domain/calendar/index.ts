export * from './calendar-decider.js';
export * from './due-date.js';
export * from './schedule.js';
export * from './sla-status.js';
export * from './working-calendar.js';
