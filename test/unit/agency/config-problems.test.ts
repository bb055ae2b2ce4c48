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
 * builds them, so it checks every form written into the schemas themselves (ids, the reference prefix, the
 * review date, clock times, the time zone). The specs after it check the rules across settings.
 */

type RawUser = { id: string; roles: string[]; division?: string; name?: string; email?: string };
type RawConfig = {
  agency: Record<string, unknown>;
  calendar: Record<string, unknown> & { officeHours: { opens: string; closes: string } };
  divisions: { id: string; name: string }[];
  users: RawUser[];
  website?: { reviewDate: string };
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

/** A change to the sample, and what a start with it prints: the problems it makes, or `accepted`. */
type Case = readonly [
  setting: string,
  change: (c: RawConfig) => void,
  problems: 'accepted' | string | readonly string[],
];

const SETTINGS_AS_WRITTEN: readonly Case[] = [
  // The office clock: 24-hour HH:mm, nothing before or after it.
  [
    'closes at 24:00',
    (c) => (c.calendar.officeHours.closes = '24:00'),
    'calendar.officeHours.closes: expected HH:mm (24-hour)',
  ],
  [
    'opens at 109:00',
    (c) => (c.calendar.officeHours.opens = '109:00'),
    'calendar.officeHours.opens: expected HH:mm (24-hour)',
  ],
  [
    'closes at 17:000',
    (c) => (c.calendar.officeHours.closes = '17:000'),
    'calendar.officeHours.closes: expected HH:mm (24-hour)',
  ],
  ['open round the clock', (c) => (c.calendar.officeHours = { opens: '00:00', closes: '23:59' }), 'accepted'],
  ['an evening office', (c) => (c.calendar.officeHours = { opens: '19:30', closes: '23:30' }), 'accepted'],
  // The time zone.
  [
    'a time zone that does not exist',
    (c) => (c.calendar.timeZone = 'Asia/Atlantis'),
    'calendar.timeZone: not an IANA time zone',
  ],
  // The agency's own id and reference prefix (every reference starts with it: NECS-2026-00001).
  [
    'an agency id with a capital',
    (c) => (c.agency.id = 'Necs'),
    'agency.id: Invalid string: must match pattern /^[a-z][a-z0-9-]{0,31}$/',
  ],
  [
    'an agency id with a space',
    (c) => (c.agency.id = 'necs bt'),
    'agency.id: Invalid string: must match pattern /^[a-z][a-z0-9-]{0,31}$/',
  ],
  [
    'a prefix after a lowercase letter',
    (c) => (c.agency.referencePrefix = 'xNECS'),
    'agency.referencePrefix: uppercase letters and digits, 2–10 long',
  ],
  [
    'a prefix with a dash',
    (c) => (c.agency.referencePrefix = 'NECS-'),
    'agency.referencePrefix: uppercase letters and digits, 2–10 long',
  ],
  // The website review committee's day, MM-DD.
  ['a review on 31 December', (c) => (c.website = { reviewDate: '12-31' }), 'accepted'],
  ['a review on 15 July', (c) => (c.website = { reviewDate: '07-15' }), 'accepted'],
  ['a review month of three digits', (c) => (c.website = { reviewDate: '107-01' }), 'website.reviewDate: MM-DD'],
  ['a review day of three digits', (c) => (c.website = { reviewDate: '07-011' }), 'website.reviewDate: MM-DD'],
  // Division and user ids, as they appear in assignments, events and sign-in.
  [
    'a division id with a capital',
    (c) => c.divisions.push({ id: 'Climate', name: 'Climate Change Division' }),
    ['divisions.3.id: lowercase id', 'divisions: division Climate has no division_chief to receive breach alerts'],
  ],
  [
    'a division id with a space',
    (c) => c.divisions.push({ id: 'climate change', name: 'Climate Change Division' }),
    [
      'divisions.3.id: lowercase id',
      'divisions: division climate change has no division_chief to receive breach alerts',
    ],
  ],
  [
    'a user id with a capital',
    (c) => (c.users[8] = { ...(c.users[8] as RawUser), id: 'Secretary' }),
    'users.8.id: lowercase user id',
  ],
  [
    'a user id with a space',
    (c) => (c.users[8] = { ...(c.users[8] as RawUser), id: 'the secretary' }),
    'users.8.id: lowercase user id',
  ],
];

describe('settings as agency.json writes them', () => {
  // One spec, not one per setting: the schemas are built by the first parse in this file, and only the
  // spec that builds them can tell a schema written wrong.
  it('accepts only what each setting’s form allows, naming the setting and the form it expects', () => {
    const started = SETTINGS_AS_WRITTEN.map(([setting, change]) => [
      setting,
      startWith(withChange(change), 'agency.json'),
    ]);
    expect(Object.fromEntries(started)).toStrictEqual(
      Object.fromEntries(
        SETTINGS_AS_WRITTEN.map(([setting, , problems]) => [
          setting,
          problems === 'accepted'
            ? problems
            : `AgencyConfigError: agency.json is invalid:\n${[problems]
                .flat()
                .map((p) => `  - ${p}`)
                .join('\n')}`,
        ]),
      ),
    );
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
