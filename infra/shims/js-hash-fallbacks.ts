/**
 * Replaces the AWS SDK's pure-JavaScript SHA-256, MD5 and SHA-1 (`Sha256Js`, `Md5Js`, `Sha1Js`: ~7 KB in every
 * function). The SDK's Node hashes (`Sha256Node`, `Md5Node`, `Sha1Node`) take them only when Node's own
 * crypto lacks the algorithm, which Lambda's Node never does: there they use node:crypto. Should a Node
 * without one ever run this code, hashing fails saying why instead of silently computing something else.
 */
const leftOut = (algorithm: string): never => {
  throw new Error(
    `the SDK's JavaScript ${algorithm} is not bundled (infra/shims/js-hash-fallbacks.ts) and this Node's crypto has no ${algorithm}`,
  );
};

/** Stands in for `@smithy/core`'s Sha256Js: Sha256Node's fallback. */
export class Sha256Js {
  constructor(_secret?: unknown) {
    leftOut('SHA-256');
  }
}

/** Stands in for `@smithy/core`'s Md5Js: Md5Node's fallback. */
export class Md5Js {
  constructor() {
    leftOut('MD5');
  }
}

/** Stands in for `@aws-sdk/checksums`' Sha1Js: Sha1Node's fallback. */
export class Sha1Js {
  constructor(_secret?: unknown) {
    leftOut('SHA-1');
  }
}
