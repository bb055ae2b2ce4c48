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

const CONTRACT_USERS = [
  'auditor',
  'comms.officer',
  'ict.head',
  'ict.officer',
  'legal.chief',
  'legal.officer',
  'ppd.chief',
  'ppd.officer',
  'secretary',
  'spokesperson.legal',
  'spokesperson.ppd',
];
const letter = {
  channel: 'letter',
  requester: { name: 'Tashi', email: 'tashi@moe.gov.bt', kind: 'agency' },
  subject: 'EIA reports',
  body: 'Copies of 2025 EIA reports.',
};

describe('the directory on a fresh system', () => {
  it('is seeded from agency.json once: the contract users and divisions', async () => {
    // Act
    const people = await api('GET', '/people', { as: 'auditor' });
    const divisions = await api('GET', '/divisions', { as: 'ppd.officer' });
    const seededAgain = await stack.core.directory.seed();
    // Assess
    expect(people.status).toBe(200);
    expect((people.body.people as { id: string }[]).map((p) => p.id)).toEqual(CONTRACT_USERS);
    expect(people.body.people).toContainEqual(
      expect.objectContaining({ id: 'ict.head', roles: ['division_chief', 'admin'], division: 'ict', active: true }),
    );
    expect((divisions.body.divisions as { id: string }[]).map((d) => d.id)).toEqual(['ict', 'legal', 'ppd']);
    expect(seededAgain).toBe(false);
    expect((await stack.core.store.read('directory#necs')).events).toHaveLength(14); // three divisions and the contract's eleven people
  });
});

describe('people added, appointed, on leave and deactivated at run time', () => {
  it('lets a person added by an admin act at once, and refuses non-admins', async () => {
    // Prepare
    const person = {
      id: 'walkin.officer',
      name: 'Sonam Choden',
      email: 'walkin.officer@necs.example',
      division: 'ict',
      roles: ['intake_officer'],
    };
    // Act
    const refused = await api('POST', '/people', { as: 'legal.chief', body: person });
    const before = await api('GET', '/requests', { as: 'walkin.officer' });
    const added = await api('POST', '/people', { as: 'ict.head', body: person });
    const again = await api('POST', '/people', { as: 'ict.head', body: person });
    const registered = await api('POST', '/requests', { as: 'walkin.officer', body: letter });
    // Assess
    expect(refused.status).toBe(403);
    expect(before.status).toBe(401);
    expect(added.status).toBe(201);
    expect(added.body.person).toMatchObject({
      id: 'walkin.officer',
      roles: ['intake_officer'],
      division: 'ict',
      active: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_EXISTS');
    expect(registered.status).toBe(201);
  });

  it('answers who was the PPD chief on a date, after an appointment by office order', async () => {
    // Act
    const appointed = await api('POST', '/people/ppd.officer/roles', {
      as: 'ict.head',
      body: { roles: ['division_chief'], effectiveFrom: '2026-11-25', order: 'NECS/ADM/2026/114' },
    });
    const onThe24th = await api('GET', '/people?asOf=2026-11-24', { as: 'secretary' });
    const onThe26th = await api('GET', '/people?asOf=2026-11-26T10:00:00%2B06:00', { as: 'secretary' });
    const badDate = await api('GET', '/people?asOf=tomorrow', { as: 'secretary' });
    // Assess
    const chiefsOfPpd = (r: typeof onThe24th) =>
      (r.body.people as { id: string; roles: string[]; division?: string }[])
        .filter((p) => p.division === 'ppd' && p.roles.includes('division_chief'))
        .map((p) => p.id);
    expect(appointed.status).toBe(200);
    expect(appointed.body.person).toMatchObject({ id: 'ppd.officer', division: 'ppd' });
    expect(chiefsOfPpd(onThe24th)).toEqual(['ppd.chief']);
    expect(chiefsOfPpd(onThe26th)).toEqual(['ppd.chief', 'ppd.officer']);
    expect((onThe26th.body.people as { id: string; order?: string }[]).find((p) => p.id === 'ppd.officer')?.order).toBe(
      'NECS/ADM/2026/114',
    );
    expect(badDate.status).toBe(400);
  });

  it('lets the delegate of a chief on leave act in their own name, "acting for" the chief, until the leave ends', async () => {
    // Prepare: a request Legal holds
    const now = stack.clock.now();
    const from = now.toISOString();
    const to = new Date(now.getTime() + 2 * 86_400_000).toISOString();
    const created = await api('POST', '/requests', { as: 'ict.officer', body: letter });
    const id = created.body.id as string;
    await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
    // Act
    const byColleague = await api('POST', '/people/legal.chief/leave', {
      as: 'legal.officer',
      body: { from, to, delegateTo: 'legal.officer' },
    });
    const leave = await api('POST', '/people/legal.chief/leave', {
      as: 'legal.chief',
      body: { from, to, delegateTo: 'legal.officer' },
    });
    const extended = await api('POST', `/requests/${id}/extension`, {
      as: 'legal.officer',
      body: { workingDays: 2, reason: 'field data from Bumthang' },
    });
    const history = await api('GET', `/requests/${id}/history`, { as: 'auditor' });
    await fetch(`${stack.apiUrl}/_local/clock`, {
      method: 'POST',
      body: JSON.stringify({ now: new Date(now.getTime() + 3 * 86_400_000).toISOString() }),
    });
    const afterLeave = await api('POST', `/requests/${id}/extension`, {
      as: 'legal.officer',
      body: { workingDays: 1, reason: 'more' },
    });
    // Assess
    expect(byColleague.status).toBe(403);
    expect(leave.status).toBe(201);
    expect(extended.status).toBe(200);
    const events = history.body.events as { type: string; actor: unknown }[];
    expect(events.find((e) => e.type === 'DeadlineExtended')?.actor).toEqual({
      kind: 'user',
      userId: 'legal.officer',
      role: 'division_chief',
      actingFor: 'legal.chief',
    });
    expect(afterLeave.status).toBe(403);
  });

  it('stops a deactivated person signing in, keeping them on record', async () => {
    // Act
    const done = await api('POST', '/people/spokesperson.ppd/deactivate', {
      as: 'ict.head',
      body: { reason: 'transferred' },
    });
    const signIn = await api('GET', '/requests', { as: 'spokesperson.ppd' });
    const people = await api('GET', '/people', { as: 'auditor' });
    const unknown = await api('POST', '/people/nobody/deactivate', { as: 'ict.head', body: { reason: 'x' } });
    // Assess
    expect(done.status).toBe(200);
    expect(done.body.person).toMatchObject({ id: 'spokesperson.ppd', active: false });
    expect(signIn.status).toBe(401);
    expect(people.body.people).toContainEqual(expect.objectContaining({ id: 'spokesperson.ppd', active: false }));
    expect(unknown.status).toBe(404);
  });

  it('adds a division, then people in it', async () => {
    const added = await api('POST', '/divisions', {
      as: 'ict.head',
      body: { id: 'climate', name: 'Climate Change Division' },
    });
    const officer = await api('POST', '/people', {
      as: 'ict.head',
      body: {
        id: 'climate.chief',
        name: 'Chief, Climate',
        email: 'climate.chief@necs.example',
        division: 'climate',
        roles: ['division_chief'],
      },
    });
    const bad = await api('POST', '/people', {
      as: 'ict.head',
      body: { id: 'Bad Id', name: 'x', email: 'not-an-address', roles: [] },
    });
    expect(added.status).toBe(201);
    expect(officer.status).toBe(201);
    expect(bad.status).toBe(400);
  });
});
