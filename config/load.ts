import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgencyConfigError, formatIssues, parseAgencyConfig, type AgencyConfig } from '../domain/agency/config.js';
import { Directory } from '../domain/agency/directory.js';
import { HolidayFile, type Holiday } from '../domain/agency/holidays.js';
import { provisionalHolidaysFor } from '../domain/calendar/bhutan-holidays.js';
import { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { LoadedAgency } from '../domain/agency/loaded-agency.js';
import { readValidated, sourceDigest, VALIDATED_FILE, type ValidatedConfig } from './validated.js';

/** Where the bundled configuration lives. */
export const CONFIG_ROOT = fileURLToPath(new URL('.', import.meta.url));

// Kept here too, for the outer layers that import it with the loader.
export type { LoadedAgency };

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AgencyConfigError(`cannot read ${path}: ${(err as Error).message}`);
  }
};

/** Reads every `<country>-<year>.json` holiday file of a country in `dir`, validated. */
export const loadHolidayFiles = (dir: string, country: string): HolidayFile[] =>
  readdirSync(dir)
    .filter((f) => f.toLowerCase().startsWith(`${country.toLowerCase()}-`) && f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = HolidayFile.safeParse(readJson(join(dir, f)));
      if (!parsed.success) throw new AgencyConfigError(`holiday file ${f} is invalid:\n${formatIssues(parsed.error)}`);
      return parsed.data;
    });

/** Every holiday of a country's holiday files in `dir`. */
export const loadHolidays = (dir: string, country: string): Holiday[] =>
  loadHolidayFiles(dir, country).flatMap((f) => f.holidays);

/** Reads and validates `<dir>/agency.json` and its country's holiday files in `holidaysDir` (errors name the file and every problem). */
export const parseAgencySources = (
  dir: string,
  holidaysDir: string,
): { config: AgencyConfig; holidayFiles: HolidayFile[] } => {
  const path = join(dir, 'agency.json');
  const config = parseAgencyConfig(readJson(path), path);
  return { config, holidayFiles: loadHolidayFiles(holidaysDir, config.calendar.holidayCountry) };
};

/**
 * The build step (infra/bundle.ts): validates the configuration with the same parsers as {@link loadAgency}
 * (a broken one fails the build with the same message) and writes the result to `file`, tagged with the
 * digest of its sources.
 */
export const writeValidatedConfig = (dir: string, holidaysDir: string, file: string): void => {
  const { config, holidayFiles } = parseAgencySources(dir, holidaysDir);
  const validated: ValidatedConfig = { digest: sourceDigest(dir, holidaysDir), config, holidayFiles };
  writeFileSync(file, JSON.stringify(validated));
};

/**
 * Loads and validates an agency's configuration: `<dir>/agency.json` and the holiday files of its
 * country in `<root>/holidays/`. The directory defaults to `AGENCY_CONFIG_DIR`, else the bundled NECS sample.
 * A function's bundle carries the configuration already validated at build time (`validated`): it is
 * used when it was made from these very files, so a cold start does not validate it again.
 */
export const loadAgency = (
  dir: string = process.env.AGENCY_CONFIG_DIR ?? join(CONFIG_ROOT, 'necs'),
  validated: string = join(CONFIG_ROOT, VALIDATED_FILE),
): LoadedAgency => {
  const holidaysDir = join(CONFIG_ROOT, 'holidays');
  const { config, holidayFiles: files } =
    readValidated(validated, dir, holidaysDir) ?? parseAgencySources(dir, holidaysDir);
  // A year with a file has its official list; any other year takes the computed (provisional) holidays.
  const provisional = provisionalHolidaysFor(config.calendar.holidayCountry);
  const calendar = new WorkingCalendar(
    config.calendar,
    files.flatMap((f) => f.holidays.map((h) => ({ ...h, status: 'official' as const }))),
    { officialYears: new Set(files.map((f) => f.year)), ...(provisional ? { provisional } : {}) },
  );
  return { config, directory: new Directory(config), calendar };
};
