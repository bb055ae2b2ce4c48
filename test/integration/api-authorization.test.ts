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

const users = [
  'ict.officer',
  'ict.head',
  'legal.officer',
  'legal.chief',
  'ppd.officer',
  'ppd.chief',
  'spokesperson.legal',
  'spokesperson.ppd',
  'secretary',
  'auditor',
];
const intake = {
  channel: 'letter',
  requester: { name: 'Tashi', email: 'tashi@moe.gov.bt', kind: 'agency' },
  subject: 'EIA reports',
  body: 'Copies of 2025 EIA reports.',
  receivedAt: '2026-11-20T10:00:00+06:00',
};

/**
 * Route × user on a request Legal holds: Y allowed (any status but 403), - refused with 403.
 * Users in the order of `users`. The answers come from the domain's policy; this is the contract's table.
 * `public`: anyone may call it, signed in or not (no 401 without sign-in).
 */
const matrix: [method: string, path: string, body: unknown, row: string, access?: 'public'][] = [
  //                                                                                               ict.o ict.h leg.o leg.c ppd.o ppd.c sp.l sp.p sec aud
  ['POST', '/requests', intake, 'Y - - - - - - - - -'],
  // The auditor lists requests to choose what to audit (read-only; a request's own page stays staff's).
  ['GET', '/requests', undefined, 'Y Y Y Y Y Y Y Y Y Y'],
  ['GET', '/requests/{id}', undefined, 'Y Y Y Y Y Y Y Y Y -'],
  ['GET', '/requests/{id}/history', undefined, 'Y Y Y Y Y Y Y Y Y Y'],
  ['GET', '/requests/{id}/correspondence', undefined, 'Y Y Y Y Y Y Y Y Y -'],
  ['GET', '/requests/{id}/verify', undefined, '- Y - - - - - - - Y'],
  ['POST', '/requests/{id}/assign', { division: 'legal' }, 'Y - - Y - - - - - -'],
  ['POST', '/requests/{id}/notes', { text: 'n' }, 'Y Y Y Y Y Y Y Y Y -'],
  // A spokesperson's consultation: that spokesperson alone. A division's: the division's staff.
  [
    'POST',
    '/requests/{id}/consultations',
    { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    '- - - - - - Y - - -',
  ],
  [
    'POST',
    '/requests/{id}/consultations',
    { with: 'division', person: 'legal.chief', outcome: 'advice' },
    '- - Y Y - - - - - -',
  ],
  [
    'POST',
    '/requests/{id}/consultations/requested',
    { person: 'spokesperson.ppd', question: 'May we share it?' },
    '- - Y Y - - - - - -',
  ],
  ['POST', '/requests/{id}/clarification', { message: 'which year?' }, '- - Y Y - - - - - -'],
  ['POST', '/requests/{id}/extension', { workingDays: 1, reason: 'field data' }, '- - - Y - - - - - -'],
  ['POST', '/requests/{id}/response', { body: 'here', disposition: 'full' }, '- - Y Y - - - - - -'],
  ['POST', '/requests/{id}/archive', { topics: ['eia'], publishable: false }, 'Y - Y Y - - - - - -'],
  ['POST', '/requests/{id}/close', { reason: 'withdrawn' }, 'Y - - Y - - - - - -'],
  // The breach scan and the agency calendar's changes: admins only (ict.head is the admin; the scheduler runs the scan as the system).
  ['POST', '/sla/scan', {}, '- Y - - - - - - - -'],
  ['POST', '/calendar/holidays', { date: '2027-03-10', name: 'Snow day' }, '- Y - - - - - - - -'],
  ['POST', '/calendar/holidays/2027-03-10/withdraw', { reason: 'declared in error' }, '- Y - - - - - - - -'],
  [
    'POST',
    '/calendar/years/2028/official',
    { source: 'Cabinet circular 2027/12', holidays: [{ date: '2028-02-21', name: 'National Day of something' }] },
    '- Y - - - - - - - -',
  ],
  ['GET', '/calendar/due-date?receivedAt=2026-11-20T10:00:00%2B06:00', undefined, 'Y Y Y Y Y Y Y Y Y Y', 'public'],
  ['GET', '/calendar/holidays?year=2026', undefined, 'Y Y Y Y Y Y Y Y Y Y', 'public'],
];

describe('route × role', () => {
  // Every row with all five values: jest takes a test function with more parameters than the row has values for one awaiting `done`.
  const rows = matrix.map(
    ([method, path, body, row, access]) => [method, path, body, row, access ?? 'signed_in'] as const,
  );
  it.each(rows)(
    '%s %s',
    async (method, path, body, row, access) => {
      // Prepare: a request Legal holds, one per route
      const created = await api('POST', '/requests', { as: 'ict.officer', body: intake });
      const id = created.body.id as string;
      await api('POST', `/requests/${id}/assign`, {
        as: 'ict.officer',
        body: { division: 'legal', assignee: 'legal.officer' },
      });
      const url = path.replace('{id}', id);
      // Act
      const statuses = [];
      for (const user of users) statuses.push((await api(method, url, { as: user, ...(body ? { body } : {}) })).status);
      // Assess
      const got = statuses.map((s) => (s === 403 ? '-' : 'Y')).join(' ');
      expect(got).toBe(row);
      expect(statuses.filter((s) => s !== 403).every((s) => s < 500)).toBe(true);
      const anonymous = (await api(method, url, body ? { body } : {})).status;
      if (access === 'public') expect(anonymous).toBeLessThan(400);
      else expect(anonymous).toBe(401);
    },
    30_000,
  );
});

/**
 * The social media routes (the plan's clause 9) × user, on an active account and an open incident.
 * comms.officer is the Social Media Lead. Y allowed (any status but 403), - refused with 403.
 */
const socialUsers = ['comms.officer', ...users];
const plan = { goals: 'g', audience: 'a', risks: 'r', resources: 'r', measures: 'm', governance: 'g' };
const socialMatrix: [method: string, path: string, body: unknown, row: string][] = [
  //                                                                              comms ict.o ict.h leg.o leg.c ppd.o ppd.c sp.l sp.p sec aud
  ['POST', '/social/accounts', { platform: 'x', handle: 'necs', purpose: 'p', plan }, 'Y Y Y Y Y Y Y Y Y Y -'],
  ['GET', '/social/accounts', undefined, 'Y Y Y Y Y Y Y Y Y Y Y'],
  ['GET', '/social/accounts/{account}', undefined, 'Y Y Y Y Y Y Y Y Y Y Y'],
  [
    'POST',
    '/social/accounts/{account}/assessment',
    { termsReviewed: true, privacyRisks: 'p', mitigations: 'm' },
    'Y - - - - - - - - - -',
  ],
  ['POST', '/social/accounts/{account}/approve', {}, 'Y - - - - - - - - - -'],
  ['POST', '/social/accounts/{account}/activate', {}, 'Y - - - - - - - - - -'],
  ['POST', '/social/accounts/{account}/evaluate', { period: '2027', findings: 'f' }, 'Y - - - - - - - - - -'],
  ['POST', '/social/accounts/{account}/recorders', { recorders: ['ppd.officer'] }, 'Y - - - - - - - - - -'],
  ['POST', '/social/accounts/{account}/followers', { month: '2026-11', count: 10 }, 'Y - - - - - - - - - -'],
  ['POST', '/social/accounts/{account}/retire', { reason: 'closed' }, 'Y - - - - - - - - - -'],
  // The Lead and the staff the Lead named for the account (ppd.officer here).
  [
    'POST',
    '/social/posts',
    { account: '{account}', kind: 'post', text: 't', publishedAt: '2026-11-23T09:00:00+06:00' },
    'Y - - - - Y - - - - -',
  ],
  ['GET', '/social/posts?account={account}', undefined, 'Y Y Y Y Y Y Y Y Y Y Y'],
  [
    'POST',
    '/social/incidents',
    { account: '{account}', severity: 'low', title: 't', description: 'd' },
    'Y Y Y Y Y Y Y Y Y Y -',
  ],
  ['GET', '/social/incidents', undefined, 'Y Y Y Y Y Y Y Y Y Y Y'],
  ['GET', '/social/incidents/{incident}', undefined, 'Y Y Y Y Y Y Y Y Y Y Y'],
  ['POST', '/social/incidents/{incident}/actions', { text: 'reported' }, 'Y Y Y Y Y Y Y Y Y Y -'],
  ['POST', '/social/incidents/{incident}/close', {}, 'Y Y Y Y Y Y Y Y Y Y -'],
];

describe('social media route × role', () => {
  it.each(socialMatrix)(
    '%s %s',
    async (method, path, body, row) => {
      // Prepare: an active account whose named recorder is ppd.officer, and an open incident on it
      const lead = 'comms.officer';
      const proposed = await api('POST', '/social/accounts', {
        as: 'legal.officer',
        body: { platform: 'facebook', handle: 'NECSBhutan', purpose: 'Public information', plan },
      });
      const account = proposed.body.id as string;
      await api('POST', `/social/accounts/${account}/assessment`, {
        as: lead,
        body: { termsReviewed: true, privacyRisks: 'Data abroad', mitigations: 'No personal data' },
      });
      await api('POST', `/social/accounts/${account}/approve`, { as: lead, body: {} });
      await api('POST', `/social/accounts/${account}/activate`, { as: lead, body: {} });
      await api('POST', `/social/accounts/${account}/recorders`, { as: lead, body: { recorders: ['ppd.officer'] } });
      const incident = (
        await api('POST', '/social/incidents', {
          as: lead,
          body: { account, severity: 'high', title: 'Fake page', description: 'Copies our logo' },
        })
      ).body.id as string;
      const fill = (s: string) => s.replace('{account}', account).replace('{incident}', incident);
      const url = fill(path);
      const payload = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
      // Act
      const statuses = [];
      for (const user of socialUsers)
        statuses.push((await api(method, url, { as: user, ...(payload ? { body: payload } : {}) })).status);
      // Assess
      expect(statuses.map((s) => (s === 403 ? '-' : 'Y')).join(' ')).toBe(row);
      expect(statuses.filter((s) => s !== 403).every((s) => s < 500)).toBe(true);
      expect((await api(method, url, payload ? { body: payload } : {})).status).toBe(401);
    },
    30_000,
  );
});
