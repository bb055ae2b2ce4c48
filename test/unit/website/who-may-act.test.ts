import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { WebsiteCommand } from '../../../domain/website/commands.js';
import { websiteAllowedActions } from '../../../domain/website/allowed-actions.js';
import { authorizeReviewPack, authorizeWebsite } from '../../../domain/website/policy.js';
import { foldWebsite, initialWebsiteState, type WebsiteUpdate } from '../../../domain/website/state.js';
import { as, system } from '../../support/agency.js';
import {
  ictConfirmsComplete,
  ictPublishes,
  ictReturnsIt,
  legalReportsItsWorkshop,
  playWebsite,
} from '../../support/website-spec.js';

/** Legal's workshop update, taken through these steps. */
const legalUpdate = (steps: WebsiteCommand[] = []): WebsiteUpdate =>
  foldWebsite(playWebsite([legalReportsItsWorkshop(), ...steps])) as WebsiteUpdate;

const refusal = (result: unknown): string => {
  expect(result).toBeInstanceOf(DomainError);
  expect((result as DomainError).code).toBe('FORBIDDEN');
  return (result as DomainError).message;
};

describe('who may act on a website update', () => {
  it("records a division's officer under their division role when they submit for their own division", () => {
    expect(authorizeWebsite(as('legal.officer'), initialWebsiteState(), 'SubmitWebsiteUpdate', 'ict')).toStrictEqual({
      kind: 'user',
      userId: 'legal.officer',
      role: 'division_officer',
    });
  });

  it('refuses a new update from someone with no division, saying division staff only', () => {
    expect(refusal(authorizeWebsite(as('secretary'), initialWebsiteState(), 'SubmitWebsiteUpdate', 'ict'))).toBe(
      'secretary may not do SubmitWebsiteUpdate: division staff only',
    );
  });

  it('refuses an officer whose division is not known, even with a division role', () => {
    const noDivision: Actor = { kind: 'user', userId: 'new.officer', roles: ['division_officer'] };
    expect(refusal(authorizeWebsite(noDivision, initialWebsiteState(), 'SubmitWebsiteUpdate', 'ict'))).toBe(
      'new.officer may not do SubmitWebsiteUpdate: division staff only',
    );
  });

  it('refuses a spokesperson of the division, who has no division role', () => {
    expect(
      refusal(authorizeWebsite(as('spokesperson.legal'), initialWebsiteState(), 'SubmitWebsiteUpdate', 'ict')),
    ).toBe('spokesperson.legal may not do SubmitWebsiteUpdate: division staff only');
  });

  it("lets only the update's own division withdraw it, naming that division", () => {
    const update = legalUpdate();
    expect(authorizeWebsite(as('legal.chief'), update, 'WithdrawWebsiteUpdate', 'ict')).toStrictEqual({
      kind: 'user',
      userId: 'legal.chief',
      role: 'division_chief',
    });
    expect(refusal(authorizeWebsite(as('ppd.officer'), update, 'WithdrawWebsiteUpdate', 'ict'))).toBe(
      'ppd.officer may not do WithdrawWebsiteUpdate: only staff of legal',
    );
  });

  it('lets ICT staff confirm an update complete, and no other division', () => {
    const update = legalUpdate();
    expect(authorizeWebsite(as('ict.officer'), update, 'ConfirmComplete', 'ict')).toStrictEqual({
      kind: 'user',
      userId: 'ict.officer',
      role: 'intake_officer',
    });
    expect(refusal(authorizeWebsite(as('legal.chief'), update, 'ConfirmComplete', 'ict'))).toBe(
      'legal.chief may not do ConfirmComplete: ICT services keep the website',
    );
    expect(refusal(authorizeWebsite(as('comms.officer'), update, 'ConfirmComplete', 'ict'))).toBe(
      'comms.officer may not do ConfirmComplete: ICT services keep the website',
    );
  });

  it('lets any staff propose an update from common requests, but not an auditor', () => {
    expect(
      authorizeWebsite(as('spokesperson.ppd'), initialWebsiteState(), 'ProposeFromCommonRequests', 'ict'),
    ).toStrictEqual({ kind: 'user', userId: 'spokesperson.ppd', role: 'spokesperson' });
    expect(refusal(authorizeWebsite(as('auditor'), initialWebsiteState(), 'ProposeFromCommonRequests', 'ict'))).toBe(
      'auditor may not do ProposeFromCommonRequests: staff only',
    );
  });

  it('leaves the SLA checks to the system: a person is refused, the system is recorded by its component', () => {
    const update = legalUpdate();
    expect(refusal(authorizeWebsite(as('ict.head'), update, 'CheckWebsiteSla', 'ict'))).toBe(
      'ict.head may not do CheckWebsiteSla: only the system does',
    );
    expect(authorizeWebsite(system('sla-scan'), update, 'CheckWebsiteSla', 'ict')).toStrictEqual({
      kind: 'system',
      component: 'sla-scan',
    });
  });

  it('refuses the system a command a person must do', () => {
    expect(refusal(authorizeWebsite(system('sla-scan'), legalUpdate(), 'RecordPublished', 'ict'))).toBe(
      'RecordPublished must be done by a person, not by the system',
    );
  });
});

describe('the actions a person sees on a website update', () => {
  it('shows ICT complete, return and nothing of the division while the update waits for ICT', () => {
    const update = legalUpdate();
    expect(websiteAllowedActions(as('ict.officer'), update, 'ict')).toStrictEqual(['complete', 'return']);
    expect(websiteAllowedActions(as('legal.officer'), update, 'ict')).toStrictEqual(['withdraw']);
    expect(websiteAllowedActions(as('ppd.officer'), update, 'ict')).toStrictEqual([]);
  });

  it('shows ICT publish once complete, and the division resubmit once returned', () => {
    expect(websiteAllowedActions(as('ict.head'), legalUpdate([ictConfirmsComplete()]), 'ict')).toStrictEqual([
      'return',
      'published',
    ]);
    expect(websiteAllowedActions(as('legal.officer'), legalUpdate([ictReturnsIt()]), 'ict')).toStrictEqual([
      'resubmit',
      'withdraw',
    ]);
  });

  it('shows nothing once published', () => {
    const published = legalUpdate([ictConfirmsComplete(), ictPublishes()]);
    expect(websiteAllowedActions(as('ict.head'), published, 'ict')).toStrictEqual([]);
    expect(websiteAllowedActions(as('legal.officer'), published, 'ict')).toStrictEqual([]);
  });
});

describe('who may read the yearly website review pack', () => {
  const allowed: [string, Actor][] = [
    ['the head of agency', as('secretary')],
    ['a chief of division', as('legal.chief')],
    ['an auditor', as('auditor')],
    ['an admin', { kind: 'user', userId: 'it.admin', roles: ['admin'] }],
    ['the system sending it', system('review-pack')],
  ];
  it.each(allowed)('%s may', (_who, actor) => {
    expect(authorizeReviewPack(actor)).toBeUndefined();
  });

  it.each([
    ['an officer', as('legal.officer')],
    ['a spokesperson', as('spokesperson.legal')],
    ['an intake officer', as('ict.officer')],
  ])('%s may not, and is told who may', (_who, actor) => {
    expect(refusal(authorizeReviewPack(actor))).toBe(
      'the website review pack is for the committee (head of agency, chiefs) and auditors',
    );
  });

  it('is allowed when any one of a person’s roles is', () => {
    expect(authorizeReviewPack({ kind: 'user', userId: 'x', roles: ['division_officer', 'auditor'] })).toBeUndefined();
  });
});
