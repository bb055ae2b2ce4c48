import type { Command } from 'commander';

/**
 * `desk scan`: runs the breach scan through the API (`POST /sla/scan`), so it queues alerts exactly as
 * the scheduler does. Local stack by default, as its admin; on AWS set DESK_API_URL and DESK_TOKEN
 * (a Cognito ID token of an admin).
 */
export const registerScan = (program: Command): void => {
  program
    .command('scan')
    .description('run the breach scan now: flags at-risk and breached requests and queues the alert digests')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const api = process.env.DESK_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
      const token = process.env.DESK_TOKEN ?? `local:${process.env.DESK_ADMIN ?? 'ict.head'}`;
      let res: Response;
      try {
        res = await fetch(`${api}/sla/scan`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        });
      } catch {
        throw new Error(`no API at ${api}: start the local stack with \`npm start\`, or set DESK_API_URL`);
      }
      const body = (await res.json()) as {
        breached?: string[];
        atRisk?: string[];
        alertsQueued?: number;
        error?: { message: string };
      };
      if (!res.ok) throw new Error(`scan refused (${res.status}): ${body.error?.message ?? 'unknown error'}`);
      if (opts.json) return console.log(JSON.stringify(body, null, 2));
      console.log(`breached: ${body.breached?.join(', ') || 'none'}`);
      console.log(`at risk:  ${body.atRisk?.join(', ') || 'none'}`);
      console.log(`alert digests queued: ${body.alertsQueued ?? 0}`);
    });
};
