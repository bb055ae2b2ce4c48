/** Types of verify-proof.mjs (the verifier itself is plain JavaScript, so that it runs on any Node without a build). */
/** `valid` against the key you trust; `not_valid`; or every check held but `no_trusted_key` was given. */
export type ProofOutcome = 'valid' | 'not_valid' | 'no_trusted_key';
export interface ProofReport {
  /** Every check held and the key is the one you trust. */
  readonly valid: boolean;
  readonly outcome: ProofOutcome;
  readonly checks: string[];
  readonly problems: string[];
}
export declare const canonicalJson: (value: unknown) => string;
export declare const verifyProof: (
  bundle: unknown,
  options?: { publicKeyPem?: string; publicKeyFingerprint?: string; streamId?: string },
) => ProofReport;
export declare const formatReport: (report: ProofReport) => string;
export declare const exitCodeOf: (report: ProofReport) => 0 | 1 | 2;
export declare const verifyProofMain: (argv: string[]) => number;
