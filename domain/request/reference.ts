/** Formats a reference number, `<PREFIX>-<YYYY>-<NNNNN>`. */
export const formatReference = (prefix: string, year: number, sequence: number): string => {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`a reference sequence starts at 1, got ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
};

/** Reads a reference number; undefined when it is not one. */
export const parseReference = (ref: string): { prefix: string; year: number; sequence: number } | undefined => {
  const m = /^([A-Z][A-Z0-9]{1,9})-(\d{4})-(\d{5,})$/.exec(ref);
  return m ? { prefix: m[1] as string, year: Number(m[2]), sequence: Number(m[3]) } : undefined;
};
