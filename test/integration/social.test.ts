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

const LEAD = 'comms.officer';
const plan = {
  goals: 'Air quality alerts',
  audience: 'Citizens',
  risks: 'Impersonation',
  resources: 'One officer',
  measures: 'Followers a month',
  governance: 'The Lead approves',
};
/** The stack's clock starts on Monday 23 November 2026, 11:00 in Thimphu. */
const earlierToday = '2026-11-23T09:00:00+06:00';

const propose = async (handle: string) => {
  const r = await api('POST', '/social/accounts', {
    as: 'ppd.officer',
    body: {
      platform: 'facebook',
      handle,
      url: `https://www.facebook.com/${handle}`,
      purpose: 'Public information',
      plan,
    },
  });
  expect(r.status).toBe(201);
  expect(r.body.status).toBe('proposed');
  return r.body.id as string;
};
const activate = async (id: string) => {
  await api('POST', `/social/accounts/${id}/assessment`, {
    as: LEAD,
    body: { termsReviewed: true, privacyRisks: 'Messages held abroad', mitigations: 'Answer privately' },
  });
  expect((await api('POST', `/social/accounts/${id}/approve`, { as: LEAD, body: {} })).status).toBe(200);
  const active = await api('POST', `/social/accounts/${id}/activate`, { as: LEAD, body: {} });
  expect(active.status).toBe(200);
  return active;
};

describe('the register of official accounts over HTTP', () => {
  it('runs proposed → assessed → approved → active → retired; approving before the assessment is a 409', async () => {
    const id = await propose('NECSRegister');
    const early = await api('POST', `/social/accounts/${id}/approve`, { as: LEAD, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('ASSESSMENT_REQUIRED');
    const active = await activate(id);
    expect(active.body).toMatchObject({
      status: 'active',
      // A year after Monday 23 November 2026: Tuesday 23 November 2027, close of office.
      evaluationDueAt: '2027-11-23T17:00:00+06:00',
      allowedActions: expect.arrayContaining(['evaluate', 'retire', 'recordPost']),
    });
    const noReason = await api('POST', `/social/accounts/${id}/retire`, { as: LEAD, body: {} });
    expect(noReason.status).toBe(400);
    const retired = await api('POST', `/social/accounts/${id}/retire`, { as: LEAD, body: { reason: 'Merged' } });
    expect(retired.body).toMatchObject({ status: 'retired', retired: { reason: 'Merged' }, allowedActions: [] });
    await stack.settle();
    const register = await api('GET', '/social/accounts', { as: 'auditor' });
    expect(register.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, status: 'retired', allowedActions: [] })]),
    );
  });

  it('shows a staff member who proposed it no actions of the Lead', async () => {
    const id = await propose('NECSViewOnly');
    const seen = await api('GET', `/social/accounts/${id}`, { as: 'ppd.officer' });
    expect(seen.body).toMatchObject({ status: 'proposed', allowedActions: [] });
    const lead = await api('GET', `/social/accounts/${id}`, { as: LEAD });
    expect(lead.body.allowedActions).toEqual(['assess', 'retire', 'nameRecorders']);
  });
});

describe('the record trail over HTTP', () => {
  it('records posts and takedowns, refuses a takedown without a reason, and exports the trail as safe CSV', async () => {
    const id = await propose('NECSTrail');
    await activate(id);
    const post = (body: Record<string, unknown>, as = LEAD) =>
      api('POST', '/social/posts', { as, body: { account: id, publishedAt: earlierToday, ...body } });
    expect((await post({ kind: 'post', text: 'AQI moderate today' })).status).toBe(201);
    expect((await post({ kind: 'reply', text: '=HYPERLINK("http://evil.example","x")' })).status).toBe(201);
    const bare = await post({ kind: 'takedown', text: 'Abusive comment removed' });
    expect(bare.status).toBe(400);
    const takedown = await post({ kind: 'takedown', text: 'Abusive comment removed', reason: 'Moderation policy 3.2' });
    expect(takedown.status).toBe(201);
    expect(takedown.body).toMatchObject({ postNumber: 3, kind: 'takedown', recordedBy: LEAD });

    const trail = await api('GET', `/social/posts?account=${id}`, { as: 'auditor' });
    expect(trail.body.count).toBe(3);
    const none = await api('GET', `/social/posts?account=${id}&from=2026-11-23T10:00:00%2B06:00`, { as: 'auditor' });
    expect(none.body.count).toBe(0);
    const csv = await fetch(`${stack.apiUrl}/social/posts?account=${id}&format=csv`, {
      headers: { authorization: 'Bearer local:auditor' },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toMatch(/^account,platform,handle,number,kind,published at/);
    // The formula is disarmed with a leading quote, as in every CSV the system writes.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain('Moderation policy 3.2');
  });

  it('lets the staff the Lead names record for the account, and no one else', async () => {
    const id = await propose('NECSRecorders');
    await activate(id);
    const body = { account: id, kind: 'post', text: 'Workshop today', publishedAt: earlierToday };
    expect((await api('POST', '/social/posts', { as: 'legal.officer', body })).status).toBe(403);
    await api('POST', `/social/accounts/${id}/recorders`, { as: LEAD, body: { recorders: ['legal.officer'] } });
    expect((await api('POST', '/social/posts', { as: 'legal.officer', body })).status).toBe(201);
  });
});

describe('incidents over HTTP', () => {
  it('opens with a severity, records actions, closes; open ones are listed for the Lead', async () => {
    const id = await propose('NECSIncidents');
    const missing = await api('POST', '/social/incidents', {
      as: 'ppd.officer',
      body: { account: 'SMA-2026-99999', severity: 'low', title: 't', description: 'd' },
    });
    expect(missing.status).toBe(404);
    const opened = await api('POST', '/social/incidents', {
      as: 'ppd.officer',
      body: { account: id, severity: 'critical', title: 'Impersonation', description: 'A fake page copies ours' },
    });
    expect(opened.status).toBe(201);
    const incident = opened.body.id as string;
    const acted = await api('POST', `/social/incidents/${incident}/actions`, {
      as: LEAD,
      body: { text: 'Reported to Meta' },
    });
    expect(acted.body).toMatchObject({
      status: 'open',
      actions: [expect.objectContaining({ text: 'Reported to Meta' })],
    });
    await stack.settle();
    const open = await api('GET', '/social/incidents?status=open', { as: LEAD });
    expect(open.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: incident, severity: 'critical' })]),
    );
    const closed = await api('POST', `/social/incidents/${incident}/close`, {
      as: LEAD,
      body: { resolution: 'Removed' },
    });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect((await api('POST', `/social/incidents/${incident}/actions`, { as: LEAD, body: { text: 'x' } })).status).toBe(
      409,
    );
    await stack.settle();
    const stillOpen = await api('GET', '/social/incidents?status=open', { as: LEAD });
    expect((stillOpen.body.items as { id: string }[]).map((i) => i.id)).not.toContain(incident);
  });
});

