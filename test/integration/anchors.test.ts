import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain, DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { composeAnchors, localAnchorPlaces, type Anchors } from '../../adapters/anchors/compose.js';
import { anchorNow } from '../../application/anchors/anchoring.js';
import { AnchorLedger } from '../../application/anchors/ledger.js';
import { verifyAllAgainstAnchors } from '../../application/anchors/verification.js';
import { verifyStream } from '../../application/audit.js';
import { statementBytes } from '../../domain/anchors/anchor.js';
import type { RequestEvent } from '../../events/request-events.js';
import { createAnchorHeadsHandler } from '../../functions/anchor-heads/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { verifyProof } from '../../verifier/verify-proof.mjs';
import { freshTables } from '../support/dynamo.js';
import { runningClock } from '../support/clock.js';

const clock = runningClock();

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoEventStore;

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoEventStore(tables.doc, tables.names.events);
});
afterAll(() => tables.client.destroy());

/** A fresh anchor archive and key in a temporary `.data/`, over the shared tables. */
const freshAnchors = (): Anchors & { dir: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'anchors-'));
  return {
    ...composeAnchors({
      doc: tables.doc,
      eventsTable: tables.names.events,
      readModelTable: tables.names.readModels,
      ...localAnchorPlaces(dir),
      now: clock,
    }),
    dir,
  };
};
/** A reader's ledger over the same archive, with nothing cached (the API's, after a cold start). */
const freshLedgerOf = (a: Anchors) => new AnchorLedger(a.deps.archive);

const note = (text: string, i = 0): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: new Date(Date.UTC(2026, 10, 23, 4, i)).toISOString(),
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});

let streams = 0;
/** A new stream of `n` notes, with a name no other test uses. */
const newStream = async (n: number, prefix = 'request#NECS-2026-') => {
  const streamId = `${prefix}${String(10_000 + ++streams).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`;
  await store.append(
    streamId,
    Array.from({ length: n }, (_, i) => note(`note ${i}`, i)),
    undefined,
  );
  return streamId;
};

// ——— The insider: someone with write access to the events table, and the skill to keep a chain consistent ———

/** Rewrites a stream as a whole: every event re-hashed, the head recomputed; its own chain stays valid. */
const rewriteConsistently = async (streamId: string, edit: (events: RequestEvent[]) => RequestEvent[]) => {
  const { events } = await store.read(streamId);
  for (const e of events)
    await tables.doc.send(new DeleteCommand({ TableName: tables.names.events, Key: { streamId, version: e.version } }));
  const rewritten = edit(events.map((e) => e.event as RequestEvent));
  const items = chain(streamId, rewritten, undefined, clock().toISOString());
  for (const item of items) await tables.doc.send(new PutCommand({ TableName: tables.names.events, Item: item }));
  const last = items[items.length - 1];
  await tables.doc.send(
    new PutCommand({
      TableName: tables.names.events,
      Item: {
        streamId,
        version: 0,
        kind: 'head',
        headVersion: last?.version ?? 0,
        headHash: last?.hash,
        updatedAt: clock().toISOString(),
      },
    }),
  );
};
const changeNote = (at: number, text: string) => (events: RequestEvent[]) =>
  events.map((e, i) => (i === at ? ({ ...e, data: { text } } as RequestEvent) : e));
const truncateTo = (keep: number) => (events: RequestEvent[]) => events.slice(0, keep);

const deleteStream = async (streamId: string) => {
  const { events } = await store.read(streamId);
  for (const v of [0, ...events.map((e) => e.version)])
    await tables.doc.send(new DeleteCommand({ TableName: tables.names.events, Key: { streamId, version: v } }));
};

const verifyAll = (a: Anchors) =>
  verifyAllAgainstAnchors({ store, heads: a.heads, archive: a.deps.archive, signer: a.deps.signer });
const findingsOf = async (a: Anchors) =>
  Object.fromEntries((await verifyAll(a)).findings.map((f) => [f.streamId, f.problem]));

