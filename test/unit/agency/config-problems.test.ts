import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_ROOT } from '../../../config/load.js';
import { parseAgencyConfig } from '../../../domain/agency/config.js';

/**
 * What an operator reads when `agency.json` is wrong: the failed start prints the error, one line per
 * problem with where it is. Each spec breaks the NECS sample in one way and reads the whole text.
 *
 * The schemas are built on their first parse, once per test file: the first spec below is the one that
 * builds them, so it checks every rule written into the schemas themselves (clock times, the time zone).
 */

type RawUser = { id: string; roles: string[]; division?: string; name?: string; email?: string };
type RawConfig = {
  agency: Record<string, unknown>;
  calendar: Record<string, unknown> & { officeHours: { opens: string; closes: string } };
  divisions: { id: string; name: string }[];
  users: RawUser[];
  [key: string]: unknown;
};
const sample = (): RawConfig => JSON.parse(readFileSync(join(CONFIG_ROOT, 'necs', 'agency.json'), 'utf8'));
const withChange = (change: (c: RawConfig) => void): RawConfig => {
  const config = sample();
  change(config);
  return config;
};
const userNamed = (c: RawConfig, id: string): RawUser => {
  const found = c.users.find((u) => u.id === id);
  if (!found) throw new Error(`no ${id} in the sample`);
  return found;
};

/** What a failed start prints (the error as text), or `accepted`. */
const startWith = (raw: unknown, origin?: string): string => {
  try {
    parseAgencyConfig(raw, origin);
    return 'accepted';
  } catch (error) {
    return String(error);
  }
};

describe('the office clock and time zone in agency.json', () => {
  it('accepts only 24-hour HH:mm times and real IANA time zones, naming the setting and what it expects', () => {
    const problems = (change: (c: RawConfig) => void) => startWith(withChange(change), 'agency.json');
    const invalid = (line: string) => `AgencyConfigError: agency.json is invalid:\n  - ${line}`;

    expect(
      problems((c) => {
        c.calendar.officeHours.closes = '24:00';
      }),
    ).toBe(invalid('calendar.officeHours.closes: expected HH:mm (24-hour)'));
    expect(
      problems((c) => {
        c.calendar.officeHours.opens = '109:00';
      }),
    ).toBe(invalid('calendar.officeHours.opens: expected HH:mm (24-hour)'));
    expect(
      problems((c) => {
        c.calendar.officeHours.closes = '17:000';
      }),
    ).toBe(invalid('calendar.officeHours.closes: expected HH:mm (24-hour)'));
    expect(
      problems((c) => {
        c.calendar.timeZone = 'Asia/Atlantis';
      }),
    ).toBe(invalid('calendar.timeZone: not an IANA time zone'));
    expect(
      problems((c) => {
        c.calendar.officeHours = { opens: '00:00', closes: '23:59' };
      }),
    ).toBe('accepted');
    expect(
      problems((c) => {
        c.calendar.officeHours = { opens: '19:30', closes: '23:30' };
      }),
    ).toBe('accepted');
  });
});

describe('a configuration that breaks a rule across settings', () => {
  const problems = (change: (c: RawConfig) => void) => startWith(withChange(change), 'agency.json');
  const invalid = (...lines: string[]) =>
    `AgencyConfigError: agency.json is invalid:\n${lines.map((l) => `  - ${l}`).join('\n')}`;

  it('refuses an office that opens when it closes', () => {
    expect(
      problems((c) => {
        c.calendar.officeHours = { opens: '09:00', closes: '09:00' };
      }),
    ).toBe(invalid('calendar.officeHours: office opens (09:00) after it closes (09:00)'));
  });

  it('refuses office hours backwards, at the office hours', () => {
    expect(
      problems((c) => {
        c.calendar.officeHours = { opens: '17:00', closes: '09:00' };
      }),
    ).toBe(invalid('calendar.officeHours: office opens (17:00) after it closes (09:00)'));
  });

  it('refuses a region that is not one of the country’s, at the region', () => {
    expect(
      problems((c) => {
        c.calendar.region = 'kathmandu';
      }),
    ).toMatch(/^AgencyConfigError: agency\.json is invalid:\n {2}- calendar\.region: unknown region "kathmandu"/);
  });

  it('refuses two people with the same user id, at the second', () => {
    expect(
      problems((c) => {
        c.users.push({ ...userNamed(c, 'legal.officer'), name: 'Another Legal Officer' });
      }),
    ).toBe(invalid('users.11.id: duplicate user id legal.officer'));
  });

  it('refuses a division officer without a division', () => {
    expect(
      problems((c) => {
        delete userNamed(c, 'ppd.officer').division;
      }),
    ).toBe(invalid('users.4.division: ppd.officer has a division role but no division'));
  });

  it('refuses a chief who is also admin without a division: one division role is enough to need one', () => {
    expect(
      problems((c) => {
        delete userNamed(c, 'ict.head').division;
      }),
    ).toBe(
      invalid(
        'users.1.division: ict.head has a division role but no division',
        'divisions: division ict has no division_chief to receive breach alerts',
      ),
    );
  });

  it('accepts people without a division when none of their roles is a division’s', () => {
    expect(
      problems((c) => {
        delete userNamed(c, 'ict.officer').division;
        delete userNamed(c, 'spokesperson.legal').division;
      }),
    ).toBe('accepted');
  });

  it('refuses someone in a division that does not exist, at their division', () => {
    expect(
      problems((c) => {
        userNamed(c, 'legal.officer').division = 'finance';
      }),
    ).toBe(invalid('users.2.division: legal.officer is in unknown division finance'));
  });

  it('refuses a division without a chief: its breach alerts would reach no one', () => {
    expect(
      problems((c) => {
        c.users = c.users.filter((u) => u.id !== 'ppd.chief');
      }),
    ).toBe(invalid('divisions: division ppd has no division_chief to receive breach alerts'));
  });

  it('refuses an agency without an ict division: its chief receives the alerts for unassigned requests', () => {
    expect(
      problems((c) => {
        c.divisions = c.divisions.map((d) => (d.id === 'ict' ? { ...d, id: 'it' } : d));
        c.users = c.users.map((u) => (u.division === 'ict' ? { ...u, division: 'it' } : u));
      }),
    ).toBe(invalid('divisions: an ict division is required: its chief receives alerts for unassigned requests'));
  });

  it('refuses an agency without a spokesperson: no response could be sent', () => {
    expect(
      problems((c) => {
        c.users = c.users.map((u) => (u.roles.includes('spokesperson') ? { ...u, roles: ['division_officer'] } : u));
      }),
    ).toBe(invalid('users: at least one spokesperson is required: no response can be sent without one'));
  });

  it('names a setting the configuration does not know as a problem at the top level', () => {
    expect(
      problems((c) => {
        c.colour = 'green';
      }),
    ).toBe(invalid('(top level): Unrecognized key: "colour"'));
  });

  it('calls the file “agency config” when the caller does not name it', () => {
    expect(startWith(withChange((c) => (c.calendar.timeZone = 'Nowhere')))).toBe(
      'AgencyConfigError: agency config is invalid:\n  - calendar.timeZone: not an IANA time zone',
    );
  });
});
