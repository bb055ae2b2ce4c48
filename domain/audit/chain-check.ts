import { GENESIS_HASH, hashEvent } from './hash-chain.js';
import type { StreamHead } from '../shared/stream-head.js';
import type { StoredRecord, Verification } from './stored-record.js';

type Broken = Extract<Verification, { valid: false }>;

/** The first link that failed on its own (version, prevHash or hash), before the head is known. */
interface FirstBreak {
  readonly index: number;
  /** Whether it was the record's version that was wrong (then no head check applies to it). */
  readonly versionWrong: boolean;
  /** What verifyChain gives there: a verdict, or (a record that cannot be hashed) the error it throws. */
  readonly verdict: () => Broken;
}

const verdictOf = (brokenAt: number, reason: string) => () => ({ valid: false as const, brokenAt, reason });

/**
 * A stream's hash chain checked one record at a time, as the records are read: `add` each record in the
 * order the store returns them, then `result(head)` once the head is known (a read may re-read the head
 * after its events, so it can only come last). Gives exactly what {@link verifyChain} gives for the same
 * records and head (the same `brokenAt` and reason), hashing each record at most once and none after
 * the first break. `add` never throws: what hashing a record throws, `result` throws, where verifyChain would.
 */
export class ChainCheck {
  private prevHash = GENESIS_HASH;
  private count = 0;
  private broken: FirstBreak | undefined;

  /** Checks the next record's version, its link to the one before and its hash. */
  add(record: StoredRecord): void {
    const index = this.count++;
    if (this.broken) return;
    const expectedVersion = index + 1;
    if (record.version !== expectedVersion) {
      const reason =
        record.version > expectedVersion
          ? `event ${expectedVersion} is missing`
          : `event ${record.version} appears twice`;
      this.broken = { index, versionWrong: true, verdict: verdictOf(expectedVersion, reason) };
    } else if (record.prevHash !== this.prevHash) {
      this.broken = {
        index,
        versionWrong: false,
        verdict: verdictOf(
          record.version,
          `event ${record.version} does not follow event ${record.version - 1} (prevHash differs)`,
        ),
      };
    } else {
      let hash: string;
      try {
        hash = hashEvent(this.prevHash, record);
      } catch (err) {
        this.broken = {
          index,
          versionWrong: false,
          verdict: () => {
            throw err;
          },
        };
        return;
      }
      if (hash === record.hash) this.prevHash = record.hash;
      else
        this.broken = {
          index,
          versionWrong: false,
          verdict: verdictOf(
            record.version,
            `event ${record.version} was altered (its content does not match its hash)`,
          ),
        };
    }
  }

  /** The verdict on the records added so far against the stream's head (absent: the stream has no head record). */
  result(head: StreamHead | undefined): Verification {
    const { broken, count, prevHash } = this;
    if (head) {
      // verifyChain checks "added after the head" first at every record it reaches: up to the first break,
      // and at the break itself when only its link or hash (not its version) was wrong.
      const last = broken ? broken.index : count - 1;
      for (let i = 0; i <= last; i++) {
        const versionRight = !broken || i < broken.index || !broken.versionWrong;
        if (versionRight && i + 1 > head.version)
          return { valid: false, brokenAt: i + 1, reason: `event ${i + 1} was added after the head (${head.version})` };
      }
    }
    if (broken) return broken.verdict();
    if (!head) {
      return count === 0
        ? { valid: true, events: 0, head: GENESIS_HASH }
        : { valid: false, brokenAt: 1, reason: 'the stream has events but no head record' };
    }
    if (head.version > count) {
      return {
        valid: false,
        brokenAt: count + 1,
        reason: `the head records ${head.version} events but only ${count} remain: event ${count + 1} onwards removed`,
      };
    }
    if (head.version < count) {
      return {
        valid: false,
        brokenAt: head.version + 1,
        reason: `event ${head.version + 1} was added after the head (${head.version})`,
      };
    }
    if (head.hash !== prevHash) {
      return { valid: false, brokenAt: count, reason: `the head hash does not match event ${count}` };
    }
    return { valid: true, events: count, head: prevHash };
  }
}
