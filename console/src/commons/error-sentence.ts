import { ApiError } from './api';
import { strings } from './strings';

const t = strings.errors;

/**
 * What went wrong, as a sentence a person can act on — never the API's code, route or field names.
 * `what` names what could not be done ("load your work"); the reason follows from the HTTP status.
 */
export const errorSentence = (error: unknown, what: string = t.generic): string => {
  if (!(error instanceof ApiError)) return t.unreachable(what);
  if (error.status === 400 || error.status === 422) return t.invalid(what);
  if (error.status === 401) return t.signedOut(what);
  if (error.status === 403) return t.forbidden(what);
  if (error.status === 404) return t.notFound(what);
  if (error.status === 409 || error.status === 412) return t.changed(what);
  if (error.status === 413) return t.tooLarge(what);
  if (error.status === 429) return t.busy(what);
  if (error.status >= 500) return t.failed(what);
  return t.refused(what);
};
