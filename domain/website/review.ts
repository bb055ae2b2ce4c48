import type { Directory } from '../agency/directory.js';
import type { RenderedMail } from '../mail/templates.js';
import type { WebsiteFigures } from './figures.js';

/** What the website review committee gets each year (the plan: the website is reviewed yearly). */
export interface WebsiteReviewPack {
  readonly year: number;
  /** The twelve months reviewed (agency dates, inclusive). */
  readonly period: { readonly from: string; readonly to: string };
  readonly website: WebsiteFigures;
  /** Topics asked for 3 or more times in the period and not published on the website. */
  readonly topicsToPublish: readonly {
    readonly topic: string;
    readonly count: number;
    readonly examples: readonly string[];
  }[];
  /** Requests answered by pointing the requester to the website (close reason `published`). */
  readonly answeredFromWebsite: { readonly count: number; readonly requestIds: readonly string[] };
  /** The disclosure log's totals by division: responses sent and files shared. */
  readonly disclosuresByDivision: readonly {
    readonly division: string;
    readonly responses: number;
    readonly attachments: number;
  }[];
}

/** Asked for this many times or more, a topic belongs on the website (clause 7). */
export const COMMON_TOPIC_THRESHOLD = 3;

/**
 * The committee: the head of agency as chair, the chiefs of divisions and heads of services as
 * members, the head of ICT services (the ICT division's chief) as coordinator.
 */
export const reviewCommittee = (
  directory: Directory,
  ictDivision: string,
): { chair: string[]; members: string[]; coordinator: string[] } => ({
  chair: directory.withRole('head_of_agency').map((u) => u.id),
  members: directory
    .withRole('division_chief')
    .filter((u) => u.division !== ictDivision)
    .map((u) => u.id),
  coordinator: directory.chiefsOf(ictDivision).map((u) => u.id),
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The review pack as a mail to one committee member. */
export const reviewPackMail = (
  agencyName: string,
  recipientName: string,
  pack: WebsiteReviewPack,
  divisionName: (id: string) => string = (id) => id,
): RenderedMail => {
  const w = pack.website;
  const lines = [
    `Dear ${recipientName},`,
    `The website review committee's pack for ${pack.year}, covering ${pack.period.from} to ${pack.period.to}.`,
    `Website updates: ${w.submitted} submitted; complete information on time ${w.submittedOnTime} of ${w.complete} (median ${w.medianSubmissionWorkingDays ?? '—'} working days after the event); published on time ${w.publishedOnTime} of ${w.published} (median ${w.medianPublicationWorkingDays ?? '—'} working days); ${w.fromCommonRequests} proposed from common requests.`,
    pack.topicsToPublish.length > 0
      ? `Asked for ${COMMON_TOPIC_THRESHOLD} or more times and not yet published: ${pack.topicsToPublish.map((t) => `${t.topic} (${t.count})`).join(', ')}.`
      : `Every topic asked for ${COMMON_TOPIC_THRESHOLD} or more times is published.`,
    `Requests answered by pointing to the website: ${pack.answeredFromWebsite.count}.`,
    `Disclosure log by division: ${pack.disclosuresByDivision.map((d) => `${divisionName(d.division)}: ${d.responses} response(s), ${d.attachments} file(s)`).join('; ') || 'no responses'}.`,
    `— Request Desk, ${agencyName}`,
  ];
  return {
    subject: `Website review ${pack.year}: ${w.publishedOnTime}/${w.published} published on time, ${pack.topicsToPublish.length} topic(s) to publish`,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`,
  };
};
