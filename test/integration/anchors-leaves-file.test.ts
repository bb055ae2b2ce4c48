import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeAnchors, localAnchorPlaces } from '../../adapters/anchors/compose.js';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { anchorNow } from '../../application/anchors/anchoring.js';
import { verifyAllAgainstAnchors } from '../../application/anchors/verification.js';
import type { RequestEvent } from '../../events/request-events.js';
import { fixedClock } from '../support/clock.js';
import { assignedRequest } from '../support/request-spec.js';
import { freshTables } from '../support/dynamo.js';

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoEventStore;
const dir = mkdtempSync(join(tmpdir(), 'anchors-leaves-'));
const clock = fixedClock(new Date('2026-11-23T11:30:00.000Z'));

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoEventStore(tables.doc, tables.names.events);
});
afterAll(() => {
  tables.client.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const note = (text: string): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});

const desk = fileURLToPath(new URL('../../bin/desk.js', import.meta.url));
const runDesk = (...args: string[]) =>
  spawnSync(process.execPath, [desk, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DYNAMODB_ENDPOINT: tables.endpoint,
      EVENTS_TABLE: tables.names.events,
      READ_MODEL_TABLE: tables.names.readModels,
      DESK_DATA_DIR: dir,
    },
  });
const verifyAllWithDesk = () => runDesk('verify', '--all');

describe('the leaves file beside an anchor', () => {
  it('is reported by desk verify --all once its leaf hashes no longer produce the signed Merkle root', async () => {
    // Prepare: a request (its list entry current) and two other streams, anchored; the archive is sound
    const anchors = composeAnchors({
      doc: tables.doc,
      eventsTable: tables.names.events,
      readModelTable: tables.names.readModels,
      ...localAnchorPlaces(dir),
      now: clock.now,
    });
    await store.append('request#NECS-2026-00001', [...assignedRequest(), note('note 1')], undefined);
    // two more streams of another kind (no list entry of their own), so the tree has leaves to edit
    for (const n of [2, 3]) await store.append(`notes#${n}`, [note(`note ${n}`)], undefined);
    // the lists follow the events (verify --all also reports a list entry behind its events)
    expect(runDesk('rebuild-projections').status).toBe(0);
    await anchorNow(anchors.deps);
    const verifyAll = () =>
      verifyAllAgainstAnchors({
        store,
        heads: anchors.heads,
        archive: anchors.deps.archive,
        signer: anchors.deps.signer,
      });
    expect((await verifyAll()).anchorProblems).toEqual([]);
    const sound = verifyAllWithDesk();
    expect(sound.stdout).toMatch(/signatures and links valid/);
    expect(sound.status).toBe(0);

    // Act: someone edits one leaf's hash in the leaves file (the anchor file and its signature untouched)
    const file = join(dir, 'anchors', 'anchor-0000000001.leaves.jsonl');
    chmodSync(file, 0o644);
    const lines = readFileSync(file, 'utf8').split('\n');
    const [streamId, version] = JSON.parse(lines[1] as string) as [string, number, string];
    lines[1] = JSON.stringify([streamId, version, 'e'.repeat(64)]);
    writeFileSync(file, lines.join('\n'));

    // Assess: the archive check, and the CLI, name the anchor whose leaves no longer hash to its root
    expect((await verifyAll()).anchorProblems).toContain('anchor 1: its leaves do not hash to its signed root');
    const tampered = verifyAllWithDesk();
    expect(tampered.stdout).toContain('ANCHOR PROBLEM: anchor 1: its leaves do not hash to its signed root');
    expect(tampered.status).toBe(1);
  }, 60_000);
});
