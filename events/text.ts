/** A lone (unpaired) UTF-16 surrogate: with the `u` flag, paired surrogates are one code point and do not match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Whether a string is well-formed Unicode: storage would turn a lone surrogate into U+FFFD and break the hash chain. */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

/**
 * Clips text to at most `max` UTF-16 units without splitting a character: a limit applied after
 * normalisation (lower-casing, cleaning), so what is stored always fits the schema it is read with.
 */
export const clipText = (text: string, max: number): string => {
  let clipped = text.length > max ? text.slice(0, max) : text;
  const last = clipped.charCodeAt(clipped.length - 1);
  // The cut fell between the two halves of one character: drop the half that was kept.
  if (clipped.length < text.length && last >= 0xd800 && last <= 0xdbff) clipped = clipped.slice(0, -1);
  return clipped.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
};
