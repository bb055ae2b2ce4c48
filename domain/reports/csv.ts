import { stringify } from 'csv-stringify/sync';

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * Every CSV the system writes (the disclosure log, the monthly report), written one way: quoted as
 * RFC 4180 asks, and with formulas disarmed. A cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would run as a formula in Excel or LibreOffice (an attachment named
 * `=WEBSERVICE(…).pdf` would call out when an auditor opens the log); csv-stringify's
 * `escape_formulas` prefixes such a text cell with a single quote, OWASP's rule. Numbers stay numbers.
 */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  stringify([header, ...rows] as CsvCell[][], { escape_formulas: true, record_delimiter: 'unix' });
