import { describe, expect, it } from '@jest/globals';
import type { Abilities } from '../../../domain/agency/abilities.js';
import { as, necs, system } from '../../support/agency.js';
// What abilities.ts imports, loaded here with the file: only abilities.ts itself then loads inside a spec.
// Loaded there instead, every workflow's module-level code would count as covered by this one spec alone,
// and Stryker would test those mutants against it only (docs/mutation-testing.md).
import '../../../domain/calendar/policy.js';
import '../../../domain/directory/decide.js';
import '../../../domain/intake/holding-pen-policy.js';
import '../../../domain/reports/policy.js';
import '../../../domain/request/policy.js';
import '../../../domain/request/read-policy.js';
import '../../../domain/request/state.js';
import '../../../domain/social/policy.js';
import '../../../domain/website/policy.js';
import '../../../domain/website/state.js';

/**
 * What the console offers each NECS person beyond one request (`GET /me`'s `can`): the menu items and
 * buttons they see. Each answer comes from the policy the API applies, so this is also who may do what.
 *
 * The module is loaded inside the specs, not at the top: `abilitiesOf` is made when it loads, and only
 * what runs inside a spec is recorded as tested by it (docs/mutation-testing.md).
 */
const policyOfAbilities = () => import('../../../domain/agency/abilities.js');

const granted = (can: Abilities): (keyof Abilities)[] =>
  (Object.keys(can) as (keyof Abilities)[]).filter((ability) => can[ability]);

describe('what each NECS person may do beyond one request', () => {
  it('gives each role its own tools, and nobody more', async () => {
    const { abilitiesOf } = await policyOfAbilities();
    const table = Object.fromEntries(necs.config.users.map((u) => [u.id, granted(abilitiesOf(as(u.id), 'ict'))]));
    expect(table).toStrictEqual({
      'ict.officer': [
        'workOnRequests',
        'findRequests',
        'registerRequest',
        'holdingPen',
        'submitWebsiteUpdate',
        'socialMedia',
        'proposeSocialAccount',
      ],
      'ict.head': [
        'workOnRequests',
        'findRequests',
        'monthlyReport',
        'audit',
        'changePeople',
        'changeCalendar',
        'runSlaScan',
        'submitWebsiteUpdate',
        'websiteReview',
        'socialMedia',
        'proposeSocialAccount',
      ],
      'legal.officer': ['workOnRequests', 'findRequests', 'submitWebsiteUpdate', 'socialMedia', 'proposeSocialAccount'],
      'legal.chief': [
        'workOnRequests',
        'findRequests',
        'monthlyReport',
        'submitWebsiteUpdate',
        'websiteReview',
        'socialMedia',
        'proposeSocialAccount',
      ],
      'ppd.officer': ['workOnRequests', 'findRequests', 'submitWebsiteUpdate', 'socialMedia', 'proposeSocialAccount'],
      'ppd.chief': [
        'workOnRequests',
        'findRequests',
        'monthlyReport',
        'submitWebsiteUpdate',
        'websiteReview',
        'socialMedia',
        'proposeSocialAccount',
      ],
      'spokesperson.legal': ['workOnRequests', 'findRequests', 'socialMedia', 'proposeSocialAccount'],
      'spokesperson.ppd': ['workOnRequests', 'findRequests', 'socialMedia', 'proposeSocialAccount'],
      secretary: [
        'workOnRequests',
        'findRequests',
        'monthlyReport',
        'websiteReview',
        'socialMedia',
        'proposeSocialAccount',
      ],
      'comms.officer': ['socialMedia', 'proposeSocialAccount'],
      auditor: ['findRequests', 'monthlyReport', 'audit', 'websiteReview', 'socialMedia'],
    });
  });

  it('counts an admin with no other role as staff: they work on requests and social media, and keep the directory and calendar', async () => {
    const { abilitiesOf } = await policyOfAbilities();
    const itAdministrator = { kind: 'user', userId: 'it.admin', roles: ['admin'] } as const;
    expect(granted(abilitiesOf(itAdministrator, 'ict'))).toStrictEqual([
      'workOnRequests',
      'findRequests',
      'audit',
      'changePeople',
      'changeCalendar',
      'runSlaScan',
      'websiteReview',
      'socialMedia',
      'proposeSocialAccount',
    ]);
  });

  it('does not offer registering a request by hand to a part of the system, though the mail intake registers requests', async () => {
    const { abilitiesOf } = await policyOfAbilities();
    expect(abilitiesOf(system('intake'), 'ict').registerRequest).toBe(false);
  });
});
