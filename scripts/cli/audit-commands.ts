import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { requestHistory, verifiedRead } from '../../application/audit.js';
import { projectedKinds, projectStream } from '../../application/projector.js';
import { projectionsBehind } from '../../application/projection-lag.js';
import { REQUEST_KIND, requestStreamId } from '../../application/request/commands.js';
import { idOfStream, kindOfStream } from '../../domain/shared/stream-id.js';
import type { LoadedAgency } from '../../config/load.js';
import { parseReference } from '../../domain/request/reference.js';
import { openDeskTarget, type DeskTarget } from './context.js';
import type { Anchors } from '../../adapters/anchors/compose.js';
import { verifyAllAgainstAnchors } from '../../application/anchors/verification.js';
import { sweepStreams } from './stream-sweep.js';

export const referenceOf = (ref: string): string => {
  if (!parseReference(ref)) throw new Error(`${ref} is not a reference number (<PREFIX>-<YYYY>-<NNNNN>)`);
  return ref;
};

/** A stream's name for people: the reference for a request, the stream id otherwise. */
const nameOf = (streamId: string) => idOfStream(REQUEST_KIND, streamId);
const isRequest = (streamId: string) => kindOfStream(streamId) === REQUEST_KIND;

const LABELS = {
  deleted: 'DELETED',
  truncated: 'TRUNCATED',
  rewritten: 'REWRITTEN',
  unreadable: 'UNREADABLE',
} as const;

/** `desk verify --all`: every stream, against its own chain and the latest anchor; exit 1 on any finding. */
const verifyAll = async (
  store: DeskTarget['store'],
  anchors: Anchors,
  readModels: DeskTarget['reportDeps']['readModels'],
): Promise<void> => {
  const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr }, Presets.shades_classic) : undefined;
  let started = false;
  const result = await verifyAllAgainstAnchors(
    { store, heads: anchors.heads, archive: anchors.deps.archive, signer: anchors.deps.signer },
    (done, total) => {
      if (!started) bar?.start(total, 0);
      started = true;
      bar?.update(done);
    },
  );
  bar?.stop();
  for (const p of result.anchorProblems) console.log(`ANCHOR PROBLEM: ${p}`);
  for (const f of result.findings) {
    if (f.problem === 'chain-broken')
      console.log(`${nameOf(f.streamId)}: BROKEN at version ${f.brokenAt ?? '?'}: ${f.reason}`);
    else console.log(`${nameOf(f.streamId)}: ${LABELS[f.problem]}: ${f.reason}`);
  }
  const latest = result.latest?.statement;
  const requests = result.ids.filter(isRequest);
  const broken = (id: string) => result.findings.some((f) => f.streamId === id);
  const unreadable = result.findings.filter((f) => f.problem === 'unreadable' && isRequest(f.streamId)).length;
  console.log(
    `${requests.filter((id) => !broken(id)).length} of ${requests.length} requests valid${unreadable ? `, ${unreadable} unreadable` : ''}`,
  );
  console.log(`${result.streams - result.findings.length} of ${result.streams} streams of every kind valid`);
  console.log(
    latest
      ? `checked against anchor ${latest.sequence} of ${latest.anchoredAt} (${result.anchored} streams anchored) and the chain of ${latest.sequence} anchors: ${result.anchorProblems.length === 0 ? 'signatures and links valid' : `${result.anchorProblems.length} problems`}`
      : "no anchor yet: only each stream's own chain was checked (desk anchor writes one)",
  );
  // A projection that failed leaves the lists showing an old state: said here, repaired by rebuild-projections.
  const behind = await projectionsBehind(await anchors.heads.all(), readModels);
  for (const p of behind)
    console.log(
      `${nameOf(p.streamId)}: PROJECTION BEHIND: the lists show version ${p.applied} of ${p.head} (desk rebuild-projections repairs it)`,
    );
  console.log(
    behind.length === 0
      ? 'every list entry is up to date with its events'
      : `${behind.length} list entries behind their events`,
  );
  if (result.findings.length > 0 || result.anchorProblems.length > 0 || behind.length > 0) process.exitCode = 1;
};

export const withTarget = async <T>(
  agency: () => LoadedAgency,
  run: (target: DeskTarget) => Promise<T>,
): Promise<T> => {
  const target = await openDeskTarget(agency().config.calendar.timeZone);
  try {
    return await run(target);
  } finally {
    target.close();
  }
};

