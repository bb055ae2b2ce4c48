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

const newAssignedRequest = async () => {
  const id = (
    await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Sonam', kind: 'public' },
        subject: 'Forest data',
        body: 'Please.',
      },
    })
  ).body.id as string;
  await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
  return id;
};

describe('optimistic concurrency: version, ETag and If-Match', () => {
  it('GET /requests/{id} gives the version and the same as ETag', async () => {
    const id = await newAssignedRequest();
    const r = await api('GET', `/requests/${id}`, { as: 'legal.officer' });
    expect(r.body.version).toBe(2);
    expect(r.etag).toBe('"2"');
  });

  it('two officers act on the same version: exactly one succeeds, the other gets 412 STALE_VERSION with the request as it stands', async () => {
    // Prepare: both officers read the request
    const id = await newAssignedRequest();
    const seen = (await api('GET', `/requests/${id}`, { as: 'legal.officer' })).etag as string;
    // Act: both act at once on what they saw
    const [a, b] = await Promise.all([
      api('POST', `/requests/${id}/notes`, {
        as: 'legal.officer',
        body: { text: 'I will answer this.' },
        ifMatch: seen,
      }),
      api('POST', `/requests/${id}/close`, { as: 'legal.chief', body: { reason: 'duplicate' }, ifMatch: seen }).catch(
        () => ({ status: 0, body: {} }),
      ),
    ]);
    // Assess
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.body).toMatchObject({ error: { code: 'STALE_VERSION', details: { id, version: 3 } } });
    const history = await api('GET', `/requests/${id}/history`, { as: 'auditor' });
    expect((history.body.events as unknown[]).length).toBe(3);
  });

  it('a stale If-Match changes nothing; a current one acts; a malformed one is a 400', async () => {
    const id = await newAssignedRequest();
    expect(
      (await api('POST', `/requests/${id}/notes`, { as: 'legal.officer', body: { text: 'x' }, ifMatch: '"1"' })).status,
    ).toBe(412);
    const ok = await api('POST', `/requests/${id}/notes`, { as: 'legal.officer', body: { text: 'x' }, ifMatch: '"2"' });
    expect({ status: ok.status, etag: ok.etag }).toEqual({ status: 200, etag: '"3"' });
    expect(
      (await api('POST', `/requests/${id}/notes`, { as: 'legal.officer', body: { text: 'x' }, ifMatch: 'soon' }))
        .status,
    ).toBe(400);
  });

  it("a view older only than what the system recorded on its own (the acknowledgment sent) is not stale; one older than a person's action is", async () => {
    // Prepare: an emailed request, seen at version 1, then acknowledged by mail (MailSent, version 2)
    const id = (
      await api('POST', '/requests', {
        as: 'ict.officer',
        body: {
          channel: 'web',
          requester: { name: 'Pema', email: 'pema@example.org', kind: 'public' },
          subject: 'Air data',
          body: 'Please.',
        },
      })
    ).body.id as string;
    await stack.settle();
    const types = (
      (await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as { type: string }[]
    ).map((e) => e.type);
    expect(types).toEqual(['RequestReceived', 'MailSent']);
    // Act: the intake officer assigns from the view taken at version 1
    const assigned = await api('POST', `/requests/${id}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal' },
      ifMatch: '"1"',
    });
    // Assess: it acts; a second action from that same old view is now stale (a person acted since)
    expect(assigned.status).toBe(200);
    expect(
      (await api('POST', `/requests/${id}/notes`, { as: 'ict.officer', body: { text: 'x' }, ifMatch: '"1"' })).status,
    ).toBe(412);
  });
});
