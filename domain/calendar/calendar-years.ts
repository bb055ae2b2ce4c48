/**
 * The years the agency calendar reasons about. Outside them its arithmetic is not meaningful (a due
 * date after 9999-12-31 has no four-digit year; the Bhutanese calendar has no year 1): an instant or
 * date there is bad input, refused with a 400 and never computed.
 */
export const CALENDAR_YEARS = { first: 1970, last: 2100 } as const;

/** Why `what` (a date or instant whose year in the agency's zone is `year`) is outside the calendar's years, or undefined. */
export const outsideCalendarYears = (year: number, what: string): string | undefined =>
  Number.isInteger(year) && year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last
    ? undefined
    : `${what} is outside the years the agency calendar covers (${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last})`;
