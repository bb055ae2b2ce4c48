/**
 * The regions a country's regional holidays can name: for Bhutan its 20 dzongkhags, by a normalised
 * id (lowercase ASCII, words joined by `-`, the spelling of the government's lists). A region outside
 * the list would silently match no office (the office's `"Thimphu"` never equals a holiday's
 * `"thimphu"`), so configuration, holiday files and run-time declarations are checked against it.
 */
export const BHUTAN_DZONGKHAGS = [
  'bumthang',
  'chhukha',
  'dagana',
  'gasa',
  'haa',
  'lhuentse',
  'mongar',
  'paro',
  'pemagatshel',
  'punakha',
  'samdrup-jongkhar',
  'samtse',
  'sarpang',
  'thimphu',
  'trashigang',
  'trashiyangtse',
  'trongsa',
  'tsirang',
  'wangdue-phodrang',
  'zhemgang',
] as const;

/** The known regions of a country, or undefined when this system has no list for it (then any region is accepted). */
export const regionsOf = (country: string): readonly string[] | undefined =>
  country.toLowerCase() === 'bt' ? BHUTAN_DZONGKHAGS : undefined;

/** Lowercase, spaces and underscores to `-`: how a name someone typed is compared with the ids. */
const normalise = (region: string): string =>
  region
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/**
 * Why `region` is not a known region of `country` (naming the id it probably meant), or undefined
 * when it is one (or the country has no list).
 */
export const regionProblem = (country: string, region: string | undefined): string | undefined => {
  const known = regionsOf(country);
  if (region === undefined || known === undefined || known.includes(region)) return undefined;
  const meant = known.find(
    (k) => k === normalise(region) || k.replace(/-/g, '') === normalise(region).replace(/-/g, ''),
  );
  return meant
    ? `unknown region "${region}": region ids are lowercase, write "${meant}"`
    : `unknown region "${region}": expected one of ${country.toUpperCase()}'s ${known.length} regions (${known.join(', ')})`;
};
