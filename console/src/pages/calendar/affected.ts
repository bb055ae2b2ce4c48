import type { RequestView } from '../../commons/api';

const OPEN = new Set(['received', 'assigned', 'in_consultation', 'awaiting_clarification']);

/** Open requests whose counted days include `date`: a holiday there (or its withdrawal) moves their due date. */
export const affectedBy = (date: string, items: readonly RequestView[]) =>
  items.filter((r) => OPEN.has(r.status) && r.receivedAt.slice(0, 10) <= date && r.dueAt.slice(0, 10) >= date);
