import { expect } from '@jest/globals';
import type { Actor } from '../../domain/agency/actor.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { DomainError, type DomainErrorCode } from '../../domain/shared/errors.js';
import type { Decider } from '../../domain/shared/decider.js';
import type { SocialAccountCommand, SocialIncidentCommand } from '../../domain/social/commands.js';
import { createSocialAccountDecider } from '../../domain/social/decider.js';
import { socialIncidentDecider } from '../../domain/social/incident.js';
import type { SocialAccountEvent, SocialIncidentEvent } from '../../events/social-events.js';
import { as, necs, plainCalendar } from './agency.js';

export const ACCOUNT = 'SMA-2026-00001';
export const INCIDENT = 'INC-2026-00001';

type Data<C extends { type: string; data: unknown }, T extends C['type']> = Extract<C, { type: T }>['data'];

/** A command on an account, by a NECS person, at an instant. */
export const onAccount = <T extends SocialAccountCommand['type']>(
  type: T,
  data: Data<SocialAccountCommand, T>,
  actor: Actor | string,
  now: string,
): SocialAccountCommand =>
  ({ type, data, metadata: { now, actor: typeof actor === 'string' ? as(actor) : actor } }) as SocialAccountCommand;

export const onIncident = <T extends SocialIncidentCommand['type']>(
  type: T,
  data: Data<SocialIncidentCommand, T>,
  actor: Actor | string,
  now: string,
): SocialIncidentCommand =>
  ({ type, data, metadata: { now, actor: typeof actor === 'string' ? as(actor) : actor } }) as SocialIncidentCommand;

export const accountDecider = (calendar: WorkingCalendar = plainCalendar()) =>
  createSocialAccountDecider({ calendar, directory: necs.directory });

/** Runs commands one after another on a decider; a refusal fails the test. */
const play = <C, E, S>(decider: Decider<C, E, S>, commands: readonly C[]): E[] => {
  const events: E[] = [];
  let state = decider.initialState();
  for (const c of commands) {
    const result = decider.decide(c, state);
    if (result instanceof DomainError) throw new Error(`refused in setup: ${result.code} ${result.message}`);
    events.push(...result);
    state = result.reduce(decider.evolve, state);
  }
  return events;
};

/** Given these events, when this command, then these events (or this refusal, or nothing). */
const given =
  <C, E, S>(decider: Decider<C, E, S>) =>
  (history: readonly E[]) => ({
    when: (c: C) => {
      const result = decider.decide(c, history.reduce(decider.evolve, decider.initialState()));
      return {
        result,
        then: (expected: readonly unknown[]) => {
          if (result instanceof DomainError) throw new Error(`expected events, got ${result.code}: ${result.message}`);
          expect(result).toEqual(expected);
        },
        thenNothingHappens: () => expect(result).toEqual([]),
        thenRefused: (code: DomainErrorCode, message?: RegExp) => {
          expect(result).toBeInstanceOf(DomainError);
          expect((result as DomainError).code).toBe(code);
          if (message) expect((result as DomainError).message).toMatch(message);
        },
      };
    },
  });

export const playAccount = (commands: readonly SocialAccountCommand[], calendar?: WorkingCalendar) =>
  play(accountDecider(calendar), commands);
export const givenAccount = (history: readonly SocialAccountEvent[], calendar?: WorkingCalendar) =>
  given(accountDecider(calendar))(history);
export const playIncident = (commands: readonly SocialIncidentCommand[]) => play(socialIncidentDecider, commands);
export const givenIncident = (history: readonly SocialIncidentEvent[]) => given(socialIncidentDecider)(history);

export const PLAN = {
  goals: 'Tell the public about air quality alerts and environmental clearances',
  audience: 'Citizens of Bhutan, the media, project proponents',
  risks: 'Impersonation; abusive comments; sharing personal data',
  resources: 'The Communication Officer, two hours a day',
  measures: 'Followers per month; questions answered within five working days',
  governance: 'The Social Media Lead approves; the Secretary reviews the monthly report',
};

// The story of one account in business words. Monday 23 November 2026 is a working day.
export const legalProposesFacebookPage = (now = '2026-11-23T10:00:00+06:00') =>
  onAccount(
    'ProposeAccount',
    {
      accountId: ACCOUNT,
      platform: 'facebook',
      handle: 'NECSBhutan',
      url: 'https://www.facebook.com/NECSBhutan',
      purpose: 'Public information on the environment',
      plan: PLAN,
    },
    'legal.officer',
    now,
  );
export const leadAssesses = (now = '2026-11-23T11:00:00+06:00', by = 'comms.officer') =>
  onAccount(
    'RecordAssessment',
    {
      termsReviewed: true,
      privacyRisks: 'Meta processes messages outside Bhutan',
      mitigations: 'No personal data in posts; answers by private message',
    },
    by,
    now,
  );
export const leadApproves = (now = '2026-11-23T12:00:00+06:00', by = 'comms.officer') =>
  onAccount('ApproveAccount', {}, by, now);
export const leadActivates = (now = '2026-11-24T09:30:00+06:00') =>
  onAccount('ActivateAccount', {}, 'comms.officer', now);
export const anActiveAccount = () =>
  playAccount([legalProposesFacebookPage(), leadAssesses(), leadApproves(), leadActivates()]);
