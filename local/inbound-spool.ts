import { inboundMailsOf } from '../application/intake/inbound-notification.js';
import type { InboundMail } from '../application/intake/process-mail.js';
import type { RawMailArchive } from '../application/intake/redrive.js';
import type { DirectoryObjectStore } from '../adapters/object-store/directory-store.js';

const PENDING = 'pending';

/**
 * What makes "250 OK" true locally: before the SMTP listener accepts a mail, the raw message and a
 * durable marker (the queue notification it would send, under `pending/<raw key>.json`) are on disk.
 * The in-process SQS forgets everything when the stack stops, so the marker is what survives: it is
 * removed only once intake has recorded the mail (a request, a held, threaded or ignored mail), and
 * every marker left is queued again when the stack starts (and `desk intake redrive` processes them).
 */
export class InboundSpool {
  constructor(private readonly objects: DirectoryObjectStore) {}

  private markerOf(rawKey: string): string {
    return `${PENDING}/${rawKey}.json`;
  }

  /** Keeps the notification for a stored raw mail on disk; throws when it cannot (the listener then answers 4xx). */
  async keep(rawKey: string, notification: unknown): Promise<void> {
    await this.objects.put(this.markerOf(rawKey), Buffer.from(JSON.stringify(notification)), 'application/json');
  }

  /** Forgets a mail the listener refused after storing it (4xx or 5xx): its raw message and its marker. */
  async discard(rawKey: string): Promise<void> {
    await this.objects.delete(rawKey);
    await this.objects.delete(this.markerOf(rawKey));
  }

  /** Forgets the markers of the mails a queue message named, once intake has recorded them. */
  async release(queueMessageBody: string): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(queueMessageBody);
    } catch {
      return;
    }
    let mails: ReturnType<typeof inboundMailsOf> = [];
    try {
      mails = inboundMailsOf(body);
    } catch {
      return; // not a mail notification: nothing was kept for it
    }
    for (const mail of mails) await this.objects.delete(this.markerOf(mail.storageKey));
  }

  /** The raw mail the listener kept (`raw/`), for `desk intake redrive`: markers give each one's envelope and time. */
  archive(): RawMailArchive {
    return {
      list: async () =>
        (await this.objects.list('raw'))
          .filter((o) => o.key.endsWith('.eml'))
          .map((o) => ({ storageKey: o.key, lastModified: o.lastModified })),
      accepted: async (storageKey: string): Promise<InboundMail | undefined> => {
        const bytes = await this.objects.get(this.markerOf(storageKey));
        if (!bytes) return undefined;
        try {
          return inboundMailsOf(JSON.parse(Buffer.from(bytes).toString('utf8')))[0];
        } catch {
          return undefined;
        }
      },
      release: (storageKey: string) => this.objects.delete(this.markerOf(storageKey)),
    };
  }

  /** Each mail accepted but not yet recorded: its raw key and the notification to queue again. */
  async pending(): Promise<{ rawKey: string; notification: string }[]> {
    const out: { rawKey: string; notification: string }[] = [];
    for (const { key } of await this.objects.list(PENDING)) {
      const bytes = await this.objects.get(key);
      if (!bytes || !key.endsWith('.json')) continue;
      out.push({
        rawKey: key.slice(PENDING.length + 1, -'.json'.length),
        notification: Buffer.from(bytes).toString('utf8'),
      });
    }
    return out;
  }
}
