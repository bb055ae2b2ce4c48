/**
 * Replaces `iconv-lite` (~480 KB of code tables) in the Lambda bundles with Node's own decoders:
 * `TextDecoder` (full ICU, as in Node's official builds and Lambda's runtime) for the WHATWG encodings,
 * `Buffer`'s latin1 for ISO-8859-1, and small tables for what ICU's decoder gets wrong or lacks.
 * Only the decoding half libmime uses is here (getCodec, getDecoder, encodingExists, decode).
 *
 * Same text as iconv-lite (test/infra/bundle.test.ts parses the mail corpus both ways) for every charset
 * real mail is written in. Where it differs (README "Charsets"):
 * - a code page WHATWG lacks other than CP437 / CP850 (e.g. CP852, MacGreek): its bytes are kept as
 *   ISO-8859-1 text (nothing lost, accents may show wrong), where iconv-lite had a table;
 * - malformed multibyte input (Shift_JIS, GBK, Big5, EUC-KR, GB18030): replacement characters follow
 *   the WHATWG decoder, so their number and place may differ; well-formed text is identical;
 * - Mac Roman: 0xBD is Ω U+03A9 and 0xDB € (Apple's 1998 table, as ICU has it), where iconv-lite had the
 *   ohm sign U+2126 and ¤.
 * Big5 keeps iconv-lite's own table (Big5-HKSCS, ~60 KB): ICU's Big5 in Node silently drops every
 * character outside plain Big5 (é, Cyrillic, kana), which iconv-lite and WHATWG decode.
 */
import { Buffer } from 'node:buffer';
// @ts-expect-error iconv-lite ships no types for its codec modules (used for Big5 only, see above)
import * as dbcs from '../../node_modules/iconv-lite/encodings/dbcs-codec.js';
import big5Added from '../../node_modules/iconv-lite/encodings/tables/big5-added.json' with { type: 'json' };
import cp950 from '../../node_modules/iconv-lite/encodings/tables/cp950.json' with { type: 'json' };

type Kind = 'latin1' | 'table' | 'sbcs' | 'multibyte' | 'big5' | 'utf16' | 'utf32' | 'refused';

/** One decoding recipe, the same object for every alias of a charset (libmime compares them by identity). */
export interface Codec {
  readonly name: string;
  readonly kind: Kind;
  /** The WHATWG label given to TextDecoder, or the 128 characters for bytes 0x80–0xFF. */
  readonly label: string;
  /** Shared by the multibyte codecs, as iconv-lite's double byte codecs share one decoder. */
  readonly decoder: unknown;
}

const MULTIBYTE_DECODER = Symbol('multibyte');
const UNMAPPED = '\ufffd';
const CP437 =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0';
const CP850 =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4\u00f0\u00d0\u00ca\u00cb\u00c8\u0131\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0';
/** windows-1252 for bytes 0x80–0x9F (Node ≤ 22.12's TextDecoder decodes it as latin1). */
const W1252_C1 =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const WINDOWS_1252 = W1252_C1 + Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');
/** ISO-8859-9 is latin1 but for six Turkish letters. */
const ISO_8859_9 = Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x80 + i))
  .join('')
  .replace(
    /[\u00d0\u00dd\u00de\u00f0\u00fd\u00fe]/g,
    (c) =>
      ({
        '\u00d0': '\u011e',
        '\u00dd': '\u0130',
        '\u00de': '\u015e',
        '\u00f0': '\u011f',
        '\u00fd': '\u0131',
        '\u00fe': '\u015f',
      })[c] as string,
  );

const codecs = new Map<string, Codec>();
const codec = (name: string, kind: Kind, label = name): Codec => {
  let c = codecs.get(name);
  if (!c)
    codecs.set(
      name,
      (c = { name, kind, label, decoder: kind === 'multibyte' || kind === 'big5' ? MULTIBYTE_DECODER : Symbol(name) }),
    );
  return c;
};

/** iconv-lite's own name folding: lower case, letters and digits only, no `:yyyy` suffix. */
const fold = (name: string): string =>
  String(name)
    .toLowerCase()
    .replace(/:\d{4}$|[^0-9a-z]/g, '');

