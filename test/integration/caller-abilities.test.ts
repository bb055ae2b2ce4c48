import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const canOf = async (as: string) => (await api('GET', '/me', { as })).body.can as Record<string, boolean>;
const actionsOn = async (id: string, as: string) =>
  (await api('GET', `/website-updates/${id}`, { as })).body.allowedActions as string[];

describe('what the signed-in person may do, as GET /me says it', () => {
  it('each role is told what its routes and commands would accept', async () => {
    // Act
    const [intake, ictHead, legalOfficer, secretary, auditor, spokesperson] = await Promise.all(
      ['ict.officer', 'ict.head', 'legal.officer', 'secretary', 'auditor', 'spokesperson.legal'].map(canOf),
    );
    // Assess
    expect(intake).toEqual({
      workOnRequests: true,
      findRequests: true,
      registerRequest: true,
      holdingPen: true,
      monthlyReport: false,
      audit: false,
      changePeople: false,
      changeCalendar: false,
      runSlaScan: false,
      submitWebsiteUpdate: true,
      websiteReview: false,
      socialMedia: true,
      proposeSocialAccount: true,
    });
    expect(ictHead).toMatchObject({
      registerRequest: false,
      holdingPen: false,
      monthlyReport: true,
      audit: true,
      changePeople: true,
      changeCalendar: true,
      runSlaScan: true,
      submitWebsiteUpdate: true,
      websiteReview: true,
    });
    expect(legalOfficer).toMatchObject({ workOnRequests: true, monthlyReport: false, submitWebsiteUpdate: true });
    expect(secretary).toMatchObject({ workOnRequests: true, monthlyReport: true, submitWebsiteUpdate: false });
    expect(auditor).toMatchObject({
      workOnRequests: false,
      findRequests: true,
      audit: true,
      changePeople: false,
      socialMedia: true,
      proposeSocialAccount: false,
    });
    expect(spokesperson).toMatchObject({ workOnRequests: true, submitWebsiteUpdate: false, websiteReview: false });
  });

  it('agrees with the routes it speaks for: the holding pen, the monthly report, the review pack, social media', async () => {
    for (const as of [
      'ict.officer',
      'ict.head',
      'legal.chief',
      'secretary',
      'auditor',
      'spokesperson.ppd',
      'comms.officer',
    ]) {
      // Act
      const can = await canOf(as);
      const pen = await api('GET', '/holding-pen', { as });
      const monthly = await api('GET', '/reports/monthly?month=2026-10', { as });
      const review = await api('GET', '/reports/website-review?year=2026', { as });
      const social = await api('GET', '/social/accounts', { as });
      // Assess
      expect({ as, pen: pen.status !== 403 }).toEqual({ as, pen: can.holdingPen });
      expect({ as, monthly: monthly.status !== 403 }).toEqual({ as, monthly: can.monthlyReport });
      expect({ as, review: review.status !== 403 }).toEqual({ as, review: can.websiteReview });
      expect({ as, social: social.status !== 403 }).toEqual({ as, social: can.socialMedia });
    }
  });
});

describe('what a website update offers each person, as GET /website-updates/{id} says it', () => {
  it('ICT confirms, returns and records publication; the division resubmits and withdraws; others look', async () => {
    // Prepare: PPD sends an update
    const created = await api('POST', '/website-updates', {
      as: 'ppd.officer',
      body: { kind: 'news', title: 'Tree planting at Dochula', body: 'Staff planted 300 saplings.' },
    });
    const id = created.body.id as string;
    // Act + Assess: with ICT, waiting for confirmation
    expect(await actionsOn(id, 'ict.head')).toEqual(['complete', 'return']);
    expect(await actionsOn(id, 'ict.officer')).toEqual(['complete', 'return']);
    expect(await actionsOn(id, 'ppd.chief')).toEqual(['withdraw']);
    expect(await actionsOn(id, 'legal.officer')).toEqual([]);
    expect(await actionsOn(id, 'secretary')).toEqual([]);
    // returned to the division as incomplete
    await api('POST', `/website-updates/${id}/return`, { as: 'ict.head', body: { reason: 'Which day?' } });
    expect(await actionsOn(id, 'ict.head')).toEqual([]);
    expect(await actionsOn(id, 'ppd.officer')).toEqual(['resubmit', 'withdraw']);
    // sent again, then confirmed complete
    await api('POST', `/website-updates/${id}/resubmit`, { as: 'ppd.officer', body: { body: 'On Saturday.' } });
    expect((await api('POST', `/website-updates/${id}/complete`, { as: 'ict.head', body: {} })).status).toBe(200);
    expect(await actionsOn(id, 'ict.head')).toEqual(['return', 'published']);
    expect(await actionsOn(id, 'ppd.officer')).toEqual(['withdraw']);
    // published: nothing is left to do
    await api('POST', `/website-updates/${id}/published`, {
      as: 'ict.head',
      body: { url: 'https://necs.example/news/tree-planting' },
    });
    expect(await actionsOn(id, 'ict.head')).toEqual([]);
    expect(await actionsOn(id, 'ppd.officer')).toEqual([]);
  });
});
