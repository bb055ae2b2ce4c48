/**
 * The Request Desk evidence-bundle verifier: checks a `request-desk-proof/1` file with nothing but
 * node:crypto — no database, no AWS, no other package. Written to be read in one sitting; the format
 * is described in the README ("Evidence bundles") so that it can be reimplemented in any language.
 *
 * Run it alone (Node 18 or later, nothing installed):
 *   node verifier/verify-proof.mjs FILE [--key PEM-FILE | --fingerprint SHA256-HEX] [--stream STREAM-ID]
 * (or `desk verify-proof FILE`). Exit 0 when the bundle is valid against the key you trust, 1 when it
 * is not valid, 2 when every check passed but you named no trusted key: a bundle carries its own key,
 * and anyone can sign a forged bundle with a key of their own, so without --key (or --fingerprint, the
 * key's SHA-256 as GET /anchors publishes it) the signature proves nothing about who made it.
 *
 * It checks, in order:
 *  1. the events form an unbroken hash chain from version 1 (each hash = SHA-256 of the previous hash,
 *     a newline, and the RFC 8785 canonical JSON of the event) and all belong to the bundle's stream;
 *  2. the anchored leaf names that stream, and the stream's event at the leaf's version has its hash;
 *  3. the leaf, with the inclusion proof, hashes to the anchor's root (RFC 6962 / RFC 9162 Merkle tree);
 *  4. the public key is the one the anchor names (SHA-256 of its DER SubjectPublicKeyInfo), and the key
 *     you trust (--key, or its fingerprint with --fingerprint) — without one, the verdict is at best
 *     "checked only against the key inside the bundle";
 *  5. the anchor's ECDSA P-256 signature over its statement's canonical JSON verifies with that key.
 */
import { Buffer } from 'node:buffer';
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const GENESIS_HASH = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * @typedef {'valid' | 'not_valid' | 'no_trusted_key'} ProofOutcome
 * @typedef {{ valid: boolean, outcome: ProofOutcome, checks: string[], problems: string[] }} ProofReport
 *   `valid`: every check held AND the key is one you trust; `outcome`: `no_trusted_key` when every check
 *   held but no trusted key (or fingerprint) was given; `checks`: what held; `problems`: what failed.
 */

/** Exit codes of the command line: 0 valid, 1 not valid, 2 no trusted key given (the contract's). */
const EXIT = { valid: 0, not_valid: 1, no_trusted_key: 2 };

/** A fingerprint as people copy it: hex, any case, with or without `sha256:` and colons. */
const normaliseFingerprint = (/** @type {string} */ f) =>
  f
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '')
    .replace(/:/g, '');

/** RFC 8785 (JCS) for values that came from JSON.parse: keys sorted by UTF-16 code units, ES number form. */
/** @param {unknown} value @returns {string} */
export const canonicalJson = (value) => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
};

/** @param {...(string | Uint8Array)} parts */
const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RFC 6962: leaf hash SHA-256(0x00 ‖ leaf), node hash SHA-256(0x01 ‖ left ‖ right). */
const leafHash = (/** @type {Uint8Array} */ leaf) => sha256(Buffer.from([0]), leaf);
const nodeHash = (/** @type {Uint8Array} */ left, /** @type {Uint8Array} */ right) =>
  sha256(Buffer.from([1]), left, right);

