export * from './actor.js';
export * from './calendar-events.js';
export * from './catalogue.js';
export * from './errors.js';
export * from './intake-events.js';
export * from './notification-events.js';
export * from './primitives.js';
export * from './request-events.js';
export { upcast } from './upcasters.js';
