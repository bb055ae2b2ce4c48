import { describe, expect, it } from '@jest/globals';
import { submit, type PortalDeps } from '../../../application/portal/portal.js';
import type { StoredSubmission, SubmissionStore } from '../../../application/portal/submission-store.js';
import { MAX_SUBMISSIONS_PER_IP_PER_DAY } from '../../../domain/portal/submission-rules.js';
import { necs } from '../../support/agency.js';
import type { PortalConfirmationJob } from '../../../application/mail-jobs.js';

/** The store's contract in memory: counters that refuse past their maximum. */
const memoryStore = (): SubmissionStore => {
  const counters = new Map<string, number>();
  const items = new Map<string, StoredSubmission>();
  return {
    take: async (key, max) => {
      const n = counters.get(key) ?? 0;
      if (n >= max) return false;
      counters.set(key, n + 1);
      return true;
    },
    release: async (key) => void counters.set(key, Math.max(0, (counters.get(key) ?? 0) - 1)),
    put: async (hash, pending) => void items.set(hash, { pending }),
    get: async (hash) => items.get(hash),
    markConfirmed: async () => true,
  };
};

/** Deps whose confirmation queue records the tokens queued. */
const depsWith = (queued: string[]): PortalDeps =>
  ({
    submissions: memoryStore(),
    agency: necs,
    secret: 'k',
    baseUrl: 'http://portal.example/portal',
    queueConfirmation: async (job: PortalConfirmationJob) => void queued.push(job.token),
  }) as unknown as PortalDeps;

const asking = (email: string) => ({ name: 'N', email, subject: 'S', body: 'B' });
const NOW = '2026-11-23T03:00:00.000Z';

describe('the portal’s submission limits', () => {
  it('refuses a flood from one network address past its daily limit, queuing no more confirmation mail', async () => {
    const sent: string[] = [];
    const deps = depsWith(sent);
    const outcomes = [];
    for (let i = 0; i <= MAX_SUBMISSIONS_PER_IP_PER_DAY; i++)
      outcomes.push(await submit(deps, asking(`p${i}@example.bt`), { now: NOW, sourceIp: '203.0.113.9' }));
    expect(outcomes.filter((o) => o === 'confirmation_sent')).toHaveLength(MAX_SUBMISSIONS_PER_IP_PER_DAY);
    expect(outcomes.at(-1)).toBe('too_many');
    expect(sent).toHaveLength(MAX_SUBMISSIONS_PER_IP_PER_DAY);
    // Another network address is not held back by it.
    expect(await submit(deps, asking('q@example.bt'), { now: NOW, sourceIp: '198.51.100.7' })).toBe(
      'confirmation_sent',
    );
  });

  it('counts one address’s unconfirmed submissions per agency day: the next day starts afresh', async () => {
    const deps = depsWith([]);
    for (let i = 0; i < 5; i++)
      expect(await submit(deps, asking('same@example.bt'), { now: NOW })).toBe('confirmation_sent');
    expect(await submit(deps, asking('Same@Example.bt'), { now: NOW })).toBe('too_many');
    expect(await submit(deps, asking(' same@example.bt '), { now: NOW })).toBe('too_many');
    expect(await submit(deps, asking('same@example.bt'), { now: '2026-11-24T03:00:00.000Z' })).toBe(
      'confirmation_sent',
    );
  });
});