/** `desk history`, `desk verify`, `desk rebuild-projections`. */
export const registerAuditCommands = (program: Command, agency: () => LoadedAgency): void => {
  program
    .command('history <ref>')
    .description('the ordered events of a request and the state folded from them')
    .option('--as-of <iso>', 'the request as it stood at this instant')
    .option('--json', 'print JSON')
    .action((ref: string, opts: { asOf?: string; json?: boolean }) =>
      withTarget(agency, async ({ store }) => {
        const history = await requestHistory(store, requestStreamId(referenceOf(ref)), opts.asOf);
        if (!history) throw new Error(`no request ${ref}`);
        if (opts.json) return console.log(JSON.stringify(history, null, 2));
        for (const e of history.events) {
          const who =
            e.actor.kind === 'user'
              ? `${e.actor.userId} (${e.actor.role}${e.actor.actingFor ? `, acting for ${e.actor.actingFor}` : ''})`
              : `system:${e.actor.component}`;
          console.log(
            `${String(e.version).padStart(4)}  ${e.occurredAt}  ${e.type.padEnd(26)} ${who}  ${e.hash.slice(0, 12)}`,
          );
        }
        const s = history.state;
        console.log(
          s.status === 'none'
            ? 'state: none'
            : `state${opts.asOf ? ` as of ${opts.asOf}` : ''}: ${s.status}, division ${s.division ?? '—'}, due ${s.dueAt}`,
        );
      }),
    );

  program
    .command('verify [ref]')
    .description(
      'check the hash chain of one request, or of every stream with --all, and each against the latest anchor',
    )
    .option('--all', 'verify every stream in the events table, every anchor and the chain of anchors')
    .action((ref: string | undefined, opts: { all?: boolean }) =>
      withTarget(agency, async ({ store, anchors, reportDeps }) => {
        if (!ref && !opts.all) throw new Error('name a reference or pass --all');
        if (opts.all) return verifyAll(store, anchors(), reportDeps.readModels);
        const id = requestStreamId(referenceOf(ref as string));
        // One read: the chain is checked as it is read, and the same events are compared with the anchor.
        const verified = await verifiedRead(store, id);
        if (!verified) throw new Error(`no request ${ref}`);
        const result = verified.verification;
        if (!result.valid) {
          console.log(`${ref}: BROKEN at version ${result.brokenAt}: ${result.reason}`);
          process.exitCode = 1;
          return;
        }
        const standing = await anchors().ledger.standing(id, verified.events);
        if (standing && !standing.matches) {
          console.log(`${ref}: NOT AS ANCHORED: ${standing.reason}`);
          process.exitCode = 1;
          return;
        }
        const anchored = standing
          ? `; as anchored in anchor ${standing.sequence} (${standing.anchoredAt}) at version ${standing.version}`
          : '; not anchored yet';
        console.log(`${ref}: valid, ${result.events} events, head ${result.head}${anchored}`);
      }),
    );

  program
    .command('rebuild-projections')
    .description('rebuild every read model from the events')
    .action(() =>
      withTarget(agency, async ({ store, projector }) => {
        const ids: string[] = [];
        // Every kind the projector keeps read models of: the registered workflows and received mail (the holding pen).
        for (const kind of projectedKinds()) for await (const id of store.listStreams(`${kind}#`)) ids.push(id);
        const bar = new SingleBar(
          { stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000 },
          Presets.shades_classic,
        );
        bar.start(ids.length, 0);
        const failures = await sweepStreams(
          ids,
          async (id) => {
            await projectStream(projector, id, true);
            bar.increment();
          },
          (f) => console.error(`\n${f.streamId}: could not rebuild: ${f.reason}`),
        );
        bar.stop();
        const done = ids.filter((i) => !failures.some((f) => f.streamId === i));
        const count = (kind: string) => done.filter((i) => kindOfStream(i) === kind).length;
        console.log(
          `rebuilt the read models of ${count('request')} requests and ${count('mail')} received mails (and ${count('website')} website updates, ${count('social-account') + count('social-incident')} social media accounts and incidents)`,
        );
        if (failures.length > 0) {
          console.log(`${failures.length} streams could not be rebuilt: ${failures.map((f) => f.streamId).join(', ')}`);
          process.exitCode = 1;
        }
      }),
    );
};
