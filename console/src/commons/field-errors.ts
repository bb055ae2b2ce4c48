import { ApiError } from './api';

/**
 * The API's 400 `details` (`[{path, message}]`, one per zod issue) as a message per field, so a form
 * can show the server's verdict beside the field it concerns. Errors without a field path go to `''`.
 */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    // `holidays.3.date` belongs to the `holidays` field; a form shows the first message per field.
    const field = typeof path === 'string' ? (path.split('.')[0] ?? '') : '';
    out[field] ??= message;
  }
  return out;
};

/**
 * A one-line account of an API error for an Alert, in the API's own words (a refusal says which rule it
 * met). The error's code is for programs, never shown to a person.
 */
export const errorLine = (error: unknown): string => (error instanceof Error ? error.message : String(error));
