import * as z from 'zod';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** Where a request stands against the latest anchor (the verify route). */
export const AnchorStandingReply = z
  .looseObject({
    sequence: z.number().int().positive().meta({ description: 'The latest anchor that holds the stream' }),
    anchoredAt: z.string().meta({ description: 'When that anchor was written' }),
    root: Hex64.meta({ description: 'Its Merkle root' }),
    version: z.number().int().positive().meta({ description: 'The stream’s version the anchor holds' }),
    hash: Hex64.meta({ description: 'The hash of that event, as anchored' }),
    matches: z.boolean().meta({ description: 'The stream still holds that hash at that version' }),
    reason: z.string().optional().meta({ description: 'Why not, when it does not' }),
  })
  .meta({ id: 'AnchorStanding', description: '`null` when no anchor holds the request yet' });

const Statement = {
  format: z.literal('request-desk-anchor/1'),
  sequence: z.number().int().positive(),
  anchoredAt: z.string(),
  treeSize: z.number().int().nonnegative().meta({ description: 'How many streams (leaves) the tree holds' }),
  root: Hex64.meta({
    description: 'RFC 6962 Merkle tree hash of the leaves `[streamId, version, headHash]`, ordered by stream id',
  }),
  previous: Hex64.meta({
    description: 'SHA-256 of the previous anchor’s canonical statement (64 zeros for the first)',
  }),
  keyId: Hex64.meta({ description: 'SHA-256 of the signing key’s DER public key' }),
};
const Signature = z.object({
  algorithm: z.literal('ECDSA_P256_SHA256'),
  value: z.string().meta({ description: 'DER signature, base64, over the RFC 8785 JSON of the statement' }),
});
const PublicKey = z
  .looseObject({ keyId: Hex64, pem: z.string(), jwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256') }) })
  .meta({ id: 'AnchorPublicKey', description: 'The anchor key: PEM (SubjectPublicKeyInfo) and JWK' });
const SignedAnchor = z.object({ statement: z.object(Statement), signature: Signature }).meta({ id: 'SignedAnchor' });

export const AnchorListReply = z
  .object({
    publicKey: PublicKey.optional().meta({
      description: 'The anchor key, published with the first anchor: absent until then',
    }),
    anchors: z
      .array(z.looseObject({ ...Statement, signature: Signature }))
      .meta({ description: 'Every anchor, oldest first' }),
  })
  .meta({ id: 'AnchorList' });

export const ProofReply = z
  .looseObject({
    format: z.literal('request-desk-proof/1'),
    streamId: z.string(),
    events: z
      .array(
        z.looseObject({
          streamId: z.string(),
          version: z.number().int(),
          type: z.string(),
          hash: Hex64,
          prevHash: Hex64,
        }),
      )
      .meta({ description: 'The request’s events, as stored (what each hash covers)' }),
    leaf: z.object({ streamId: z.string(), version: z.number().int().positive(), hash: Hex64 }),
    leafIndex: z.number().int().nonnegative(),
    inclusionProof: z.array(Hex64).meta({ description: 'RFC 6962 audit path from the leaf to the root, bottom up' }),
    anchor: SignedAnchor,
    publicKey: PublicKey,
  })
  .meta({
    id: 'EvidenceBundle',
    description:
      'Checked offline by `desk verify-proof FILE` or `node verifier/verify-proof.mjs FILE`; format in the README',
  });
