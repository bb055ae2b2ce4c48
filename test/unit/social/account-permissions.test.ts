import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { foldSocialAccount, type SocialAccount } from '../../../domain/social/account-state.js';
import { socialAccountAllowedActions } from '../../../domain/social/allowed-actions.js';
import { authorizeSocial, authorizeSocialRead } from '../../../domain/social/policy.js';
import { as, system } from '../../support/agency.js';
import {
  anActiveAccount,
  leadApproves,
  leadAssesses,
  legalProposesFacebookPage,
  playAccount,
} from '../../support/social-spec.js';

// Who may act on an official account and read the register (clause 9), and what the console offers them.
const standing = (history: Parameters<typeof foldSocialAccount>[0]) => foldSocialAccount(history) as SocialAccount;

/** The legal officer standing in for the Social Media Lead while the Lead is on leave. */
const delegateOfLead: Actor = {
  ...(as('legal.officer') as Extract<Actor, { kind: 'user' }>),
  actingFor: [
    { userId: 'ppd.officer', roles: ['division_officer'] },
    { userId: 'comms.officer', roles: ['social_media_lead'] },
  ],
};

describe('who may act on an account', () => {
  it('the system does nothing a person must do, and the refusal says so', () => {
    const refused = authorizeSocial(system('nightly'), 'ApproveAccount', 'lead');
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('FORBIDDEN');
    expect((refused as DomainError).message).toBe('ApproveAccount must be done by a person, not by the system');
    expect((refused as DomainError).details).toStrictEqual({ command: 'ApproveAccount' });
  });

  it('a delegate standing in for the Lead acts as the Lead, recorded as acting for them', () => {
    expect(authorizeSocial(delegateOfLead, 'ApproveAccount', 'lead')).toStrictEqual({
      kind: 'user',
      userId: 'legal.officer',
      role: 'social_media_lead',
      actingFor: 'comms.officer',
    });
  });

  it('standing in for someone other than the Lead gives no Lead rights', () => {
    const forOfficer: Actor = {
      ...(as('legal.officer') as Extract<Actor, { kind: 'user' }>),
      actingFor: [{ userId: 'ppd.officer', roles: ['division_officer'] }],
    };
    expect(authorizeSocial(forOfficer, 'ApproveAccount', 'lead')).toBeInstanceOf(DomainError);
  });
});

describe('who may read the register, the trail and the incidents', () => {
  it('staff, auditors and the system read', () => {
    expect(authorizeSocialRead(as('legal.officer'))).toBeUndefined();
    expect(authorizeSocialRead(as('auditor'))).toBeUndefined();
    expect(authorizeSocialRead(system('reports'))).toBeUndefined();
  });

  it('someone with no staff or auditor role is refused, told who may read', () => {
    const outsider: Actor = { kind: 'user', userId: 'visitor', roles: [] };
    const refused = authorizeSocialRead(outsider);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused?.code).toBe('FORBIDDEN');
    expect(refused?.message).toBe('visitor may not read the social media register');
    expect(refused?.details?.['allowedRoles']).toContain('auditor');
    expect(refused?.details?.['allowedRoles']).toContain('social_media_lead');
  });
});

describe('what the console offers the Lead', () => {
  it('on a proposed account not yet assessed: assess, retire, name recorders; not approve', () => {
    expect(
      socialAccountAllowedActions(as('comms.officer'), standing(playAccount([legalProposesFacebookPage()]))),
    ).toEqual(['assess', 'retire', 'nameRecorders']);
  });

  it('on an assessed proposal: approve as well', () => {
    const assessed = standing(playAccount([legalProposesFacebookPage(), leadAssesses()]));
    expect(socialAccountAllowedActions(as('comms.officer'), assessed)).toEqual([
      'assess',
      'approve',
      'retire',
      'nameRecorders',
    ]);
  });

  it('on an approved account: activate, not approve again', () => {
    const approved = standing(playAccount([legalProposesFacebookPage(), leadAssesses(), leadApproves()]));
    expect(socialAccountAllowedActions(as('comms.officer'), approved)).toEqual([
      'assess',
      'activate',
      'retire',
      'nameRecorders',
    ]);
  });

  it('on a retired account: nothing', () => {
    const retired = { ...standing(anActiveAccount()), status: 'retired' as const };
    expect(socialAccountAllowedActions(as('comms.officer'), retired)).toEqual([]);
  });

  it('a named recorder is offered only recording what the account shared', () => {
    const active = { ...standing(anActiveAccount()), recorders: ['ppd.officer'] };
    expect(socialAccountAllowedActions(as('ppd.officer'), active)).toEqual(['recordPost']);
  });
});
