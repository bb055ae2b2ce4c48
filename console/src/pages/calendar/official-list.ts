/**
 * Reading a government holiday list from what an admin has in hand — a JSON file (the API's body, the
 * repository's `config/holidays/*.json`, or a bare array) or CSV rows `date,name[,region]` with or without a
 * header — and comparing it with the year's current list before anything is sent.
 */

export interface ListedHoliday {
  readonly date: string;
  readonly name: string;
  readonly region?: string;
}

export interface ParsedList {
  readonly holidays: readonly ListedHoliday[];
  /** The source named in a JSON file, if any (the form's own field wins). */
  readonly source?: string;
  /** One line per row that cannot be sent, saying which and why; the list is not sent while any remain. */
  readonly problems: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^[a-z][a-z-]*$/;

const isRealDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Checks rows as the API will (date in the year, name 1–200 characters, region a lowercase id). */
const check = (
  rows: readonly { date: unknown; name: unknown; region?: unknown }[],
  year: number,
  where: (i: number) => string,
): ParsedList => {
  const problems: string[] = [];
  const holidays: ListedHoliday[] = [];
  rows.forEach((row, i) => {
    const date = typeof row.date === 'string' ? row.date.trim() : '';
    const name = typeof row.name === 'string' ? row.name.trim() : '';
    const region = typeof row.region === 'string' && row.region.trim() ? row.region.trim() : undefined;
    if (!isRealDate(date)) problems.push(`${where(i)}: "${String(row.date ?? '')}" is not a date (YYYY-MM-DD)`);
    else if (Number(date.slice(0, 4)) !== year) problems.push(`${where(i)}: ${date} is not in ${year}`);
    if (!name || name.length > 200) problems.push(`${where(i)}: a name of 1–200 characters is needed`);
    if (region !== undefined && !REGION.test(region))
      problems.push(`${where(i)}: region "${region}" — region ids are lowercase, e.g. "thimphu"`);
    holidays.push({ date, name, ...(region ? { region } : {}) });
  });
  if (rows.length === 0) problems.push('No holidays found.');
  if (rows.length > 400) problems.push('At most 400 holidays.');
  return { holidays, problems };
};

const fromJson = (text: string, year: number): ParsedList => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { holidays: [], problems: [`Not valid JSON: ${(err as Error).message}`] };
  }
  const obj =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const rows = Array.isArray(value) ? value : Array.isArray(obj?.holidays) ? (obj.holidays as unknown[]) : undefined;
  if (!rows)
    return { holidays: [], problems: ['Expected an array of {date, name, region?} or an object with "holidays".'] };
  if (obj && typeof obj.year === 'number' && obj.year !== year)
    return { holidays: [], problems: [`This file is the list for ${obj.year}, not ${year}.`] };
  const parsed = check(
    rows.map((r) => (typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : { date: r, name: '' })) as {
      date: unknown;
      name: unknown;
      region?: unknown;
    }[],
    year,
    (i) => `Holiday ${i + 1}`,
  );
  return { ...parsed, ...(typeof obj?.source === 'string' ? { source: obj.source } : {}) };
};

const fromCsv = async (text: string, year: number): Promise<ParsedList> => {
  // csv-parse handles quoting ("Losar, first day") and line endings; loaded only when an admin reads a list.
  const { parse } = await import('csv-parse/browser/esm/sync');
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true, comment: '#' });
  } catch (err) {
    return { holidays: [], problems: [`Not valid CSV: ${(err as Error).message}`] };
  }
  const header = records[0]?.map((c) => c.toLowerCase());
  const hasHeader = header?.includes('date') ?? false;
  const col = (name: string, fallback: number) => (hasHeader ? (header?.indexOf(name) ?? -1) : fallback);
  const [d, n, r] = [col('date', 0), col('name', 1), col('region', 2)];
  const rows = (hasHeader ? records.slice(1) : records).map((row) => ({
    date: row[d] ?? '',
    name: row[n] ?? '',
    region: r >= 0 ? row[r] : undefined,
  }));
  return check(rows, year, (i) => `Row ${i + 1 + (hasHeader ? 1 : 0)}`);
};

/** Reads a pasted or uploaded list; JSON when it looks like JSON, CSV otherwise. */
export const readOfficialList = (text: string, year: number): Promise<ParsedList> => {
  const trimmed = text.trim();
  return trimmed.startsWith('[') || trimmed.startsWith('{')
    ? Promise.resolve(fromJson(trimmed, year))
    : fromCsv(trimmed, year);
};

export interface ListChange {
  readonly kind: 'added' | 'removed' | 'moved' | 'renamed';
  readonly name: string;
  readonly date: string;
  readonly previousDate?: string;
  readonly previousName?: string;
  readonly region?: string;
}

const exact = (h: ListedHoliday) => `${h.date}|${h.region ?? ''}|${h.name.toLowerCase()}`;
const byName = (h: ListedHoliday) => `${h.name.toLowerCase()}|${h.region ?? ''}`;
const byDate = (h: ListedHoliday) => `${h.date}|${h.region ?? ''}`;

/** Takes the first of `pool` with `k(h)`, removing it, so each holiday pairs at most once. */
const take = (pool: ListedHoliday[], k: (h: ListedHoliday) => string, h: ListedHoliday) => {
  const i = pool.findIndex((p) => k(p) === k(h));
  return i < 0 ? undefined : pool.splice(i, 1)[0];
};

/**
 * What recording `next` would change against the year's `current` official or provisional list (declared
 * holidays stay and are not compared). A day may carry two holidays, so identity is date, region and name;
 * of the rest, the same name on another date has moved, the same date under another name is renamed, and
 * what is left is added or removed.
 */
export const compareLists = (current: readonly ListedHoliday[], next: readonly ListedHoliday[]): ListChange[] => {
  const gone = [...current];
  const fresh: ListedHoliday[] = [];
  for (const h of next) if (!take(gone, exact, h)) fresh.push(h);
  const changes: ListChange[] = [];
  const region = (h: ListedHoliday) => (h.region ? { region: h.region } : {});
  const unpaired: ListedHoliday[] = [];
  for (const h of fresh) {
    const was = take(gone, byName, h);
    if (was) changes.push({ kind: 'moved', name: h.name, date: h.date, previousDate: was.date, ...region(h) });
    else unpaired.push(h);
  }
  for (const h of unpaired) {
    const was = take(gone, byDate, h);
    changes.push(
      was
        ? { kind: 'renamed', name: h.name, date: h.date, previousName: was.name, ...region(h) }
        : { kind: 'added', name: h.name, date: h.date, ...region(h) },
    );
  }
  for (const h of gone) changes.push({ kind: 'removed', name: h.name, date: h.date, ...region(h) });
  return changes.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
};
