import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(process.cwd(), 'test', 'fixtures', 'meta');

/** A recorded Meta webhook delivery, exactly as its bytes would arrive (the signature is over these bytes). */
export const metaFixture = (name: 'text' | 'attachments' | 'postback' | 'echo'): string =>
  readFileSync(join(DIR, `${name}.json`), 'utf8');

/** The recorded delivery whose signature is not ours: its body and the header it came with. */
export const badlySignedFixture = (): { body: string; signature: string } => {
  const recorded = JSON.parse(readFileSync(join(DIR, 'bad-signature.json'), 'utf8')) as {
    signature: string;
    fixture: string;
  };
  return { body: readFileSync(join(DIR, recorded.fixture), 'utf8'), signature: recorded.signature };
};

/** A delivery of one text message from `senderId`, with its own message id, in Meta's shape. */
export const metaText = (options: { senderId: string; mid: string; text: string; page?: string; at?: number }) =>
  JSON.stringify({
    object: 'page',
    entry: [
      {
        id: options.page ?? '104567890123456',
        time: options.at ?? 1795410000000,
        messaging: [
          {
            sender: { id: options.senderId },
            recipient: { id: options.page ?? '104567890123456' },
            timestamp: options.at ?? 1795410000000,
            message: { mid: options.mid, text: options.text },
          },
        ],
      },
    ],
  });
