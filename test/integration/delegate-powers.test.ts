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

const DAY = 86_400_000;

describe('a stand-in for the admin during a short leave', () => {
  it('cannot make themself admin nor create an admin account, and holds no admin power once the leave is over', async () => {
    // Prepare: the ICT chief (the admin) is away for two days; a PPD officer stands in
    const now = stack.clock.now();
    const leave = await api('POST', '/people/ict.head/leave', {
      as: 'ict.head',
      body: { from: now.toISOString(), to: new Date(now.getTime() + 2 * DAY).toISOString(), delegateTo: 'ppd.officer' },
    });
    // Act
    const selfPromotion = await api('POST', '/people/ppd.officer/roles', {
      as: 'ppd.officer',
      body: { roles: ['division_officer', 'admin'] },
    });
    const newAdmin = await api('POST', '/people', {
      as: 'ppd.officer',
      body: { id: 'shadow.admin', name: 'Shadow', email: 'shadow.admin@necs.example', roles: ['admin'] },
    });
    const passedOn = await api('POST', '/people/ict.head/leave', {
      as: 'ppd.officer',
      body: { from: now.toISOString(), to: new Date(now.getTime() + DAY).toISOString(), delegateTo: 'legal.officer' },
    });
    const holiday = await api('POST', '/calendar/holidays', {
      as: 'ppd.officer',
      body: { date: '2026-11-27', name: 'Invented day' },
    });
    stack.clock.moveTo(new Date(now.getTime() + 3 * DAY));
    const people = await api('GET', '/people', { as: 'auditor' });
    const shadowSignIn = await api('GET', '/me', { as: 'shadow.admin' });
    // Assess
    expect(leave.status).toBe(201);
    expect(selfPromotion.status).toBe(403);
    expect(selfPromotion.body.error?.message).toMatch(/stands in for ict.head/);
    expect(newAdmin.status).toBe(403);
    expect(passedOn.status).toBe(403);
    expect(holiday.status).toBe(403);
    const admins = (people.body.people as { id: string; roles: string[] }[])
      .filter((p) => p.roles.includes('admin'))
      .map((p) => p.id);
    expect(admins).toEqual(['ict.head']);
    expect(shadowSignIn.status).toBe(401);
  });
});
