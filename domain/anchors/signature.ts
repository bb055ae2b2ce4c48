import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { statementBytes, type SignedAnchor } from './anchor.js';

/** The key id an anchor names: SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo. */
export const keyIdOf = (publicKey: KeyObject | string): string => {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
};

/** Whether the anchor's signature is an ECDSA P-256 / SHA-256 signature of its statement by this key. */
export const signatureValid = (anchor: SignedAnchor, publicKey: KeyObject | string): boolean => {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return false;
  if (anchor.signature.algorithm !== 'ECDSA_P256_SHA256') return false;
  try {
    return verify(
      'sha256',
      statementBytes(anchor.statement),
      { key, dsaEncoding: 'der' },
      Buffer.from(anchor.signature.value, 'base64'),
    );
  } catch {
    return false;
  }
};