/** RFC 9162 section 2.1.3.2: the root an inclusion proof leads to, or undefined if it cannot fit the tree. */
/** @param {Buffer} leaf @param {number} index @param {number} treeSize @param {string[]} path @returns {string | undefined} */
const rootFromProof = (leaf, index, treeSize, path) => {
  if (index < 0 || index >= treeSize) return undefined;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return undefined;
    const sibling = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r.toString('hex') : undefined;
};

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an evidence bundle (parsed JSON). `publicKeyPem` or `publicKeyFingerprint` (SHA-256 of the
 * key's DER SubjectPublicKeyInfo, hex) names the key the auditor trusts; without either, a bundle that
 * passes every check is `no_trusted_key`, never `valid`.
 * @param {unknown} bundle
 * @param {{ publicKeyPem?: string, publicKeyFingerprint?: string, streamId?: string }} [options]
 * @returns {ProofReport}
 */
export const verifyProof = (bundle, options = {}) => {
  /** @type {string[]} */
  const checks = [];
  /** @type {string[]} */
  const problems = [];
  let trusted = false;
  /** @returns {ProofReport} */
  const done = () => {
    /** @type {ProofOutcome} */
    const outcome = problems.length > 0 ? 'not_valid' : trusted ? 'valid' : 'no_trusted_key';
    return { valid: outcome === 'valid', outcome, checks, problems };
  };
  if (!isObject(bundle) || bundle.format !== 'request-desk-proof/1') {
    problems.push('not a request-desk-proof/1 bundle');
    return done();
  }
  const { streamId, events, leaf, leafIndex, inclusionProof, anchor, publicKey } = bundle;
  if (
    typeof streamId !== 'string' ||
    !Array.isArray(events) ||
    !isObject(leaf) ||
    typeof leafIndex !== 'number' ||
    !Array.isArray(inclusionProof) ||
    !isObject(anchor) ||
    !isObject(publicKey)
  ) {
    problems.push('the bundle lacks streamId, events, leaf, leafIndex, inclusionProof, anchor or publicKey');
    return done();
  }
  if (options.streamId !== undefined && streamId !== options.streamId)
    problems.push(`the bundle is for ${streamId}, not ${options.streamId}`);

  // 1. The hash chain of the events.
  let prevHash = GENESIS_HASH;
  let chainOk = true;
  for (const [i, e] of events.entries()) {
    if (!isObject(e)) {
      problems.push(`event ${i + 1} is not an object`);
      chainOk = false;
      break;
    }
    const body = {
      streamId: e.streamId,
      version: e.version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.occurredAt,
      actor: e.actor,
      data: e.data,
    };
    const fault =
      e.streamId !== streamId
        ? `event ${i + 1} belongs to ${String(e.streamId)}, not ${streamId}`
        : e.version !== i + 1
          ? `event ${i + 1} is numbered ${String(e.version)}`
          : e.prevHash !== prevHash
            ? `event ${i + 1} does not follow event ${i} (prevHash differs)`
            : sha256(prevHash, '\n', canonicalJson(body)).toString('hex') !== e.hash
              ? `event ${i + 1} does not match its hash`
              : undefined;
    if (fault) {
      problems.push(fault);
      chainOk = false;
      break;
    }
    prevHash = e.hash;
  }
  if (chainOk) checks.push(`${events.length} events form an unbroken hash chain of ${streamId}`);

  // 2. The anchored leaf is this stream's, at a version the events reach, with the same hash.
  const { version, hash } = leaf;
  if (leaf.streamId !== streamId || typeof version !== 'number' || typeof hash !== 'string' || !HEX64.test(hash)) {
    problems.push(`the anchored leaf is for ${String(leaf.streamId)}, not ${streamId}`);
    return done();
  }
  const atVersion = events[version - 1];
  if (!isObject(atVersion) || atVersion.hash !== hash)
    problems.push(
      `the anchor holds ${streamId} at version ${version} with hash ${hash.slice(0, 12)}…, which these events do not have`,
    );
  else
    checks.push(
      `event ${version} carries the anchored head hash${events.length > version ? ` (events ${version + 1}–${events.length} came after the anchor)` : ''}`,
    );

  // 3. The inclusion proof leads to the anchor's root.
  const statement = anchor.statement;
  const signature = anchor.signature;
  if (
    !isObject(statement) ||
    !isObject(signature) ||
    typeof statement.root !== 'string' ||
    typeof statement.treeSize !== 'number' ||
    typeof signature.value !== 'string'
  ) {
    problems.push('the anchor lacks its statement or signature');
    return done();
  }
  // Stryker disable next-line StringLiteral: equivalent, Buffer.from reads an empty encoding as utf8, its default
  const leafBytes = Buffer.from(JSON.stringify([streamId, version, hash]), 'utf8');
  const pathOk = inclusionProof.every((p) => typeof p === 'string' && HEX64.test(p));
  const root = pathOk ? rootFromProof(leafHash(leafBytes), leafIndex, statement.treeSize, inclusionProof) : undefined;
  if (root !== statement.root)
    problems.push(`the inclusion proof does not lead to the root of anchor ${String(statement.sequence)}`);
  else
    checks.push(
      `leaf ${leafIndex} of ${statement.treeSize} is in the Merkle tree of anchor ${String(statement.sequence)} (root ${statement.root.slice(0, 16)}…)`,
    );

  // 4. The key.
  let key;
  try {
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, createPublicKey refuses a non-string and any non-PEM text alike (caught below)
    key = createPublicKey(typeof publicKey.pem === 'string' ? publicKey.pem : '');
  } catch {
    problems.push('the public key is not a PEM public key');
    return done();
  }
  const keyId = sha256(key.export({ type: 'spki', format: 'der' })).toString('hex');
  if (keyId !== statement.keyId) problems.push('the public key is not the key the anchor names');
  if (options.publicKeyPem !== undefined) {
    let trustedId;
    try {
      trustedId = sha256(createPublicKey(options.publicKeyPem).export({ type: 'spki', format: 'der' })).toString('hex');
    } catch {
      trustedId = undefined;
    }
    if (trustedId === undefined) problems.push('the key you trust (--key) is not a PEM public key');
    else if (trustedId !== keyId) problems.push('the public key is not the key you trust (--key)');
    else trusted = true;
  }
  if (options.publicKeyFingerprint !== undefined) {
    if (normaliseFingerprint(options.publicKeyFingerprint) !== keyId)
      problems.push('the public key is not the key whose fingerprint you trust (--fingerprint)');
    else trusted = true;
  }
  if (trusted) checks.push(`anchor key ${keyId} is the key you trust`);
  else if (options.publicKeyPem === undefined && options.publicKeyFingerprint === undefined) {
    checks.push(
      `anchor key ${keyId} is the key inside the bundle; no trusted key was given (compare it with the published key: GET /anchors)`,
    );
  }

  // 5. The signature.
  // Stryker disable next-line BooleanLiteral: equivalent, the try below always sets it, and the catch sets it false
  let signed = false;
  try {
    // Stryker disable next-line OptionalChaining: equivalent, Node gives every asymmetric key its asymmetricKeyDetails
    signed =
      key.asymmetricKeyDetails?.namedCurve === 'prime256v1' &&
      signature.algorithm === 'ECDSA_P256_SHA256' &&
      verifySignature(
        'sha256',
        Buffer.from(canonicalJson(statement), 'utf8'),
        { key, dsaEncoding: 'der' },
        Buffer.from(signature.value, 'base64'),
      );
  } catch {
    signed = false;
  }
  if (!signed) problems.push(`the signature of anchor ${String(statement.sequence)} does not verify`);
  else checks.push(`anchor ${String(statement.sequence)} of ${String(statement.anchoredAt)} is signed by that key`);
  return done();
};

/** @param {string[]} argv @returns {number} */
const main = (argv) => {
  const [file, ...rest] = argv;
  const flag = (/** @type {string} */ name) => {
    const at = rest.indexOf(name);
    return at === -1 ? undefined : rest[at + 1];
  };
  if (!file) {
    process.stderr.write('usage: verify-proof FILE [--key PEM-FILE | --fingerprint SHA256-HEX] [--stream STREAM-ID]\n');
    return 64;
  }
  let bundle;
  try {
    // Stryker disable next-line StringLiteral: equivalent, without an encoding readFileSync gives bytes, which JSON.parse reads as utf8
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    process.stderr.write(
      `verify-proof: cannot read ${file}: ${String(err instanceof Error ? err.message : err).split('\n')[0]}\n`,
    );
    return 1;
  }
  const keyFile = flag('--key');
  const fingerprint = flag('--fingerprint');
  const ref = flag('--stream');
  let publicKeyPem;
  try {
    publicKeyPem = keyFile ? readFileSync(keyFile, 'utf8') : undefined;
  } catch (err) {
    process.stderr.write(
      `verify-proof: cannot read ${keyFile}: ${String(err instanceof Error ? err.message : err).split('\n')[0]}\n`,
    );
    return 1;
  }
  const report = verifyProof(bundle, {
    ...(publicKeyPem ? { publicKeyPem } : {}),
    ...(fingerprint ? { publicKeyFingerprint: fingerprint } : {}),
    ...(ref ? { streamId: ref } : {}),
  });
  process.stdout.write(formatReport(report));
  return EXIT[report.outcome];
};

/**
 * The report as the command lines print it: each check, each problem, then the verdict.
 * @param {ProofReport} report
 * @returns {string}
 */
export const formatReport = (report) =>
  [
    ...report.checks.map((c) => `ok    ${c}`),
    ...report.problems.map((p) => `FAIL  ${p}`),
    report.outcome === 'valid'
      ? 'VALID'
      : report.outcome === 'not_valid'
        ? 'NOT VALID'
        : 'NOT VERIFIED: every check passed, but the signature was checked only against the key inside the bundle; give the key you trust (--key PEM or --fingerprint SHA256) to verify who signed it',
  ].join('\n') + '\n';

/** The exit code for a report: 0 valid, 1 not valid, 2 no trusted key given. */
export const exitCodeOf = (/** @type {ProofReport} */ report) => EXIT[report.outcome];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));

export { main as verifyProofMain };
