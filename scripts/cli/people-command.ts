import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { DirectoryService } from '../../application/directory/service.js';
import {
  AppointmentInput,
  AsOfQuery,
  DeactivationInput,
  LeaveInput,
  NewPersonInput,
  addPerson,
  appoint,
  asOfInstant,
  deactivate,
  grantLeave,
  type NewPersonInput as NewPerson,
} from '../../application/people-input.js';
import type { LoadedAgency } from '../../config/load.js';
import type { Actor } from '../../domain/agency/actor.js';
import type { PersonView } from '../../domain/agency/directory.js';
import { DomainError } from '../../domain/shared/errors.js';
import { openDeskTarget } from './context.js';

const list = (value: string | undefined): string[] => (value ?? '').split(/[;,\s]+/).filter((s) => s.length > 0);

/** Turns zod's and the directory's refusals into the one-line reason the CLI prints. */
const reason = (err: unknown): string => {
  if (err instanceof z.ZodError)
    return err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
  if (err instanceof DomainError) return `${err.code}: ${err.message}`;
  return (err as Error).message;
};

const line = (p: PersonView): string =>
  [
    p.id.padEnd(22),
    (p.division ?? '—').padEnd(8),
    p.roles.join(',').padEnd(30),
    p.active ? '' : 'DEACTIVATED ',
    p.leave ? `on leave until ${p.leave.to}, delegate ${p.leave.delegateTo} ` : '',
    p.order ? `(${p.order})` : '',
  ]
    .join(' ')
    .trimEnd();

/** Reads people from a CSV with a header `id,name,email,division,roles` (roles separated by `;` or spaces). */
export const readPeopleCsv = (text: string): NewPerson[] => {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const parsed = NewPersonInput.safeParse({
      id: row.id,
      name: row.name,
      email: row.email,
      roles: list(row.roles),
      ...(row.division ? { division: row.division } : {}),
    });
    if (!parsed.success) throw new Error(`line ${i + 2}: ${reason(parsed.error)}`);
    return parsed.data;
  });
};

/**
 * `desk people list|add|appoint|leave|deactivate`: the same application service and rules as the API
 * (`DirectoryService` and the directory decider), acting as the person named by `--as` (or `DESK_USER`).
 */
