import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnchorSigner } from '../../application/anchors/ports.js';

/**
 * The local anchor key: a P-256 private key in a file (created on first use, mode 0600) standing in for
 * the KMS key. Signatures are DER, as KMS returns them.
 */
export class LocalKeySigner implements AnchorSigner {
  private key: KeyObject | undefined;

  constructor(private readonly keyFile: string) {}

  private privateKey(): KeyObject {
    if (this.key) return this.key;
    if (!existsSync(this.keyFile)) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      mkdirSync(dirname(this.keyFile), { recursive: true });
      writeFileSync(this.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    }
    this.key = createPrivateKey(readFileSync(this.keyFile, 'utf8'));
    return this.key;
  }

  async publicKeyPem(): Promise<string> {
    return createPublicKey(this.privateKey()).export({ type: 'spki', format: 'pem' }) as string;
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return sign('sha256', message, { key: this.privateKey(), dsaEncoding: 'der' });
  }
}
