import { describe, expect, it } from '@jest/globals';
import { command, given, answeredRequest } from '../../support/request-spec.js';

describe('archiving: topic limits apply after normalisation', () => {
  const archive = (topics: string[]) =>
    command('ArchiveRequest', { topics, publishable: false }, 'ict.officer', '2026-11-25T10:00:00+06:00');

  it('refuses a topic that grows past 100 characters when lower-cased ("İ" × 60 is 120)', () => {
    given(answeredRequest())
      .when(archive(['İ'.repeat(60)]))
      .thenRefused('INVALID_INPUT', /at most 100 characters once lower-cased/);
  });

  it('keeps a topic of exactly 100 characters once lower-cased', () => {
    given(answeredRequest())
      .when(archive(['İ'.repeat(50)]))
      .then([
        expect.objectContaining({ type: 'RequestArchived', data: { topics: ['i̇'.repeat(50)], publishable: false } }),
      ]);
  });
});
