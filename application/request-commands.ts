/** Moved to `request/commands.ts` (the workflow's use cases live in its own folder); this path keeps old imports working. */
export * from './request/commands.js';
