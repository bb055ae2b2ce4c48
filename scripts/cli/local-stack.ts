import * as z from 'zod';

/** What a running local stack says about itself at `GET /_local/stack`. */
const StackInfo = z.object({
  dataDir: z.string().min(1),
  tables: z.object({ events: z.string(), readModels: z.string() }),
  now: z.iso.datetime({ offset: true }),
});

/** The running local stack the CLI talks to: where it keeps anchors, and its clock. */
export interface LocalStackInfo {
  readonly dataDir: string;
  /** The stack's movable clock, followed from the moment it was asked (it runs at real speed). */
  readonly now: () => Date;
}

/**
 * Asks the local stack on `DESK_API_URL` (default `http://127.0.0.1:${PORT ?? 3000}`) where it keeps
 * its data, so that `desk anchor`, `desk proof` and `desk verify` use the anchors and clock of the
 * stack whose tables they read — under `npm start -- --in-memory` a temporary directory, not `.data/`.
 * Undefined when no stack answers, or when the one that answers works on other tables (then it is not
 * the stack this CLI talks to).
 */
export const discoverLocalStack = async (
  env: NodeJS.ProcessEnv,
  tables: { events: string; readModels: string },
): Promise<LocalStackInfo | undefined> => {
  const base = env.DESK_API_URL ?? `http://127.0.0.1:${env.PORT ?? '3000'}`;
  let info: z.infer<typeof StackInfo>;
  try {
    const res = await fetch(`${base}/_local/stack`, { signal: AbortSignal.timeout(1_500) });
    if (!res.ok) return undefined;
    info = StackInfo.parse(await res.json());
  } catch {
    return undefined; // no stack running there (or not one of ours): the CLI falls back to `.data/`
  }
  if (info.tables.events !== tables.events || info.tables.readModels !== tables.readModels) return undefined;
  const offset = Date.parse(info.now) - Date.now();
  return { dataDir: info.dataDir, now: () => new Date(Date.now() + offset) };
};
