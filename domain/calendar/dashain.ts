import { apparentLongitude } from 'astronomia/solar';
import { position } from 'astronomia/moonposition';

/**
 * Dashain, the one Bhutanese public holiday that follows the Hindu (Nepali) lunisolar calendar rather
 * than the Bhutanese one: Vijaya Dashami, the bright 10th tithi of the lunar month Ashvin. The
 * government's list confirms its date each year with the Department of Culture; this computes the
 * date to expect. Pure: no I/O.
 *
 * - A tithi is each 12° of the Moon's elongation from the Sun. Vijaya Dashami is kept on the day
 *   whose afternoon (aparahna, the fourth fifth of daylight: about 13:15–15:35 at Kathmandu, whose
 *   panchang Bhutan's Hindu community follows, i.e. 07:30–09:50 UTC) the 10th tithi touches; when it
 *   touches two afternoons, the second. Checked against the government's dates: 22 Oct 2015 (tithi
 *   from 12:29 that day to 10:22 the next), 8 Oct 2019 (13:09 to 15:21 the next day), 12 Oct 2024,
 *   2 Oct 2025, 21 Oct 2026 (13:22 to 14:43 the next day); see the tests.
 * - Ashvin (amanta) is the lunar month, new moon to new moon, in which the sidereal Sun enters Libra
 *   (Tula sankranti), with the Lahiri ayanamsa. A leap (adhika) month holds no sankranti, so it is
 *   never taken for Ashvin.
 */

const DAY_MS = 86_400_000;
const RAD = 180 / Math.PI;
const SYNODIC_MONTH = 29.530588861;
const APARAHNA_UTC_MS = [7.5 * 3_600_000, (9 + 5 / 6) * 3_600_000] as const;

const julianDay = (ms: number): number => ms / DAY_MS + 2_440_587.5;
const centuries = (jd: number): number => (jd - 2_451_545) / 36_525;
const norm = (deg: number): number => ((deg % 360) + 360) % 360;

const sunLongitude = (jd: number): number => norm(apparentLongitude(centuries(jd)) * RAD);
const elongation = (jd: number): number => norm(position(jd).lon * RAD - sunLongitude(jd));
/** Lahiri ayanamsa, degrees (23°51' at J2000, precessing 50.29" a year). */
const ayanamsa = (jd: number): number => 23.853 + ((jd - 2_451_545) / 365.25) * 0.013969;
const siderealSun = (jd: number): number => norm(sunLongitude(jd) - ayanamsa(jd));

/** The tithi (1–30) at an instant. */
const tithiAt = (jd: number): number => Math.floor(elongation(jd) / 12) + 1;

/** The instant (JD) of the new moon at or before `jd`, to about a minute. */
const newMoonBefore = (jd: number): number => {
  let t = jd - elongation(jd) / (360 / SYNODIC_MONTH);
  for (let i = 0; i < 8; i++) {
    const e = elongation(t);
    t -= (e > 180 ? e - 360 : e) / (360 / SYNODIC_MONTH);
  }
  return t;
};

/** The date (YYYY-MM-DD) of Dashain (Vijaya Dashami) in a Gregorian year. */
export const dashainDate = (year: number): string => {
  // Tula sankranti: the sidereal Sun reaches 180°, mid-October in this era.
  let sankranti = julianDay(Date.UTC(year, 9, 1));
  while (siderealSun(sankranti) < 180) sankranti += 1;
  sankranti -= 1;
  while (siderealSun(sankranti) < 180) sankranti += 1 / 96;
  const ashvinStarts = newMoonBefore(sankranti);
  const firstDayMs = Math.floor(ashvinStarts - 2_440_587.5) * DAY_MS;
  const touches = (dayMs: number): boolean => {
    const from = tithiAt(julianDay(dayMs + APARAHNA_UTC_MS[0]));
    const to = tithiAt(julianDay(dayMs + APARAHNA_UTC_MS[1]));
    return from === 10 || to === 10 || (from < 10 && to > 10);
  };
  for (let i = 0; i < 16; i++) {
    const dayMs = firstDayMs + i * DAY_MS;
    if (touches(dayMs)) return new Date(touches(dayMs + DAY_MS) ? dayMs + DAY_MS : dayMs).toISOString().slice(0, 10);
  }
  throw new RangeError(`no Vijaya Dashami found in ${year}`);
};
