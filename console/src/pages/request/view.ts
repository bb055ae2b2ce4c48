import type { paths } from '../../api/schema';
import type { RequestView } from '../../commons/api';

/** A request as `GET /requests/{id}` gives it: the view, plus what the caller may do and the agency's limits. */
export type RequestPageView = paths['/requests/{id}']['get']['responses'][200]['content']['application/json'];

/** The page's extras, when the view came from `GET /requests/{id}` (a command's reply or a list item has none). */
export const extrasOf = (r: RequestView) =>
  r as Partial<Pick<RequestPageView, 'allowedActions' | 'extension' | 'archiveCopyTo'>>;
