/** Moved to `directory/service.ts` (the workflow's use cases live in its own folder); this path keeps old imports working. */
export * from './directory/service.js';
