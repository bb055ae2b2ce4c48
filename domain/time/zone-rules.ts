/**
 * A zone's offsets as a table of changes, computed once from the platform's `Intl` (at build time:
 * `npx tsx scripts/time/zone-rules.ts` writes zone-rules.generated.ts) so that reading an offset at run
 * time needs no `Intl.DateTimeFormat`: building the first one loads ICU's zone data, ~12–15 ms (and far
 * more under load) of every cold start that reads a date in the agency's zone.
 */

/** Offsets (minutes east of UTC) of one zone between `from` and `to` (epoch ms). */
export interface ZoneRules {
  readonly from: number;
  readonly to: number;
  /** `offsets[0]` holds from `from`; `offsets[i + 1]` from `changes[i]` (epoch ms, ascending). */
  readonly offsets: readonly number[];
  readonly changes: readonly number[];
}

/** The offset the rules give at `ts`, or undefined outside the range they cover. */
export const offsetFromRules = (rules: ZoneRules, ts: number): number | undefined => {
  if (!(ts >= rules.from && ts < rules.to)) return undefined;
  let lo = 0;
  let hi = rules.changes.length;
  // The number of changes at or before ts.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rules.changes[mid] as number) <= ts) lo = mid + 1;
    else hi = mid;
  }
  return rules.offsets[lo];
};

const DAY_MS = 86_400_000;

/**
 * The rules of a zone from `offsetAt` (the platform's answer): sampled daily from `from` to `to`, each
 * change found to the second by bisection. Offsets are read to the second, so a change is at a whole second.
 * A zone whose offset changed and changed back within one day would be missed; none in the tz database does.
 */
export const computeZoneRules = (offsetAt: (ts: number) => number, from: number, to: number): ZoneRules => {
  const offsets = [offsetAt(from)];
  const changes: number[] = [];
  let prevTs = from;
  for (let ts = from + DAY_MS; ; ts += DAY_MS) {
    const at = Math.min(ts, to - 1000);
    const offset = offsetAt(at);
    if (offset !== offsets[offsets.length - 1]) {
      // Bisect on whole seconds: lo has the old offset, hi the new one.
      let lo = Math.floor(prevTs / 1000);
      let hi = Math.floor(at / 1000);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid * 1000) === offset) hi = mid;
        else lo = mid;
      }
      changes.push(hi * 1000);
      offsets.push(offset);
    }
    prevTs = at;
    if (at >= to - 1000) break;
  }
  return { from, to, offsets, changes };
};
