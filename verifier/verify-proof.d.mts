/** Types of verify-proof.mjs (the verifier itself is plain JavaScript, so that it runs on any Node without a build). */
export interface ProofReport {
  readonly valid: boolean;
  readonly checks: string[];
  readonly problems: string[];
}
export declare const canonicalJson: (value: unknown) => string;
export declare const verifyProof: (bundle: unknown, options?: { publicKeyPem?: string; streamId?: string }) => ProofReport;
export declare const verifyProofMain: (argv: string[]) => number;
