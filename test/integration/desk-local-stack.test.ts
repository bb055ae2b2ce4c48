import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const desk = fileURLToPath(new URL('../../bin/desk.js', import.meta.url));
/** The CLI as someone runs it beside `npm start -- --in-memory`: from a directory of their own, naming no data directory. */
const run = (cwd: string, ...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
      EVENTS_TABLE: stack.tableNames.events,
      READ_MODEL_TABLE: stack.tableNames.readModels,
      DESK_API_URL: stack.apiUrl,
    };
    delete env.DESK_DATA_DIR;
    // Asynchronous: the stack answering the CLI runs in this very process.
    execFile(process.execPath, [desk, ...args], { cwd, env, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('the CLI and the stack it talks to agree on where anchors live', () => {
  it('anchors into the stack’s own anchors (not ./.data), proves from them, and the bundle verifies against the stack’s key', async () => {
    // Prepare: a request, and a working directory with no .data of its own
    const ref = (
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
    await stack.settle();
    const cwd = mkdtempSync(join(tmpdir(), 'desk-cwd-'));
    // Act
    const anchored = await run(cwd, 'anchor');
    const listed = await api('GET', '/anchors');
    const file = join(cwd, `${ref}.proof.json`);
    const proved = await run(cwd, 'proof', ref, '--out', file);
    const checked = await run(cwd, 'verify-proof', file, '--key', join(stack.dataDir, 'anchors', 'anchor-key.pem'));
    const verified = await run(cwd, 'verify', '--all');
    // Assess
    expect(anchored.status).toBe(0);
    expect(anchored.stdout).not.toContain('does not continue its anchored head');
    expect((listed.body.anchors as { sequence: number }[]).map((a) => a.sequence)).toEqual([1]);
    expect(existsSync(join(cwd, '.data'))).toBe(false);
    expect(proved.stdout).toContain(`against anchor 1`);
    expect(checked.status).toBe(0);
    expect(verified.status).toBe(0);
  }, 120_000);
});

describe('a projection that failed is visible and repaired', () => {
  it('desk verify --all names a request whose list entry is behind its events; desk rebuild-projections repairs it', async () => {
    // Prepare: a request whose last event the projector has not applied (as when its transaction failed)
    const ref = (
      await api('POST', '/requests', {
        as: 'ict.officer',
        body: {
          channel: 'letter',
          requester: { name: 'Pema', kind: 'public' },
          subject: 'Water permits',
          body: 'Please.',
        },
      })
    ).body.id as string;
    await stack.settle();
    expect(
      (await api('POST', `/requests/${ref}/assign`, { as: 'ict.officer', body: { division: 'legal' } })).status,
    ).toBe(200);
    const cwd = mkdtempSync(join(tmpdir(), 'desk-cwd-'));
    // Act
    const before = await run(cwd, 'verify', '--all');
    const rebuilt = await run(cwd, 'rebuild-projections');
    const after = await run(cwd, 'verify', '--all');
    // Assess
    expect(before.status).toBe(1);
    expect(before.stdout).toContain(
      `${ref}: PROJECTION BEHIND: the lists show version 1 of 2 (desk rebuild-projections repairs it)`,
    );
    expect(rebuilt.status).toBe(0);
    expect(after.stdout).not.toContain('PROJECTION BEHIND');
    expect(after.stdout).toContain('every list entry is up to date with its events');
    expect(after.status).toBe(0);
  }, 120_000);
});
