import * as z from 'zod';
import { ANCHOR_FORMAT, type AnchorLeaf, type SignedAnchor } from '../../domain/anchors/anchor.js';
import { AnchorArchiveError } from '../../application/anchors/ports.js';

/**
 * The files of an anchor, the same locally and in S3: `anchor-<sequence, 10 digits>.json` (the signed
 * statement), `anchor-<sequence>.leaves.jsonl` (one `[streamId, version, hash]` per line, tree order) and
 * `anchor-key.pem` (the public key).
 */
export const anchorFileName = (sequence: number) => `anchor-${String(sequence).padStart(10, '0')}.json`;
export const leavesFileName = (sequence: number) => `anchor-${String(sequence).padStart(10, '0')}.leaves.jsonl`;
export const PUBLIC_KEY_FILE = 'anchor-key.pem';
export const ANCHOR_FILE = /^anchor-(\d{10})\.json$/;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const SignedAnchorSchema = z.strictObject({
  statement: z.strictObject({
    format: z.literal(ANCHOR_FORMAT),
    sequence: z.number().int().positive(),
    anchoredAt: z.iso.datetime({ offset: true }),
    treeSize: z.number().int().nonnegative(),
    root: Hex64,
    previous: Hex64,
    keyId: Hex64,
  }),
  signature: z.strictObject({ algorithm: z.literal('ECDSA_P256_SHA256'), value: z.base64().min(1) }),
});

const LeafLine = z.tuple([z.string().min(1), z.number().int().positive(), Hex64]);

export const parseAnchorFile = (name: string, text: string): SignedAnchor => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AnchorArchiveError(`${name} is not JSON: the anchor file was altered or damaged`);
  }
  const parsed = SignedAnchorSchema.safeParse(json);
  if (!parsed.success)
    throw new AnchorArchiveError(`${name} is not an anchor: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
};

export const serializeAnchor = (anchor: SignedAnchor): string => `${JSON.stringify(anchor, null, 2)}\n`;

export const serializeLeaves = (leaves: readonly AnchorLeaf[]): string =>
  leaves.map((l) => JSON.stringify([l.streamId, l.version, l.hash])).join('\n') + (leaves.length ? '\n' : '');

export const parseLeaves = (name: string, text: string): AnchorLeaf[] => {
  const leaves: AnchorLeaf[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    let parsed;
    try {
      parsed = LeafLine.safeParse(JSON.parse(line));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw new AnchorArchiveError(`${name} line ${i + 1} is not a leaf`);
    const [streamId, version, hash] = parsed.data;
    leaves.push({ streamId, version, hash });
  }
  return leaves;
};
