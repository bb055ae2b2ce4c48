import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const desk = fileURLToPath(new URL('../../../bin/desk.js', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [desk, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

describe('desk due-date', () => {
  it('prints the due date as ISO-8601', () => {
    const out = run('due-date', '--received', '2026-11-20T10:00:00+06:00');
    expect(out.status).toBe(0);
    expect(out.stdout).toBe('2026-11-27T17:00:00+06:00\n');
  });

  it('explains the count with --explain', () => {
    const out = run('due-date', '--received', '2026-11-20T18:00:00+06:00', '--explain');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('2026-11-20 Fri  skipped   received after close of office (17:00)');
    expect(out.stdout).toContain('2026-11-30 Mon  counted   working day 5 of 5');
  });

  it('exits non-zero with a one-line reason for a bad date', () => {
    const out = run('due-date', '--received', 'tomorrow');
    expect(out.status).not.toBe(0);
    expect(out.stderr.trim().split('\n')).toEqual([
      'desk: not an ISO-8601 date-time: tomorrow (the input "tomorrow" can\'t be parsed as ISO 8601)',
    ]);
  });
});
