/**
 * Replaces `encoding-japanese` (~87 KB) in the Lambda bundles: libmime asks it only to turn ISO-2022-JP
 * (JIS) and EUC-JP bytes into a string, which Node's TextDecoder does (WHATWG decoders, full ICU).
 * Well-formed text decodes the same (test/infra/bundle.test.ts); malformed escape sequences become
 * U+FFFD per WHATWG where encoding-japanese guessed.
 */
interface ConvertOptions {
  readonly to: string;
  readonly from: string;
  readonly type?: string;
}

/** Decodes Japanese mail bytes to a string (the only conversion libmime asks for). */
export const convert = (data: Uint8Array | ArrayLike<number>, options: ConvertOptions): string => {
  const label = /euc/i.test(options.from) ? 'euc-jp' : /sjis|shift/i.test(options.from) ? 'shift_jis' : 'iso-2022-jp';
  return new TextDecoder(label).decode(data instanceof Uint8Array ? data : Uint8Array.from(data as ArrayLike<number>));
};

export default { convert };
