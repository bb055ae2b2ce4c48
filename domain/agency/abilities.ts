import { authorizeSlaScan, authorizeCalendarChange } from '../calendar/policy.js';
import { authorizeDirectoryChange } from '../directory/decide.js';
import { authorizeHoldingPen } from '../intake/holding-pen-policy.js';
import { authorizeMonthlyReport } from '../reports/policy.js';
import { DomainError } from '../shared/errors.js';
import { authorize } from '../request/policy.js';
import { authorizeRead } from '../request/read-policy.js';
import { initialState } from '../request/state.js';
import { accountRules, authorizeSocial, authorizeSocialRead } from '../social/policy.js';
import { authorizeReviewPack, authorizeWebsite } from '../website/policy.js';
import { initialWebsiteState } from '../website/state.js';
import type { Actor } from './actor.js';

/**
 * What the caller may do beyond one request or website update (those list their own `allowedActions`),
 * each answered by the very policy function its routes and commands check, so that the console shows
 * what the API would accept and keeps no copy of the rules.
 */
export interface Abilities {
  /** Work on requests: their list, pages, notes (`GET /requests` as staff). */
  readonly workOnRequests: boolean;
  /** Find requests read-only, to open their history (staff and auditors). */
  readonly findRequests: boolean;
  /** Register a request by hand (`POST /requests`). */
  readonly registerRequest: boolean;
  readonly holdingPen: boolean;
  readonly monthlyReport: boolean;
  /** Verify a request's history and the anchors. */
  readonly audit: boolean;
  /** Add people and divisions, appoint, deactivate, record anyone's leave. */
  readonly changePeople: boolean;
  /** Declare or withdraw holidays, record a year's official list. */
  readonly changeCalendar: boolean;
  readonly runSlaScan: boolean;
  readonly submitWebsiteUpdate: boolean;
  readonly websiteReview: boolean;
  /** Read the register of official social media accounts, their trail and incidents. */
  readonly socialMedia: boolean;
  /** Propose an official social media account with its plan. */
  readonly proposeSocialAccount: boolean;
}

const yes = (decision: unknown) => !(decision instanceof DomainError);

/** The caller's abilities now; `ictDivision` is the division that keeps the website. */
export const abilitiesOf = (actor: Actor, ictDivision: string): Abilities => ({
  workOnRequests: yes(authorizeRead(actor, 'list_requests')),
  findRequests: yes(authorizeRead(actor, 'find_requests')),
  registerRequest: actor.kind === 'user' && yes(authorize(actor, initialState(), 'ReceiveRequest')),
  holdingPen: yes(authorizeHoldingPen(actor)),
  monthlyReport: yes(authorizeMonthlyReport(actor)),
  audit: yes(authorizeRead(actor, 'verify_history')),
  changePeople: yes(authorizeDirectoryChange(actor)),
  changeCalendar: yes(authorizeCalendarChange(actor)),
  runSlaScan: yes(authorizeSlaScan(actor)),
  submitWebsiteUpdate: yes(authorizeWebsite(actor, initialWebsiteState(), 'SubmitWebsiteUpdate', ictDivision)),
  websiteReview: yes(authorizeReviewPack(actor)),
  socialMedia: yes(authorizeSocialRead(actor)),
  proposeSocialAccount: yes(authorizeSocial(actor, 'ProposeAccount', accountRules.ProposeAccount)),
});
