import { GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { AnchorSigner } from '../../application/anchors/ports.js';

/**
 * The anchor key in KMS: an ECC_NIST_P256 SIGN_VERIFY key. KMS signs the message itself (MessageType
 * RAW, ECDSA_SHA_256) and returns a DER signature; the private key never leaves KMS.
 */
export class KmsSigner implements AnchorSigner {
  private pem: Promise<string> | undefined;

  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  publicKeyPem(): Promise<string> {
    return (this.pem ??= (async () => {
      const out = await this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyId }));
      if (!out.PublicKey || out.KeySpec !== 'ECC_NIST_P256')
        throw new Error(`anchor key ${this.keyId} is not an ECC_NIST_P256 key`);
      const b64 = Buffer.from(out.PublicKey).toString('base64').replace(/.{64}/g, '$&\n');
      return `-----BEGIN PUBLIC KEY-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END PUBLIC KEY-----\n`;
    })());
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const out = await this.kms.send(
      new SignCommand({ KeyId: this.keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    if (!out.Signature) throw new Error('KMS returned no signature');
    return out.Signature;
  }
}
