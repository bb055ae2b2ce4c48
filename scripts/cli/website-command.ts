import type { Command } from 'commander';

/**
 * `desk website …`: the website-update workflow through the API (local stack by default, as the given
 * user; on AWS set DESK_API_URL and DESK_TOKEN, a Cognito ID token).
 */
const call = async (
  method: 'GET' | 'POST',
  path: string,
  as: string,
  body?: unknown,
): Promise<Record<string, unknown>> => {
  const api = process.env.DESK_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const token = process.env.DESK_TOKEN ?? `local:${as}`;
  let res: Response;
  try {
    res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new Error(`no API at ${api}: start the local stack with \`npm start\`, or set DESK_API_URL`);
  }
  const reply = (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } };
  if (!res.ok) throw new Error(`${res.status} ${reply.error?.code ?? ''}: ${reply.error?.message ?? 'refused'}`);
  return reply;
};

interface Row {
  id: string;
  status: string;
  division: string;
  title: string;
  clock: { kind: string; dueAt: string } | null;
  sla: { current: string };
  url: string | null;
}

export const registerWebsite = (program: Command): void => {
  const website = program
    .command('website')
    .description('website updates: the queue, ICT’s steps, proposals from common requests, the yearly review');
  const withUser = (c: Command, fallback: string) =>
    c.option('--as <userId>', 'act as this user (local stack)', fallback);
  const print = (r: Record<string, unknown>, json?: boolean) =>
    console.log(
      json ? JSON.stringify(r, null, 2) : `${String(r.id)}: ${String(r.status)}${r.url ? ` → ${String(r.url)}` : ''}`,
    );

  withUser(website.command('list'), 'ict.officer')
    .description('the queue, soonest due first')
    .option('--status <status>', 'submitted | returned | complete | published | withdrawn')
    .option('--json', 'print JSON')
    .action(async (o: { as: string; status?: string; json?: boolean }) => {
      const page = (await call(
        'GET',
        `/website-updates${o.status ? `?status=${encodeURIComponent(o.status)}` : ''}`,
        o.as,
      )) as { items: Row[] };
      if (o.json) return console.log(JSON.stringify(page, null, 2));
      if (page.items.length === 0) return console.log('no website updates');
      for (const u of page.items)
        console.log(
          `${u.id}  ${u.status.padEnd(9)}  ${u.sla.current.padEnd(8)}  ${u.clock ? `${u.clock.kind} due ${u.clock.dueAt}` : (u.url ?? '—')}  ${u.division}  ${u.title}`,
        );
    });
  withUser(website.command('complete <id>'), 'ict.officer')
    .description('ICT confirms the information complete (published within 1 working day)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { as: string; json?: boolean }) =>
      print(await call('POST', `/website-updates/${id}/complete`, o.as, {}), o.json),
    );
  withUser(website.command('return <id>'), 'ict.officer')
    .description('ICT returns it as incomplete (its clock stops until the division resubmits)')
    .requiredOption('--reason <text>', 'what is missing')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { as: string; reason: string; json?: boolean }) =>
      print(await call('POST', `/website-updates/${id}/return`, o.as, { reason: o.reason }), o.json),
    );
  withUser(website.command('published <id>'), 'ict.head')
    .description('ICT records where it went live')
    .requiredOption('--url <url>', 'the page')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { as: string; url: string; json?: boolean }) =>
      print(await call('POST', `/website-updates/${id}/published`, o.as, { url: o.url }), o.json),
    );
  withUser(website.command('propose <topic>'), 'ict.officer')
    .description('turn a commonly requested topic into a website update for ICT')
    .action(async (topic: string, o: { as: string }) => {
      const r = await call('POST', '/reports/common-requests/propose', o.as, { topic });
      console.log(`${String(r.id)}: proposed to ICT services`);
    });
  withUser(website.command('review <year>'), 'secretary')
    .description("the website review committee's pack of that year")
    .action(async (year: string, o: { as: string }) =>
      console.log(
        JSON.stringify(await call('GET', `/reports/website-review?year=${encodeURIComponent(year)}`, o.as), null, 2),
      ),
    );
};
