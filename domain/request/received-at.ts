import type { ZonedDateTime } from '../time/zoned-date-time.js';
import { DomainError } from '../shared/errors.js';

/** How far back a request may be dated when registered: older papers are history, not new work. */
export const MAX_BACKDATE_YEARS = 1;

/**
 * When a request may say it was received: not in the future, not more than a year before it is
 * registered, and not before the agency started using the system (`agency.startDate`, in its time
 * zone). A date outside these would give a due date long past and a breach at once, counted in a
 * month no report covers. Returns the refusal, or undefined when the date is acceptable.
 */
export const checkReceivedAt = (
  receivedAt: ZonedDateTime,
  now: ZonedDateTime,
  agencyStart: ZonedDateTime | undefined,
): DomainError | undefined => {
  if (receivedAt > now)
    return new DomainError('INVALID_INPUT', 'receivedAt is in the future', {
      receivedAt: receivedAt.toISO(),
      now: now.toISO(),
    });
  const yearBack = now.minus({ years: MAX_BACKDATE_YEARS });
  const earliest = agencyStart && agencyStart > yearBack ? agencyStart : yearBack;
  if (receivedAt < earliest) {
    const why =
      earliest === agencyStart ? 'the agency started using Request Desk' : `${MAX_BACKDATE_YEARS} year before now`;
    return new DomainError('INVALID_INPUT', `receivedAt is before ${earliest.toISO()} (${why})`, {
      receivedAt: receivedAt.toISO(),
      earliest: earliest.toISO(),
    });
  }
  return undefined;
};
