import { describe, expect, it } from '@jest/globals';
import { Directory, type Leave, type PersonView } from '../../../domain/agency/directory.js';
import { necs } from '../../support/agency.js';

/**
 * Who receives what is meant for someone on leave (breach alerts, consultations), and whose work a
 * signed-in person does: the directory as it stood at one instant, with some people away. Leave is
 * granted only to an active delegate who is not away, but a delegate may be deactivated or go on leave
 * themself afterwards: the chain must still end with someone.
 */

const away = (delegateTo: string): Leave => ({
  from: '2026-11-23T00:00:00+06:00',
  to: '2026-12-07T00:00:00+06:00',
  delegateTo,
});

/** The NECS directory at an instant where these people are away (with their delegate) and these have left. */
const directoryWith = (leave: Record<string, string>, deactivated: readonly string[] = []): Directory =>
  new Directory(necs.config, {
    divisions: necs.config.divisions,
    people: necs.config.users.map((u): PersonView => ({
      ...u,
      active: !deactivated.includes(u.id),
      ...(leave[u.id] ? { leave: away(leave[u.id] as string) } : {}),
    })),
  });

describe('a stand-in while someone is on leave', () => {
  it('receives what is meant for the colleague away, and does their work; nobody else does', () => {
    // Prepare
    const directory = directoryWith({ 'legal.chief': 'ppd.chief' });
    // Act / Assess
    expect(directory.standIn('legal.chief')).toBe('ppd.chief');
    expect(directory.actorFor('ppd.chief')).toStrictEqual({
      kind: 'user',
      userId: 'ppd.chief',
      roles: ['division_chief'],
      division: 'ppd',
      actingFor: [{ userId: 'legal.chief', roles: ['division_chief'], division: 'legal' }],
    });
    expect(directory.actorFor('legal.officer')).toStrictEqual({
      kind: 'user',
      userId: 'legal.officer',
      roles: ['division_officer'],
      division: 'legal',
    });
  });

  it('is the person themself when their delegate has since been deactivated: nothing goes to someone who left', () => {
    // Prepare
    const directory = directoryWith({ 'legal.chief': 'legal.officer' }, ['legal.officer']);
    // Act / Assess
    expect(directory.standIn('legal.chief')).toBe('legal.chief');
    expect(directory.actorFor('legal.chief')).toStrictEqual({
      kind: 'user',
      userId: 'legal.chief',
      roles: ['division_chief'],
      division: 'legal',
    });
  });

  it('passes on to the delegate’s own delegate when the delegate is away too', () => {
    // Prepare
    const directory = directoryWith({ 'legal.chief': 'ppd.chief', 'ppd.chief': 'ict.head' });
    // Act / Assess
    expect(directory.standIn('legal.chief')).toBe('ict.head');
    expect(directory.actorFor('ict.head')).toMatchObject({
      actingFor: [
        { userId: 'legal.chief', roles: ['division_chief'], division: 'legal' },
        { userId: 'ppd.chief', roles: ['division_chief'], division: 'ppd' },
      ],
    });
  });

  it('stops at the delegate when the delegate’s own delegate has since left the agency', () => {
    // Prepare
    const directory = directoryWith({ 'legal.chief': 'ppd.chief', 'ppd.chief': 'ppd.officer' }, ['ppd.officer']);
    // Act / Assess
    expect(directory.standIn('legal.chief')).toBe('ppd.chief');
    expect(directory.standIn('ppd.chief')).toBe('ppd.chief');
  });

  it('ends a loop of two colleagues away who named each other with the other one', () => {
    // Prepare
    const directory = directoryWith({ 'legal.chief': 'ppd.chief', 'ppd.chief': 'legal.chief' });
    // Act / Assess
    expect(directory.standIn('legal.chief')).toBe('ppd.chief');
    expect(directory.standIn('ppd.chief')).toBe('legal.chief');
  });
});
