import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_ROOT } from '../../../config/load.js';
import { AgencyConfigError, parseAgencyConfig } from '../../../domain/agency/config.js';
import { HolidayFile } from '../../../domain/agency/holidays.js';
import { necs } from '../../support/agency.js';

/** The sample config as raw JSON, to break on purpose. */
type RawConfig = {
  agency: Record<string, unknown>;
  calendar: Record<string, unknown>;
  users: Record<string, unknown>[];
};
const sample = (): RawConfig => JSON.parse(readFileSync(join(CONFIG_ROOT, 'necs', 'agency.json'), 'utf8'));
const user = (c: RawConfig, i: number): Record<string, unknown> => c.users[i] as Record<string, unknown>;

describe('the NECS sample configuration', () => {
  it('has the contract’s users, roles and divisions', () => {
    const roles = Object.fromEntries(necs.config.users.map((u) => [u.id, [u.roles.join('+'), u.division ?? '—']]));
    expect(roles).toEqual({
      'ict.officer': ['intake_officer', 'ict'],
      'ict.head': ['division_chief+admin', 'ict'],
      'legal.officer': ['division_officer', 'legal'],
      'legal.chief': ['division_chief', 'legal'],
      'ppd.officer': ['division_officer', 'ppd'],
      'ppd.chief': ['division_chief', 'ppd'],
      'spokesperson.legal': ['spokesperson', 'legal'],
      'spokesperson.ppd': ['spokesperson', 'ppd'],
      secretary: ['head_of_agency', '—'],
      auditor: ['auditor', '—'],
      'comms.officer': ['social_media_lead', 'ict'],
    });
    expect(necs.config.agency).toMatchObject({
      domain: 'necs.example',
      referencePrefix: 'NECS',
      intakeAddress: 'requests@necs.example',
      archiveAddress: 'archive@necs.example',
    });
    expect(necs.config.calendar.timeZone).toBe('Asia/Thimphu');
    expect(necs.config.users.every((u) => u.email === `${u.id}@necs.example`)).toBe(true);
  });

  it('loads Bhutan’s official holidays for 2025–2026, each file naming its source, and computes 2027’s', () => {
    for (const year of [2025, 2026]) {
      const file = HolidayFile.parse(
        JSON.parse(readFileSync(join(CONFIG_ROOT, 'holidays', `bt-${year}.json`), 'utf8')),
      );
      expect(file.source).toMatch(/Ministry of Home Affairs/);
      expect(necs.calendar.holidayOn(`${year}-12-17`)).toEqual({
        date: `${year}-12-17`,
        name: 'National Day',
        status: 'official',
      });
    }
    expect(necs.calendar.holidayOn('2027-12-17')).toEqual({
      date: '2027-12-17',
      name: 'National Day',
      status: 'provisional',
    });
    expect(necs.calendar.holidayOn('2027-01-08')).toMatchObject({
      name: 'Traditional Day of Offering',
      status: 'provisional',
    });
  });
});

describe('a bad configuration', () => {
  it.each([
    [
      'a time zone that does not exist',
      (c: RawConfig) => {
        c.calendar.timeZone = 'Asia/Atlantis';
      },
      /calendar\.timeZone: not an IANA time zone/,
    ],
    [
      'office hours backwards',
      (c: RawConfig) => {
        c.calendar.officeHours = { opens: '17:00', closes: '09:00' };
      },
      /opens \(17:00\) after it closes/,
    ],
    [
      'a user in a division that does not exist',
      (c: RawConfig) => {
        user(c, 2).division = 'finance';
      },
      /legal.officer is in unknown division finance/,
    ],
    [
      'a chief without a division',
      (c: RawConfig) => {
        delete user(c, 3).division;
      },
      /legal.chief has a division role but no division/,
    ],
    [
      'a division without a chief',
      (c: RawConfig) => {
        c.users = c.users.filter((u) => u.id !== 'ppd.chief');
      },
      /division ppd has no division_chief/,
    ],
    [
      'an unknown role',
      (c: RawConfig) => {
        user(c, 0).roles = ['janitor'];
      },
      /users\.0\.roles\.0: Invalid option/,
    ],
    [
      'a lowercase reference prefix',
      (c: RawConfig) => {
        c.agency.referencePrefix = 'necs';
      },
      /referencePrefix/,
    ],
    [
      'a region spelt with a capital (Thimphu’s tshechu would silently not apply)',
      (c: RawConfig) => {
        c.calendar.region = 'Thimphu';
      },
      /calendar\.region: unknown region "Thimphu": region ids are lowercase, write "thimphu"/,
    ],
    [
      'a region that is not one of Bhutan’s 20 dzongkhags',
      (c: RawConfig) => {
        c.calendar.region = 'kathmandu';
      },
      /unknown region "kathmandu": expected one of BT's 20 regions \(bumthang, chhukha/,
    ],
  ])('%s is refused with a message that says where', (_why, breakIt, message) => {
    // Prepare
    const config = sample();
    breakIt(config);
    // Act / Assess
    expect(() => parseAgencyConfig(config, 'agency.json')).toThrow(AgencyConfigError);
    expect(() => parseAgencyConfig(config, 'agency.json')).toThrow(message);
  });

  it('lists every problem at once', () => {
    const config = sample();
    config.calendar.timeZone = 'Nowhere';
    config.agency.intakeAddress = 'not-an-address';
    expect(() => parseAgencyConfig(config)).toThrow(/timeZone[\s\S]*intakeAddress|intakeAddress[\s\S]*timeZone/);
  });
});