describe('anchors against an insider with write access to the events table', () => {
  it('a stream rewritten as a whole passes its own verify, and the anchored verify names it', async () => {
    // Prepare: a request anchored as it was
    const a = freshAnchors();
    const target = await newStream(3);
    await anchorNow(a.deps);
    // Act: the insider changes the second note and recomputes every hash and the head
    await rewriteConsistently(target, changeNote(1, 'the requester never called'));
    // Assess: the gap — the stream's own chain is consistent …
    expect(await verifyStream(store, target)).toEqual({
      valid: true,
      events: 3,
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // … but it no longer matches what the anchor committed to
    const result = await verifyAll(a);
    expect(result.findings.filter((f) => f.streamId === target)).toEqual([
      {
        streamId: target,
        problem: 'rewritten',
        reason: `its event 3 no longer has the hash anchor 1 committed to: the stream was rewritten`,
      },
    ]);
    expect(result.anchorProblems).toEqual([]);
    // and the next anchor does not launder it: it keeps the anchored head and reports the conflict
    const next = await anchorNow(a.deps, { full: true });
    expect(next.conflicts.map((c) => c.streamId)).toContain(target);
    expect((await findingsOf(a))[target]).toBe('rewritten');
  }, 60_000);

  it('names a stream deleted after anchoring, and one truncated after anchoring, and keeps them in later anchors', async () => {
    const a = freshAnchors();
    const gone = await newStream(2);
    const cut = await newStream(4);
    await anchorNow(a.deps);
    await deleteStream(gone);
    await rewriteConsistently(cut, truncateTo(2));
    expect((await verifyStream(store, cut))?.valid).toBe(true);
    expect(await findingsOf(a)).toMatchObject({ [gone]: 'deleted', [cut]: 'truncated' });
    const next = await anchorNow(a.deps, { full: true });
    expect(next.missing).toContain(gone);
    expect(next.conflicts.map((c) => c.streamId)).toContain(cut);
    expect(await findingsOf(a)).toMatchObject({ [gone]: 'deleted', [cut]: 'truncated' });
  }, 60_000);

  it('accepts honest appends after an anchor, in full and incremental anchors alike', async () => {
    const a = freshAnchors();
    const s = await newStream(2);
    await anchorNow(a.deps);
    const head = await store.readHead(s);
    await store.append(s, [note('later', 9)], head);
    expect((await findingsOf(a))[s]).toBeUndefined();
    // the stream consumer marks the changed head; the incremental anchor takes it from there
    const consumer = createAnchorHeadsHandler(a.heads);
    await consumer(
      {
        Records: [
          {
            eventID: '1',
            eventName: 'MODIFY',
            dynamodb: { Keys: { streamId: { S: s }, version: { N: '0' } }, NewImage: { kind: { S: 'head' } } },
          },
        ],
      } as never,
      lambdaContext('anchor-heads'),
    );
    expect((await a.heads.pending()).map((l) => l.streamId)).toContain(s);
    const run = await anchorNow(a.deps);
    expect(run.mode).toBe('incremental');
    expect(run.conflicts).toEqual([]);
    const proof = await a.ledger.proof(s, (await store.read(s)).events);
    expect(proof.leaf.version).toBe(3);
    expect(await a.heads.pending()).toEqual([]);
  }, 60_000);

  it('finds an anchor file altered on disk: its signature no longer verifies, and the chain breaks after it', async () => {
    const a = freshAnchors();
    await newStream(1);
    await anchorNow(a.deps);
    await anchorNow(a.deps);
    const file = join(a.dir, 'anchors', 'anchor-0000000001.json');
    chmodSync(file, 0o644);
    const anchor = JSON.parse(readFileSync(file, 'utf8'));
    anchor.statement.root = 'f'.repeat(64);
    writeFileSync(file, JSON.stringify(anchor));
    const problems = (await verifyAll(a)).anchorProblems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'anchor 1: the signature does not verify',
        'anchor 2: its previous-anchor hash does not match anchor 1',
      ]),
    );
    // nothing is chained onto a doctored latest anchor either
    const latest = join(a.dir, 'anchors', 'anchor-0000000002.json');
    chmodSync(latest, 0o644);
    const second = JSON.parse(readFileSync(latest, 'utf8'));
    second.statement.treeSize += 1;
    writeFileSync(latest, JSON.stringify(second));
    await expect(anchorNow(a.deps)).rejects.toThrow(/anchor 2 does not carry a valid signature/);
  }, 60_000);

  it('writes anchors once: files are created exclusively and read-only', async () => {
    const a = freshAnchors();
    await newStream(1);
    const run = await anchorNow(a.deps);
    await expect(a.deps.archive.put(run.anchor, [])).rejects.toThrow(/anchor 1 already exists/);
    expect(readdirSync(join(a.dir, 'anchors')).sort()).toEqual([
      'anchor-0000000001.json',
      'anchor-0000000001.leaves.jsonl',
      'anchor-key.pem',
    ]);
  }, 60_000);

  it('gives readers the key published beside the anchors, and publishes it again if it went missing after the first anchor', async () => {
    const a = freshAnchors();
    await newStream(1);
    expect(await a.ledger.publicKey()).toBeUndefined();
    const first = await anchorNow(a.deps);
    const published = await a.ledger.publicKey();
    expect(published?.keyId).toBe(first.anchor.statement.keyId);
    // A run that stopped between its two writes (the key, then the anchor) left no key: the next run mends it.
    const keyFile = join(a.dir, 'anchors', 'anchor-key.pem');
    const pem = readFileSync(keyFile, 'utf8');
    unlinkSync(keyFile);
    expect(await freshLedgerOf(a).publicKey()).toBeUndefined();
    await newStream(2);
    await anchorNow(a.deps);
    expect(readFileSync(keyFile, 'utf8')).toBe(pem);
    expect((await freshLedgerOf(a).publicKey())?.keyId).toBe(first.anchor.statement.keyId);
  }, 60_000);

  it('detects every random rewrite of random histories once anchored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.constantFrom('edit', 'truncate', 'delete', 'edit-and-extend', 'replace-last'),
        fc.nat(),
        async (lengths, pick, kind, where) => {
          // Prepare: random streams, anchored
          const a = freshAnchors();
          const ids: string[] = [];
          for (const n of lengths) ids.push(await newStream(n, 'prop#'));
          await anchorNow(a.deps);
          const target = ids[pick % ids.length] as string;
          const n = lengths[pick % ids.length] as number;
          // Act: one insider rewrite, each consistent in itself
          if (kind === 'delete' || (kind === 'truncate' && n === 1)) await deleteStream(target);
          else if (kind === 'truncate') await rewriteConsistently(target, truncateTo((where % (n - 1)) + 1));
          else if (kind === 'edit') await rewriteConsistently(target, changeNote(where % n, `rewritten ${where}`));
          else if (kind === 'edit-and-extend')
            await rewriteConsistently(target, (es) => [...changeNote(where % n, 'x')(es), note('covering up', 30)]);
          else await rewriteConsistently(target, (es) => [...es.slice(0, -1), note('replaced', 31)]);
          // Assess: the anchored verify names exactly that stream
          const findings = (await verifyAll(a)).findings.filter((f) => ids.includes(f.streamId));
          expect(findings.map((f) => f.streamId)).toEqual([target]);
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});

describe('evidence bundles', () => {
  let a: Anchors & { dir: string };
  let mine: string;
  let other: string;
  beforeAll(async () => {
    a = freshAnchors();
    mine = await newStream(3);
    other = await newStream(2);
    await anchorNow(a.deps);
  });
  const bundleOf = async (streamId: string) =>
    JSON.parse(JSON.stringify(await a.ledger.proof(streamId, (await store.read(streamId)).events)));

  it('verifies offline with the bundle alone, and with the key the auditor trusts', async () => {
    const bundle = await bundleOf(mine);
    const pem = await a.deps.signer.publicKeyPem();
    const report = verifyProof(bundle, { publicKeyPem: pem, streamId: mine });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.checks.join('\n')).toMatch(
      /3 events form an unbroken hash chain[\s\S]*is in the Merkle tree of anchor 1[\s\S]*is signed by that key/,
    );
  });

  it('refuses a proof for the wrong request, and one whose events were swapped for another request’s', async () => {
    const bundle = await bundleOf(mine);
    expect(verifyProof(bundle, { streamId: other }).problems).toContain(`the bundle is for ${mine}, not ${other}`);
    const theirs = await bundleOf(other);
    expect(verifyProof({ ...bundle, events: theirs.events }).valid).toBe(false);
    expect(
      verifyProof({ ...bundle, leaf: theirs.leaf, leafIndex: theirs.leafIndex, inclusionProof: theirs.inclusionProof })
        .problems[0],
    ).toMatch(/the anchored leaf is for .*, not/);
  });

  it('refuses a forged signature, a foreign key, and edited events or proof', async () => {
    const bundle = await bundleOf(mine);
    const trusted = await a.deps.signer.publicKeyPem();
    // another key signs a doctored statement and ships itself as the bundle's key
    const forger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const forgedStatement = { ...bundle.anchor.statement, anchoredAt: '2030-01-01T00:00:00.000Z' };
    const forged = {
      ...bundle,
      anchor: {
        statement: forgedStatement,
        signature: {
          algorithm: 'ECDSA_P256_SHA256',
          value: sign('sha256', statementBytes(forgedStatement), forger.privateKey).toString('base64'),
        },
      },
    };
    expect(verifyProof(forged).problems).toContain('the signature of anchor 1 does not verify');
    const ownKey = { ...forged, publicKey: { pem: forger.publicKey.export({ type: 'spki', format: 'pem' }) } };
    expect(verifyProof(ownKey).problems).toContain('the public key is not the key the anchor names');
    expect(verifyProof(ownKey, { publicKeyPem: trusted }).problems).toContain(
      'the public key is not the key you trust (--key)',
    );
    // edited event data, and a doctored inclusion proof
    const edited = structuredClone(bundle);
    edited.events[1].data.text = 'never happened';
    expect(verifyProof(edited).problems).toEqual(['event 2 does not match its hash']);
    const badPath = { ...bundle, inclusionProof: ['0'.repeat(64), ...bundle.inclusionProof.slice(1)] };
    expect(verifyProof(badPath).problems).toEqual(['the inclusion proof does not lead to the root of anchor 1']);
  });
});
