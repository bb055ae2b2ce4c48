import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { requestHistory, verifyStream } from '../../application/audit.js';
import { projectStream } from '../../application/projector.js';
import { requestStreamId } from '../../application/request-commands.js';
import type { LoadedAgency } from '../../config/load.js';
import { parseReference } from '../../domain/request/reference.js';
import { deskTarget, type DeskTarget } from './context.js';
import { sweepStreams } from './stream-sweep.js';

const referenceOf = (ref: string): string => {
  if (!parseReference(ref)) throw new Error(`${ref} is not a reference number (<PREFIX>-<YYYY>-<NNNNN>)`);
  return ref;
};

const withTarget = async <T>(agency: () => LoadedAgency, run: (target: DeskTarget) => Promise<T>): Promise<T> => {
  const target = deskTarget(agency().config.calendar.timeZone);
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
          const who = e.actor.kind === 'user' ? `${e.actor.userId} (${e.actor.role}${e.actor.actingFor ? `, acting for ${e.actor.actingFor}` : ''})` : `system:${e.actor.component}`;
          console.log(`${String(e.version).padStart(4)}  ${e.occurredAt}  ${e.type.padEnd(26)} ${who}  ${e.hash.slice(0, 12)}`);
        }
        const s = history.state;
        console.log(s.status === 'none' ? 'state: none' : `state${opts.asOf ? ` as of ${opts.asOf}` : ''}: ${s.status}, division ${s.division ?? '—'}, due ${s.dueAt}`);
      }),
    );

  program
    .command('verify [ref]')
    .description('check the hash chain of one request, or of all with --all')
    .option('--all', 'verify every request')
    .action((ref: string | undefined, opts: { all?: boolean }) =>
      withTarget(agency, async ({ store }) => {
        if (!ref && !opts.all) throw new Error('name a reference or pass --all');
        const ids: string[] = [];
        if (opts.all) for await (const id of store.listStreams('request#')) ids.push(id);
        else ids.push(requestStreamId(referenceOf(ref as string)));
        const bar = opts.all && process.stderr.isTTY ? new SingleBar({ stream: process.stderr }, Presets.shades_classic) : undefined;
        bar?.start(ids.length, 0);
        let broken = 0;
        const unreadable = await sweepStreams(
          ids,
          async (id) => {
            const result = await verifyStream(store, id);
            bar?.increment();
            if (!result) throw new Error(`no request ${id.slice('request#'.length)}`);
            if (!result.valid) {
              broken++;
              console.log(`${id.slice('request#'.length)}: BROKEN at version ${result.brokenAt}: ${result.reason}`);
            } else if (!opts.all) {
              console.log(`${id.slice('request#'.length)}: valid, ${result.events} events, head ${result.head}`);
            }
          },
          (f) => console.log(`${f.streamId.slice('request#'.length)}: UNREADABLE: ${f.reason}`),
        );
        bar?.stop();
        if (opts.all) console.log(`${ids.length - broken - unreadable.length} of ${ids.length} requests valid${unreadable.length ? `, ${unreadable.length} unreadable` : ''}`);
        if (!opts.all && unreadable.length > 0) throw new Error(unreadable[0]?.reason);
        if (broken > 0 || unreadable.length > 0) process.exitCode = 1;
      }),
    );

  program
    .command('rebuild-projections')
    .description('rebuild every read model from the events')
    .action(() =>
      withTarget(agency, async ({ store, projector }) => {
        const ids: string[] = [];
        // Requests and received mail (the holding pen) have read models.
        for (const prefix of ['request#', 'mail#', 'website#']) for await (const id of store.listStreams(prefix)) ids.push(id);
        const bar = new SingleBar({ stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
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
        console.log(`rebuilt the read models of ${done.filter((i) => i.startsWith('request#')).length} requests, ${done.filter((i) => i.startsWith('mail#')).length} received mails and ${done.filter((i) => i.startsWith('website#')).length} website updates`);
        if (failures.length > 0) {
          console.log(`${failures.length} streams could not be rebuilt: ${failures.map((f) => f.streamId).join(', ')}`);
          process.exitCode = 1;
        }
      }),
    );
};
