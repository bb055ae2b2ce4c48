import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

const desk = fileURLToPath(new URL('../../bin/desk.js', import.meta.url));
let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  await api('GET', '/people', { as: 'ict.head' }); // the running stack seeds its directory
}, 60_000);
afterAll(async () => stack.stop());

/** Runs `desk` against the running stack's tables, as an operator would (asynchronously: the API keeps serving). */
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [desk, ...args], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
        EVENTS_TABLE: stack.tableNames.events,
        READ_MODEL_TABLE: stack.tableNames.readModels,
        DESK_DATA_DIR: stack.dataDir,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('desk people, against the running stack (no restart)', () => {
  it('adds, appoints, sends on leave and deactivates; the API follows at once', async () => {
    // Act
    const added = await run(
      'people',
      'add',
      'gis.officer',
      '--name',
      'Karma Dema',
      '--email',
      'gis.officer@necs.example',
      '--roles',
      'division_officer',
      '--division',
      'ppd',
      '--as',
      'ict.head',
    );
    const actsAsOfficer = await api('GET', '/requests', { as: 'gis.officer' });
    const appointed = await run(
      'people',
      'appoint',
      'gis.officer',
      '--roles',
      'division_officer,spokesperson',
      '--order',
      'NECS/ADM/2026/120',
      '--as',
      'ict.head',
    );
    const leave = await run(
      'people',
      'leave',
      'spokesperson.ppd',
      '--from',
      stack.clock.now().toISOString(),
      '--to',
      '2099-01-31',
      '--delegate',
      'gis.officer',
      '--as',
      'spokesperson.ppd',
    );
    const deactivated = await run(
      'people',
      'deactivate',
      'gis.officer',
      '--reason',
      'contract ended',
      '--as',
      'ict.head',
    );
    const afterwards = await api('GET', '/requests', { as: 'gis.officer' });
    const listed = await run('people', 'list', '--json');
    // Assess
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(actsAsOfficer.status).toBe(200);
    expect(appointed.status).toBe(0);
    expect(leave.status).toBe(0);
    expect(deactivated.status).toBe(0);
    expect(afterwards.status).toBe(401);
    const people = (
      JSON.parse(listed.stdout) as { people: { id: string; active: boolean; roles: string[]; leave?: unknown }[] }
    ).people;
    expect(people.find((p) => p.id === 'gis.officer')).toMatchObject({
      active: false,
      roles: ['division_officer', 'spokesperson'],
    });
    expect(people.find((p) => p.id === 'spokesperson.ppd')?.leave).toMatchObject({ delegateTo: 'gis.officer' });
  }, 60_000);

  it('refuses a change by a non-admin with a one-line reason and exit 1', async () => {
    const out = await run('people', 'deactivate', 'auditor', '--reason', 'x', '--as', 'ppd.chief');
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([
      'desk: FORBIDDEN: ppd.chief is not an admin: only admins change the directory',
    ]);
  }, 30_000);

  it('imports an office from CSV with progress, reporting rows it refuses', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'desk-people-'));
    const csv = join(dir, 'climate.csv');
    writeFileSync(
      csv,
      'id,name,email,division,roles\nclim.a,Dawa,clim.a@necs.example,ppd,division_officer\nclim.b,"Tshering, P.",clim.b@necs.example,ppd,division_officer;spokesperson\nclim.c,Bad,ppd.chief@necs.example,ppd,division_officer\n',
    );
    // Act
    const out = await run('people', 'add', '--csv', csv, '--as', 'ict.head');
    // Assess
    expect(out.stdout).toContain('[1/3] added clim.a');
    expect(out.stdout).toContain('[2/3] added clim.b');
    expect(out.stdout).toContain('[3/3] refused clim.c: ALREADY_EXISTS');
    expect(out.stdout).toContain('2 added, 1 refused of 3');
    expect(out.status).toBe(1);
  }, 60_000);
});