const MULTIBYTE: Record<string, string> = {
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  xsjis: 'shift_jis',
  mskanji: 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  windows31j: 'shift_jis',
  csshiftjis: 'shift_jis',
  eucjp: 'euc-jp',
  xeucjp: 'euc-jp',
  cseucpkdfmtjapanese: 'euc-jp',
  gbk: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
  ms936: 'gbk',
  windows936: 'gbk',
  euccn: 'gbk',
  xgbk: 'gbk',
  csgb2312: 'gbk',
  chinese: 'gbk',
  gb231280: 'gbk',
  isoir58: 'gbk',
  '936': 'gbk',
  gb18030: 'gb18030',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  ms949: 'euc-kr',
  windows949: 'euc-kr',
  uhc: 'euc-kr',
  ksc56011987: 'euc-kr',
  ksc5601: 'euc-kr',
  korean: 'euc-kr',
  isoir149: 'euc-kr',
  cseuckr: 'euc-kr',
  '949': 'euc-kr',
};
const SBCS: Record<string, string> = {
  cp866: 'ibm866',
  ibm866: 'ibm866',
  '866': 'ibm866',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  koi8ru: 'koi8-u',
  koi8: 'koi8-r',
  macintosh: 'macintosh',
  mac: 'macintosh',
  macroman: 'macintosh',
  xmacroman: 'macintosh',
  csmacintosh: 'macintosh',
  maccyrillic: 'x-mac-cyrillic',
  xmaccyrillic: 'x-mac-cyrillic',
  macukraine: 'x-mac-cyrillic',
  xmacukrainian: 'x-mac-cyrillic',
  tis620: 'windows-874',
  iso885911: 'windows-874',
  windows874: 'windows-874',
  cp874: 'windows-874',
};
const REFUSED: Record<string, string> = {
  utf7: 'utf7',
  unicode11utf7: 'utf7',
  csunicode11utf7: 'utf7',
  utf7imap: 'utf7imap',
  base64: 'base64',
  hex: 'hex',
};

const resolve = (name: string): Codec | undefined => {
  const f = fold(name);
  if (REFUSED[f]) return codec(REFUSED[f] as string, 'refused');
  if (/^(latin1|binary|l1|iso88591|cp819|ibm819|isoir100|csisolatin1|cp28591)$/.test(f))
    return codec('latin1', 'latin1');
  if (/^(ascii|usascii|ansix341968|cp367|ibm367|iso646us|us)$/.test(f)) return codec('utf8', 'multibyte', 'utf-8');
  if (/^(utf8|unicode11utf8|cesu8)$/.test(f)) return codec('utf8', 'multibyte', 'utf-8');
  if (/^(utf16|ucs2|utf16le|unicode|csunicode|iso10646ucs2)$/.test(f))
    return codec(
      f === 'utf16' || f === 'unicode' ? 'utf16' : 'utf16le',
      'utf16',
      f === 'utf16' || f === 'unicode' ? 'utf-16' : 'utf-16le',
    );
  if (f === 'utf16be') return codec('utf16be', 'utf16', 'utf-16be');
  if (/^(utf32|utf32le|utf32be|ucs4)$/.test(f)) return codec(f === 'ucs4' ? 'utf32' : f, 'utf32', f);
  if (/^(cp437|ibm437|437|cspc8codepage437)$/.test(f)) return codec('cp437', 'table', CP437);
  if (/^(cp850|ibm850|850|cspc850multilingual)$/.test(f)) return codec('cp850', 'table', CP850);
  if (/^(windows1252|cp1252|win1252|xcp1252|ibm1252|1252)$/.test(f)) return codec('windows1252', 'table', WINDOWS_1252);
  if (/^(iso88599|latin5|l5|isoir148|csisolatin5|cp28599|windows28599)$/.test(f))
    return codec('iso88599', 'table', ISO_8859_9);
  if (/^(big5|big5hkscs|cp950|cnbig5|csbig5|xxbig5|950)$/.test(f)) return codec('big5hkscs', 'big5');
  if (MULTIBYTE[f]) return codec(MULTIBYTE[f] as string, 'multibyte', MULTIBYTE[f]);
  if (SBCS[f]) return codec(SBCS[f] as string, 'sbcs', SBCS[f]);
  const windows = /^(?:windows|win|cp|xcp|ibm)?(125[0-8])$/.exec(f);
  if (windows) return codec(`windows-${windows[1]}`, 'sbcs', `windows-${windows[1]}`);
  const iso = /^(?:iso8859|cp2859|windows2859)(\d+)$/.exec(f) ?? /^iso8859(\d+)\d{4}$/.exec(f);
  if (iso && ['2', '3', '4', '5', '6', '7', '8', '10', '13', '14', '15', '16'].includes(iso[1] as string))
    return codec(`iso-8859-${iso[1]}`, 'sbcs', `iso-8859-${iso[1]}`);
  const latin = /^(?:latin|l)([2-46-9]|10)$/.exec(f);
  if (latin)
    return codec(
      `iso-8859-${{ '2': 2, '3': 3, '4': 4, '6': 10, '7': 13, '8': 14, '9': 15, '10': 16 }[latin[1] as string]}`,
      'sbcs',
      `iso-8859-${{ '2': 2, '3': 3, '4': 4, '6': 10, '7': 13, '8': 14, '9': 15, '10': 16 }[latin[1] as string]}`,
    );
  // A DOS, Mac or ISO code page WHATWG has no decoder for: its bytes as ISO-8859-1 (nothing lost).
  if (/^(?:cp|ibm|dos|mac|xmac|iso8859|windows)\w*\d*$/.test(f) && f !== 'windows') return codec(f, 'latin1');
  return undefined;
};

/** The codec for a charset name; throws for a name it does not know, as iconv-lite does. */
export const getCodec = (name: string): Codec => {
  const c = resolve(name);
  if (!c) throw new Error(`Encoding not recognized: '${name}' (searched as: '${fold(name)}')`);
  return c;
};

