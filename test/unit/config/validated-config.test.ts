import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_ROOT, loadAgency, parseAgencySources, writeValidatedConfig } from '../../../config/load.js';
import { readValidated, type ValidatedConfig } from '../../../config/validated.js';

const NECS = join(CONFIG_ROOT, 'necs');
const HOLIDAYS = join(CONFIG_ROOT, 'holidays');
let dir: string;
let validated: string;
const none = () => join(dir, 'no-such-file.json');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-validated-'));
  validated = join(dir, 'agency.validated.json');
  writeValidatedConfig(NECS, HOLIDAYS, validated);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An agency directory with the sample's agency.json, changed by `edit`. */
const agencyDir = (name: string, edit: (raw: Record<string, Record<string, unknown>>) => void): string => {
  const out = join(dir, name);
  cpSync(NECS, out, { recursive: true });
  const raw = JSON.parse(readFileSync(join(out, 'agency.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  edit(raw);
  writeFileSync(join(out, 'agency.json'), JSON.stringify(raw));
  return out;
};

describe('the agency configuration validated at build time (config/validated.ts)', () => {
  it('holds exactly what validating the sources gives', () => {
    expect(readValidated(validated, NECS, HOLIDAYS)).toStrictEqual(parseAgencySources(NECS, HOLIDAYS));
    const fast = loadAgency(NECS, validated);
    const slow = loadAgency(NECS, none());
    expect(fast.config).toStrictEqual(slow.config);
    expect(fast.directory.everyone()).toStrictEqual(slow.directory.everyone());
    for (const year of [2025, 2026, 2027, 2031]) {
      expect({
        year,
        holidays: fast.calendar.holidaysOf(year),
        provisional: fast.calendar.isProvisionalYear(year),
      }).toStrictEqual({
        year,
        holidays: slow.calendar.holidaysOf(year),
        provisional: slow.calendar.isProvisionalYear(year),
      });
    }
  });

  it('is what a start reads, without validating again, while it belongs to the sources', () => {
    // Prepare: the file as built, its content changed (a time zone the validation would refuse) but not its digest.
    const built = JSON.parse(readFileSync(validated, 'utf8')) as ValidatedConfig;
    const doctored = join(dir, 'doctored.json');
    writeFileSync(
      doctored,
      JSON.stringify({
        ...built,
        config: { ...built.config, agency: { ...built.config.agency, name: 'From the build' } },
      }),
    );
    // Act, Assess
    expect(loadAgency(NECS, doctored).config.agency.name).toBe('From the build');
  });

  it('is ignored when the sources are not the ones it was made from: they are validated as before', () => {
    const renamed = agencyDir('renamed', (raw) => (raw.agency!.name = 'Another agency'));
    expect(loadAgency(renamed, validated).config.agency.name).toBe('Another agency');
    const broken = agencyDir('broken', (raw) => (raw.calendar!.timeZone = 'Mars/Olympus_Mons'));
    expect(() => loadAgency(broken, validated)).toThrow('calendar.timeZone: not an IANA time zone');
    writeFileSync(join(dir, 'garbled.json'), '{"digest":');
    expect(loadAgency(NECS, join(dir, 'garbled.json')).config).toStrictEqual(loadAgency(NECS, none()).config);
  });

  it('fails the build on a broken configuration with the message a start would give', () => {
    const broken = agencyDir('broken-build', (raw) => {
      raw.calendar!.timeZone = 'Mars/Olympus_Mons';
      raw.sla!.responseWorkingDays = 0;
    });
    const atStart = (() => {
      try {
        loadAgency(broken, none());
      } catch (err) {
        return (err as Error).message;
      }
      return 'loaded';
    })();
    expect(atStart).toContain('not an IANA time zone');
    expect(() => writeValidatedConfig(broken, HOLIDAYS, join(dir, 'never.json'))).toThrow(atStart);
  });
});