export const registerPeople = (program: Command, agency: () => LoadedAgency): void => {
  const people = program.command('people').description("the agency's people, roles and leave (run-time data)");

  const withDirectory = async <T>(
    run: (directory: DirectoryService, zone: string, now: () => Date) => Promise<T>,
  ): Promise<T> => {
    const { config } = agency();
    const target = await openDeskTarget(config.calendar.timeZone);
    try {
      return await run(new DirectoryService(target.store, config, target.now), config.calendar.timeZone, target.now);
    } finally {
      target.close();
    }
  };

  /** The signed-in person the change is made as; refused for someone not (or no longer) in the directory. */
  const actorOf = async (
    directory: DirectoryService,
    as: string | undefined,
    now: () => Date,
  ): Promise<{ now: string; actor: Actor }> => {
    const who = as ?? process.env.DESK_USER;
    if (!who) throw new Error('say who is making the change: --as <userId> (or DESK_USER)');
    const actor = (await directory.current()).actorFor(who);
    if (!actor) throw new Error(`${who} is not an active member of the agency`);
    return { now: now().toISOString(), actor };
  };

  const change = (run: (directory: DirectoryService, zone: string, now: () => Date) => Promise<void>) => () =>
    withDirectory(async (directory, zone, now) => {
      try {
        await run(directory, zone, now);
      } catch (err) {
        throw new Error(reason(err));
      }
    });

  people
    .command('list')
    .description('everyone, with roles and division, as of now or --as-of')
    .option('--as-of <when>', 'the directory as it stood then (ISO instant, or a date: its end)')
    .option('--json', 'print JSON')
    .action((opts: { asOf?: string; json?: boolean }) =>
      withDirectory(async (directory, zone, now) => {
        const asOf = opts.asOf === undefined ? undefined : AsOfQuery.parse(opts.asOf);
        const at = asOfInstant(asOf, now().toISOString(), zone);
        const everyone = (await directory.asOf(at)).everyone();
        if (opts.json) return console.log(JSON.stringify({ asOf: at, people: everyone }, null, 2));
        for (const p of everyone) console.log(line(p));
      }),
    );

  people
    .command('add [id]')
    .description('add a person (or everyone in --csv, with progress)')
    .option('--name <name>')
    .option('--email <address>')
    .option('--roles <roles>', 'comma-separated roles')
    .option('--division <id>')
    .option('--csv <file>', 'a CSV with header id,name,email,division,roles')
    .option('--as <userId>', 'the admin making the change')
    .action(
      (
        id: string | undefined,
        opts: { name?: string; email?: string; roles?: string; division?: string; csv?: string; as?: string },
      ) =>
        change(async (directory, _zone, now) => {
          const batch = opts.csv
            ? readPeopleCsv(readFileSync(opts.csv, 'utf8'))
            : [
                NewPersonInput.parse({
                  id,
                  name: opts.name,
                  email: opts.email,
                  roles: list(opts.roles),
                  ...(opts.division ? { division: opts.division } : {}),
                }),
              ];
          const bar =
            opts.csv && process.stderr.isTTY
              ? new SingleBar(
                  { stream: process.stderr, format: 'importing {bar} {value}/{total} {person}' },
                  Presets.shades_classic,
                )
              : undefined;
          bar?.start(batch.length, 0, { person: '' });
          let added = 0;
          const refused: string[] = [];
          for (const [i, person] of batch.entries()) {
            try {
              const result = await directory.execute(addPerson(person, await actorOf(directory, opts.as, now)));
              if (result.events.length > 0) added++;
              if (!bar) console.log(`${opts.csv ? `[${i + 1}/${batch.length}] ` : ''}added ${person.id}`);
            } catch (err) {
              // One bad row does not stop an import; every refusal is reported and the exit code says so.
              if (!opts.csv) throw err;
              refused.push(`${person.id}: ${reason(err)}`);
              if (!bar) console.log(`[${i + 1}/${batch.length}] refused ${person.id}: ${reason(err)}`);
            }
            bar?.increment(1, { person: person.id });
          }
          bar?.stop();
          if (opts.csv) console.log(`${added} added, ${refused.length} refused of ${batch.length}`);
          if (refused.length > 0)
            throw new Error(`${refused.length} of ${batch.length} refused (first: ${refused[0]})`);
        })(),
    );

  people
    .command('appoint <id>')
    .description('new roles (and division) by office order, from now or --from')
    .requiredOption('--roles <roles>', 'comma-separated roles')
    .option('--division <id>')
    .option('--from <when>', 'effective from (ISO instant, or a date: its start)')
    .option('--order <ref>', 'the office order that made the appointment')
    .option('--as <userId>', 'the admin making the change')
    .action((id: string, opts: { roles: string; division?: string; from?: string; order?: string; as?: string }) =>
      change(async (directory, zone, now) => {
        const input = AppointmentInput.parse({
          roles: list(opts.roles),
          ...(opts.division ? { division: opts.division } : {}),
          ...(opts.from ? { effectiveFrom: opts.from } : {}),
          ...(opts.order ? { order: opts.order } : {}),
        });
        await directory.execute(appoint(id, input, zone, await actorOf(directory, opts.as, now)));
        console.log(
          `appointed ${id}: ${input.roles.join(', ')}${opts.from ? ` from ${opts.from}` : ''}${opts.order ? ` (${opts.order})` : ''}`,
        );
      })(),
    );

  people
    .command('leave <id>')
    .description('record leave: while away, their alerts and work go to the delegate')
    .requiredOption('--from <when>')
    .requiredOption('--to <when>', 'a date is their last day away')
    .requiredOption('--delegate <userId>')
    .option('--as <userId>', 'an admin, or the person themself')
    .action((id: string, opts: { from: string; to: string; delegate: string; as?: string }) =>
      change(async (directory, zone, now) => {
        const command = grantLeave(
          id,
          LeaveInput.parse({ from: opts.from, to: opts.to, delegateTo: opts.delegate }),
          zone,
          await actorOf(directory, opts.as, now),
        );
        await directory.execute(command);
        console.log(`${id} on leave ${opts.from} → ${opts.to}; ${opts.delegate} stands in`);
      })(),
    );

  people
    .command('deactivate <id>')
    .description('they can no longer sign in or act; their history stays')
    .requiredOption('--reason <text>')
    .option('--as <userId>', 'the admin making the change')
    .action((id: string, opts: { reason: string; as?: string }) =>
      change(async (directory, _zone, now) => {
        const result = await directory.execute(
          deactivate(id, DeactivationInput.parse({ reason: opts.reason }), await actorOf(directory, opts.as, now)),
        );
        console.log(result.events.length > 0 ? `deactivated ${id}` : `${id} was already deactivated`);
      })(),
    );
};
