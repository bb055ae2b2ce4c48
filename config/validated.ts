import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyConfig } from '../domain/agency/config.js';
import type { HolidayFile } from '../domain/agency/holidays.js';

/**
 * The agency configuration as the build validated it, written beside a function's code
 * (infra/bundle.ts): a cold start reads it instead of validating agency.json and the holiday files again
 * (zod, the time-zone check), but only while it belongs to the files it was made from.
 */
export const VALIDATED_FILE = 'agency.validated.json';

export interface ValidatedConfig {
  /** {@link sourceDigest} of the files the configuration was validated from. */
  readonly digest: string;
  readonly config: AgencyConfig;
  /** The holiday files of the agency's country, as `loadHolidayFiles` returns them. */
  readonly holidayFiles: readonly HolidayFile[];
}

/** SHA-256 over what `loadAgency` reads: `<agencyDir>/agency.json` and every holiday file, by name and bytes. */
export const sourceDigest = (agencyDir: string, holidaysDir: string): string => {
  const hash = createHash('sha256');
  const add = (name: string, path: string) => {
    const bytes = readFileSync(path);
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  };
  add('agency.json', join(agencyDir, 'agency.json'));
  for (const f of readdirSync(holidaysDir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    add(`holidays/${f}`, join(holidaysDir, f));
  return hash.digest('hex');
};

/**
 * The validated configuration in `file` when it was made from exactly these sources; undefined when there
 * is none, it cannot be read, or the sources differ (another AGENCY_CONFIG_DIR, an edited file): those
 * are validated as usual. A missing or unreadable source is also left to the usual path and its errors.
 */
export const readValidated = (
  file: string,
  agencyDir: string,
  holidaysDir: string,
): Pick<ValidatedConfig, 'config' | 'holidayFiles'> | undefined => {
  if (!existsSync(file)) return undefined;
  try {
    const validated = JSON.parse(readFileSync(file, 'utf8')) as ValidatedConfig;
    return validated.digest === sourceDigest(agencyDir, holidaysDir)
      ? { config: validated.config, holidayFiles: validated.holidayFiles }
      : undefined;
  } catch {
    return undefined;
  }
};
