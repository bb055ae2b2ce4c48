import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareLists, readOfficialList } from '../../../console/src/pages/calendar/official-list.js';

// The Calendar page reads an official holiday list before sending it; these are the checks an admin relies on.

describe('reading an official holiday list', () => {
  it('takes the repository’s own holiday file as it is, with its source', async () => {
    // Prepare
    const text = readFileSync(join(process.cwd(), 'config', 'holidays', 'bt-2026.json'), 'utf8');
    // Act
    const list = await readOfficialList(text, 2026);
    // Assess
    expect(list.problems).toEqual([]);
    expect(list.holidays.length).toBeGreaterThan(15);
    expect(list.source).toMatch(/Ministry of Home Affairs/);
  });

  it('refuses a file that is the list of another year', async () => {
    const text = readFileSync(join(process.cwd(), 'config', 'holidays', 'bt-2026.json'), 'utf8');
    const list = await readOfficialList(text, 2027);
    expect(list.problems).toEqual(['This file is the list for 2026, not 2027.']);
  });

  it('reads CSV rows with a header, quoted names and a region column', async () => {
    const list = await readOfficialList(
      'date,name,region\n2027-01-02,"Nyilo, Winter Solstice",\n2027-10-15,Thimphu Tshechu,thimphu\n',
      2027,
    );
    expect(list.problems).toEqual([]);
    expect(list.holidays).toEqual([
      { date: '2027-01-02', name: 'Nyilo, Winter Solstice' },
      { date: '2027-10-15', name: 'Thimphu Tshechu', region: 'thimphu' },
    ]);
  });

  it('names each row that cannot be sent, and why', async () => {
    const list = await readOfficialList(
      '2027-02-30,Losar\n2028-01-01,Next year\n2027-03-01,,\n2027-10-15,Tshechu,Thimphu',
      2027,
    );
    expect(list.problems).toEqual([
      'Row 1: "2027-02-30" is not a date (YYYY-MM-DD)',
      'Row 2: 2028-01-01 is not in 2027',
      'Row 3: a name of 1–200 characters is needed',
      'Row 4: region "Thimphu" — region ids are lowercase, e.g. "thimphu"',
    ]);
  });
});

describe('comparing a new official list with the current one', () => {
  const current = [
    { date: '2026-11-01', name: 'Coronation of His Majesty the King' },
    { date: '2026-11-01', name: 'Descending Day of Lord Buddha' },
    { date: '2026-09-23', name: 'Blessed Rainy Day' },
    { date: '2026-12-17', name: 'National Day' },
    { date: '2026-05-01', name: 'Old name' },
  ];

  it('keeps two holidays on one day apart, and names what is added, removed, moved and renamed', () => {
    // Act
    const changes = compareLists(current, [
      { date: '2026-11-01', name: 'Coronation of His Majesty the King' },
      { date: '2026-11-01', name: 'Descending Day of Lord Buddha' },
      { date: '2026-09-22', name: 'Blessed Rainy Day' },
      { date: '2026-05-01', name: 'New name' },
      { date: '2026-12-01', name: 'Day of the Official List' },
    ]);
    // Assess
    expect(changes).toEqual([
      { kind: 'renamed', name: 'New name', date: '2026-05-01', previousName: 'Old name' },
      { kind: 'moved', name: 'Blessed Rainy Day', date: '2026-09-22', previousDate: '2026-09-23' },
      { kind: 'added', name: 'Day of the Official List', date: '2026-12-01' },
      { kind: 'removed', name: 'National Day', date: '2026-12-17' },
    ]);
  });

  it('finds nothing to change in the same list', () => {
    expect(compareLists(current, [...current].reverse())).toEqual([]);
  });
});
