import { describe, expect, it } from '@jest/globals';
import { NOW, directoryAfter, playDirectory, seeded } from '../../support/directory-spec.js';

describe('the directory as it stood at an instant', () => {
  it('lists people by id, whatever order agency.json and the admins added them in (the people page)', () => {
    const events = playDirectory(seeded(), [
      'AddPerson',
      { personId: 'ap.wangdi', name: 'Ap Wangdi', email: 'ap.wangdi@necs.example', roles: ['auditor'] },
      NOW,
    ]);
    const directory = directoryAfter(events, NOW);
    const ids = [
      'ap.wangdi',
      'auditor',
      'comms.officer',
      'ict.head',
      'ict.officer',
      'legal.chief',
      'legal.officer',
      'ppd.chief',
      'ppd.officer',
      'secretary',
      'spokesperson.legal',
      'spokesperson.ppd',
    ];
    expect(directory.everyone().map((p) => p.id)).toStrictEqual(ids);
    expect(directory.allUsers().map((u) => u.id)).toStrictEqual(ids);
  });

  it('lists divisions by id, a division added later among them (the divisions page)', () => {
    const events = playDirectory(seeded(), [
      'AddDivision',
      { divisionId: 'climate', name: 'Climate Change Division' },
      NOW,
    ]);
    expect(
      directoryAfter(events, NOW)
        .allDivisions()
        .map((d) => d.id),
    ).toStrictEqual(['climate', 'ict', 'legal', 'ppd']);
  });

  describe('a leave recorded ahead', () => {
    const leave = {
      personId: 'spokesperson.ppd',
      from: '2026-11-24T00:00:00+06:00',
      to: '2026-11-28T00:00:00+06:00',
      delegateTo: 'ppd.officer',
    };
    const withLeave = () => playDirectory(seeded(), ['GrantLeave', leave, NOW]);

    it('does not count before it starts: the person still gets their own alerts the evening before', () => {
      const eveningBefore = directoryAfter(withLeave(), '2026-11-23T18:00:00+06:00');
      expect(eveningBefore.standIn('spokesperson.ppd')).toBe('spokesperson.ppd');
      expect(eveningBefore.person('spokesperson.ppd')).not.toHaveProperty('leave');
    });

    it('counts from the instant it starts: the delegate gets the alerts from midnight', () => {
      const midnight = directoryAfter(withLeave(), leave.from);
      expect(midnight.standIn('spokesperson.ppd')).toBe('ppd.officer');
      expect(midnight.person('spokesperson.ppd')?.leave).toStrictEqual({
        from: leave.from,
        to: leave.to,
        delegateTo: 'ppd.officer',
      });
    });
  });

  it('shows a person deactivated later as active, with no deactivation date, before it happened', () => {
    const events = playDirectory(seeded(), [
      'DeactivatePerson',
      { personId: 'ppd.chief', reason: 'transferred to MoENR' },
      NOW,
    ]);
    const weekBefore = directoryAfter(events, '2026-11-16T10:00:00+06:00').person('ppd.chief');
    expect(weekBefore).toMatchObject({ active: true, roles: ['division_chief'] });
    expect(weekBefore).not.toHaveProperty('deactivatedAt');
    expect(directoryAfter(events, NOW).person('ppd.chief')).toMatchObject({ active: false, deactivatedAt: NOW });
  });
});