describe('the monthly report’s social section', () => {
  it('counts each active account’s posts, replies, takedowns, followers and incidents, in JSON and CSV', async () => {
    const id = await propose('NECSReport');
    await activate(id);
    const post = (kind: string, extra: Record<string, unknown> = {}) =>
      api('POST', '/social/posts', {
        as: LEAD,
        body: { account: id, kind, text: `${kind} text`, publishedAt: earlierToday, ...extra },
      });
    await post('post');
    await post('post');
    await post('reply');
    await post('takedown', { reason: 'Hate speech (moderation policy 2.1)' });
    const followers = await api('POST', `/social/accounts/${id}/followers`, {
      as: LEAD,
      body: { month: '2026-11', count: 1520 },
    });
    expect(followers.status).toBe(200);
    await api('POST', '/social/incidents', {
      as: LEAD,
      body: { account: id, severity: 'medium', title: 'Harmful thread', description: 'Threats under a post' },
    });
    await stack.settle();
    const report = await api('GET', '/reports/monthly?month=2026-11', { as: 'secretary' });
    expect(report.status).toBe(200);
    const social = report.body.social as { accounts: Record<string, unknown>[] };
    expect(social.accounts).toContainEqual({
      account: id,
      platform: 'facebook',
      handle: 'NECSReport',
      posts: 2,
      replies: 1,
      takedowns: 1,
      followers: 1520,
      incidentsOpened: 1,
      openIncidents: 1,
    });
    const csv = await fetch(`${stack.apiUrl}/reports/monthly?month=2026-11&format=csv`, {
      headers: { authorization: 'Bearer local:secretary' },
    });
    const text = await csv.text();
    expect(text.split('\n')[0]).toMatch(/,posts,replies,takedowns,followers,incidents_opened,open_incidents$/);
    expect(text).toMatch(/2026-11,social_account,NECSReport \(facebook\),(,){7}2,1,1,1520,1,1/);
  });
});

describe('one account or one incident over HTTP', () => {
  it('reads as its last step replied, to staff and auditors, and is a 404 when the register has no such item', async () => {
    const id = await propose('NECSReadOne');
    const assessed = await api('POST', `/social/accounts/${id}/assessment`, {
      as: LEAD,
      body: { termsReviewed: true, privacyRisks: 'Messages held abroad', mitigations: 'Answer privately' },
    });
    expect(assessed.status).toBe(200);
    const opened = await api('POST', '/social/incidents', {
      as: 'ppd.officer',
      body: { account: id, severity: 'low', title: 'Typo in the bio', description: 'Says NESC' },
    });
    const incident = opened.body.id as string;
    const acted = await api('POST', `/social/incidents/${incident}/actions`, { as: LEAD, body: { text: 'Fixed' } });

    expect((await api('GET', `/social/accounts/${id}`, { as: LEAD })).body).toEqual(assessed.body);
    expect((await api('GET', `/social/incidents/${incident}`, { as: 'auditor' })).body).toEqual(acted.body);
    const noAccount = await api('GET', '/social/accounts/SMA-2026-99999', { as: 'auditor' });
    expect(noAccount.status).toBe(404);
    expect(noAccount.body.error).toMatchObject({ code: 'SOCIAL_ACCOUNT_NOT_FOUND' });
    const noIncident = await api('GET', '/social/incidents/INC-2026-99999', { as: LEAD });
    expect(noIncident.status).toBe(404);
    expect(noIncident.body.error).toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
  });
});