export const encodingExists = (name: string): boolean => resolve(name) !== undefined;

const fromTable = (bytes: Uint8Array, high: string): string => {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80];
  return out;
};

/**
 * A single byte decoder from TextDecoder (one character per byte), with iconv-lite's view of the edges:
 * ASCII below 0x80 (ICU's IBM866 moves some controls), C1 controls for 0x80–0x9F in ISO-8859, and
 * U+FFFD for a byte the code page leaves unmapped (ICU gives C1 controls in Windows code pages and
 * private-use characters in Windows-874 and Mac Roman).
 */
const singleByte = (c: Codec, bytes: Uint8Array): string => {
  const iso = c.label.startsWith('iso-8859-');
  const windows = c.label.startsWith('windows-');
  return new TextDecoder(c.label).decode(bytes).replace(/./gsu, (ch, i: number) => {
    const b = bytes[i] as number;
    if (b < 0x80 || (iso && b <= 0x9f)) return String.fromCharCode(b);
    const u = ch.charCodeAt(0);
    return (windows && u >= 0x80 && u <= 0x9f) || (u >= 0xe000 && u <= 0xf8ff) ? UNMAPPED : ch;
  });
};

interface DbcsDecoder {
  write(bytes: Uint8Array): string;
  end(): string | undefined;
}
interface DbcsCodec {
  readonly decoder: new (options: unknown, codec: DbcsCodec) => DbcsDecoder;
}
let big5Codec: DbcsCodec | undefined;
/** iconv-lite's own Big5-HKSCS decoder and table, built on first use. */
const big5Decoder = (): DbcsDecoder => {
  if (!big5Codec) {
    const DbcsCodec = (dbcs as { _dbcs: new (options: unknown, iconv: unknown) => DbcsCodec })._dbcs;
    const table = () => (cp950 as unknown[]).concat(big5Added as unknown[]);
    big5Codec = new DbcsCodec(
      { type: '_dbcs', table, encodingName: 'big5hkscs' },
      { defaultCharUnicode: UNMAPPED, defaultCharSingleByte: '?' },
    );
  }
  return new big5Codec.decoder({}, big5Codec);
};

/** Byte order of BOM-less UTF-16 from its first 100 characters, as iconv-lite guesses it (spaces and ASCII). */
const utf16Label = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < Math.min(bytes.length, 200); i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) be++;
    if (bytes[i] !== 0 && bytes[i + 1] === 0) le++;
  }
  return be > le ? 'utf-16be' : 'utf-16le';
};

const utf32 = (c: Codec, bytes: Uint8Array): string => {
  let little = c.name === 'utf32le';
  let start = 0;
  if (c.name === 'utf32' || c.name === 'ucs4') {
    if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) [little, start] = [true, 4];
    else if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) [little, start] = [false, 4];
    else little = bytes[0] !== 0 && bytes[3] === 0;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let i = start; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, little);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : UNMAPPED;
  }
  return bytes.length % 4 ? out + UNMAPPED : out;
};

const decodeWith = (c: Codec, bytes: Uint8Array): string => {
  switch (c.kind) {
    case 'latin1':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    case 'table':
      return fromTable(bytes, c.label);
    case 'sbcs':
      return singleByte(c, bytes);
    case 'utf16':
      return new TextDecoder(c.label === 'utf-16' ? utf16Label(bytes) : c.label).decode(bytes);
    case 'utf32':
      return utf32(c, bytes);
    case 'multibyte':
      return new TextDecoder(c.label).decode(bytes);
    case 'big5': {
      const d = big5Decoder();
      return d.write(bytes) + (d.end() ?? '');
    }
    case 'refused':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf-8');
  }
};

/** Decodes bytes (a string is read as binary, as iconv-lite does) in a charset. */
export const decode = (input: Uint8Array | string, name: string): string =>
  decodeWith(getCodec(name), typeof input === 'string' ? Buffer.from(input, 'binary') : input);

/** An incremental decoder: multibyte charsets through TextDecoder's stream mode, the rest whole at the end. */
export const getDecoder = (name: string): { write(chunk: Uint8Array): string; end(): string | undefined } => {
  const c = getCodec(name);
  if (c.kind === 'multibyte') {
    const td = new TextDecoder(c.label);
    return { write: (chunk) => td.decode(chunk, { stream: true }), end: () => td.decode() || undefined };
  }
  if (c.kind === 'big5') return big5Decoder();
  if (c.kind === 'latin1' || c.kind === 'table' || c.kind === 'sbcs')
    return { write: (chunk) => decodeWith(c, chunk), end: () => undefined };
  const chunks: Buffer[] = [];
  return {
    write: (chunk) => (chunks.push(Buffer.from(chunk)), ''),
    end: () => decodeWith(c, Buffer.concat(chunks)) || undefined,
  };
};

export default { getCodec, getDecoder, encodingExists, decode };
