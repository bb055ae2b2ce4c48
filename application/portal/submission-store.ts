/**
 * Where the portal keeps what a requester asked before they confirmed it (nothing is registered until
 * then), and the counters of its limits. The read-model table on AWS and locally; items carry an expiry.
 */

/** What the requester's confirmation registered: the reply the confirm route gives, every time. */
export interface ConfirmedReply {
  readonly id: string;
  readonly dueAt: string;
  readonly trackUrl: string;
}

/** A submission waiting for its confirmation link to be followed. */
export interface PendingSubmission {
  readonly name: string;
  readonly email: string;
  readonly subject: string;
  readonly body: string;
  readonly organization?: string;
  readonly kind: 'public' | 'agency';
  readonly submittedAt: string;
  /** After this instant the link no longer works (and the item may be deleted). */
  readonly expiresAt: string;
  /** The address's limit counter this submission took a place in (released on confirmation). */
  readonly limitKey: string;
}

/** A submission as kept: waiting (its content), or confirmed (only the reply: the request holds the rest). */
export type StoredSubmission = { readonly pending: PendingSubmission } | { readonly confirmed: ConfirmedReply };

export interface SubmissionStore {
  /**
   * Takes one place under `key` (a counter per address or network address and day); false, taking
   * nothing, when `max` places are already taken. Atomic: two submissions at once cannot both take the last.
   */
  take(key: string, max: number, expiresAt: string): Promise<boolean>;
  /** Gives a place back (a submission was confirmed, so it no longer counts as unconfirmed). */
  release(key: string): Promise<void>;
  /** Keeps a submission under the hash of its token (the token itself is only in the mail). */
  put(tokenHash: string, submission: PendingSubmission): Promise<void>;
  get(tokenHash: string): Promise<StoredSubmission | undefined>;
  /**
   * Records what the confirmation registered, once, and drops the submission's content (the request now
   * holds it): true when this call recorded it, false when another confirmation got there first.
   */
  markConfirmed(tokenHash: string, reply: ConfirmedReply): Promise<boolean>;
}
