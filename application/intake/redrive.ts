import { createHash } from 'node:crypto';
import { mailStreamId } from './mail-stream.js';
import type { InboundMail, IntakeDeps, IntakeResult } from './process-mail.js';

/** Raw mail as the transport kept it, and what it noted about each message when it accepted it. */
export interface RawMailArchive {
  /** Every raw message kept, with when it was written. */
  list(): Promise<readonly { readonly storageKey: string; readonly lastModified: Date }[]>;
  /** What the transport recorded when it accepted this message (envelope, verdicts, time), if it still has it. */
  accepted(storageKey: string): Promise<InboundMail | undefined>;
  /** Forgets that this message still waits for intake. */
  release(storageKey: string): Promise<void>;
}

export interface RedriveSummary {
  readonly examined: number;
  /** Already a request, a held, threaded or ignored mail: left as it was. */
  readonly alreadyRecorded: number;
  readonly processed: readonly (IntakeResult & { readonly storageKey: string })[];
  readonly failed: readonly { readonly storageKey: string; readonly error: string }[];
}

const sha256Of = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/**
 * Takes every raw message that never became a request, a held or an ignored mail through intake now
 * (a mail is known by the SHA-256 of its raw bytes, as intake names its stream). Idempotent: a mail
 * recorded is left alone, and a second raw copy of one Message-ID is recorded as a duplicate, so the
 * same Message-ID twice still makes one request. A message that fails is named and the rest go on.
 */
export const redriveRawMail = async (
  deps: IntakeDeps,
  archive: RawMailArchive,
  /** Intake itself (`processInboundMail`), passed in so that this module does not bring the mail parser. */
  process: (deps: IntakeDeps, inbound: InboundMail) => Promise<IntakeResult>,
  onProgress?: (done: number, total: number) => void,
): Promise<RedriveSummary> => {
  const raw = await archive.list();
  let alreadyRecorded = 0;
  const processed: (IntakeResult & { storageKey: string })[] = [];
  const failed: { storageKey: string; error: string }[] = [];
  for (const [i, { storageKey, lastModified }] of raw.entries()) {
    onProgress?.(i, raw.length);
    try {
      const stream = await deps.objects.getStream(storageKey);
      if (!stream) continue;
      const recorded = (await deps.store.read(mailStreamId(await sha256Of(stream)))).events.length > 0;
      if (recorded) alreadyRecorded++;
      else {
        // Without the transport's record, the file's time says when it arrived (never later than now).
        const arrived = new Date(Math.min(lastModified.getTime(), deps.now().getTime())).toISOString();
        const inbound = (await archive.accepted(storageKey)) ?? { storageKey, receivedAt: arrived };
        processed.push({ ...(await process(deps, inbound)), storageKey });
      }
      await archive.release(storageKey);
    } catch (err) {
      failed.push({ storageKey, error: (err as Error).message.split('\n')[0]?.slice(0, 300) ?? 'failed' });
    }
  }
  onProgress?.(raw.length, raw.length);
  return { examined: raw.length, alreadyRecorded, processed, failed };
};
