import { describe, expect, it } from '@jest/globals';
import { reviewCommittee, reviewPackMail, type WebsiteReviewPack } from '../../../domain/website/review.js';
import { necs } from '../../support/agency.js';

const pack: WebsiteReviewPack = {
  year: 2026,
  period: { from: '2026-01-01', to: '2026-12-31' },
  website: {
    submitted: 14,
    complete: 12,
    submittedOnTime: 10,
    published: 11,
    publishedOnTime: 9,
    medianSubmissionWorkingDays: 1.5,
    medianPublicationWorkingDays: 1,
    fromCommonRequests: 3,
  },
  topicsToPublish: [
    { topic: 'tender notices', count: 5, examples: ['REQ-2026-00001'] },
    { topic: 'mining licences', count: 3, examples: ['REQ-2026-00002'] },
  ],
  answeredFromWebsite: { count: 4, requestIds: ['REQ-2026-00003'] },
  disclosuresByDivision: [
    { division: 'legal', responses: 7, attachments: 2 },
    { division: 'ppd', responses: 1, attachments: 0 },
  ],
};

const divisionName = (id: string) => necs.directory.division(id)?.name ?? id;

describe('the website review committee', () => {
  it('is chaired by the head of agency, with the other chiefs as members and the head of ICT as coordinator', () => {
    expect(reviewCommittee(necs.directory, 'ict')).toStrictEqual({
      chair: ['secretary'],
      members: ['legal.chief', 'ppd.chief'],
      coordinator: ['ict.head'],
    });
  });
});

describe("the review pack's mail to a committee member", () => {
  it('says the year, the period and every figure, with division names', () => {
    const mail = reviewPackMail('NECS', 'Karma', pack, divisionName);
    expect(mail.subject).toBe('Website review 2026: 9/11 published on time, 2 topic(s) to publish');
    expect(mail.text).toBe(
      [
        'Dear Karma,',
        "The website review committee's pack for 2026, covering 2026-01-01 to 2026-12-31.",
        'Website updates: 14 submitted; complete information on time 10 of 12 (median 1.5 working days after the event); published on time 9 of 11 (median 1 working days); 3 proposed from common requests.',
        'Asked for 3 or more times and not yet published: tender notices (5), mining licences (3).',
        'Requests answered by pointing to the website: 4.',
        'Disclosure log by division: Legal Division: 7 response(s), 2 file(s); Policy and Planning Division: 1 response(s), 0 file(s).',
        '— Request Desk, NECS',
      ].join('\n\n') + '\n',
    );
  });

  it('says every common topic is published, and no responses, when there are none; a dash for a missing median', () => {
    const quiet: WebsiteReviewPack = {
      ...pack,
      website: { ...pack.website, medianSubmissionWorkingDays: null, medianPublicationWorkingDays: null },
      topicsToPublish: [],
      disclosuresByDivision: [],
    };
    const mail = reviewPackMail('NECS', 'Karma', quiet);
    expect(mail.subject).toBe('Website review 2026: 9/11 published on time, 0 topic(s) to publish');
    expect(mail.text).toContain('(median — working days after the event)');
    expect(mail.text).toContain('published on time 9 of 11 (median — working days)');
    expect(mail.text).toContain('\n\nEvery topic asked for 3 or more times is published.\n\n');
    expect(mail.text).toContain('\n\nDisclosure log by division: no responses.\n\n');
  });

  it('shows division ids when no names are given', () => {
    expect(reviewPackMail('NECS', 'Karma', pack).text).toContain(
      'Disclosure log by division: legal: 7 response(s), 2 file(s); ppd: 1 response(s), 0 file(s).',
    );
  });

  it('carries the same paragraphs in its HTML, with what the agency typed escaped', () => {
    const mail = reviewPackMail('Research & Development & Co <NECS> <Thimphu>', 'Karma', pack, divisionName);
    expect(mail.html).toMatch(/^<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222">/);
    expect(mail.html).toContain("<p>Dear Karma,</p><p>The website review committee's pack for 2026");
    expect(mail.html).toContain(
      '<p>— Request Desk, Research &amp; Development &amp; Co &lt;NECS&gt; &lt;Thimphu&gt;</p></body></html>',
    );
    expect(mail.html).not.toContain('<NECS>');
  });
});
