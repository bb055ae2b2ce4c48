import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { anchorNow } from '../../application/anchors/anchoring.js';
import { NotAnchoredError } from '../../application/anchors/ledger.js';
import { requestStreamId } from '../../application/request/commands.js';
import type { LoadedAgency } from '../../config/load.js';
import { exitCodeOf, formatReport, verifyProof } from '../../verifier/verify-proof.mjs';
import { referenceOf, withTarget } from './audit-commands.js';

/** `desk anchor`, `desk proof`, `desk verify-proof`. */
export const registerAnchorCommands = (program: Command, agency: () => LoadedAgency): void => {
  program
    .command('anchor')
    .description('write an anchor now: a signed Merkle root over every stream head, chained to the last anchor')
    .option(
      '--incremental',
      'from the last anchor and the heads changed since (as the daily schedule does), not every head',
    )
    .action((opts: { incremental?: boolean }) =>
      withTarget(agency, async ({ anchors }) => {
        const started = Date.now();
        const run = await anchorNow(anchors().deps, { full: !opts.incremental });
        const s = run.anchor.statement;
        for (const c of run.conflicts)
          console.log(
            `${c.streamId}: does not continue its anchored head (${c.reason}); the anchor keeps the anchored one`,
          );
        for (const m of run.missing)
          console.log(`${m}: anchored before but no longer in the events table; the anchor keeps it`);
        console.log(
          `anchor ${s.sequence}: ${s.treeSize} streams, ${run.changed} changed (${run.mode}), root ${s.root}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        if (run.conflicts.length > 0 || run.missing.length > 0) process.exitCode = 1;
      }),
    );

  program
    .command('proof <ref>')
    .description(
      'write the evidence bundle of a request: its events, the inclusion proof of its head, the anchor, its signature, the public key',
    )
    .requiredOption('--out <file>', 'where to write the bundle (JSON)')
    .action((ref: string, opts: { out: string }) =>
      withTarget(agency, async ({ store, anchors }) => {
        const streamId = requestStreamId(referenceOf(ref));
        const read = await store.read(streamId);
        if (read.events.length === 0) throw new Error(`no request ${ref}`);
        try {
          const bundle = await anchors().ledger.proof(streamId, read.events);
          await writeFile(opts.out, `${JSON.stringify(bundle, null, 2)}\n`);
          console.log(
            `wrote the proof of ${ref} (version ${bundle.leaf.version}) against anchor ${bundle.anchor.statement.sequence} to ${opts.out}`,
          );
        } catch (err) {
          if (err instanceof NotAnchoredError) throw new Error(`${ref} is not in an anchor yet: run desk anchor first`);
          throw err;
        }
      }),
    );

  program
    .command('verify-proof <file>')
    .description(
      'check an evidence bundle offline (no database, no AWS): exit 0 valid against the key you trust, 1 not valid, 2 every check passed but no trusted key was given',
    )
    .option('--ref <ref>', 'the request the bundle must be about')
    .option('--key <pem-file>', 'the anchor public key you trust (GET /anchors publishes it)')
    .option('--fingerprint <sha256>', 'or the SHA-256 fingerprint of that key (its keyId, hex)')
    .action(async (file: string, opts: { ref?: string; key?: string; fingerprint?: string }) => {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        throw new Error(`cannot read ${file}: ${(err as Error).message}`);
      }
      const report = verifyProof(bundle, {
        ...(opts.ref ? { streamId: requestStreamId(referenceOf(opts.ref)) } : {}),
        ...(opts.key ? { publicKeyPem: await readFile(opts.key, 'utf8') } : {}),
        ...(opts.fingerprint ? { publicKeyFingerprint: opts.fingerprint } : {}),
      });
      process.stdout.write(formatReport(report));
      process.exitCode = exitCodeOf(report);
    });
};
