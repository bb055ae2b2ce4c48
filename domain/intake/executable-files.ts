/**
 * Recognises attachments that run code when opened, however they are dressed up: by the name as
 * Windows and mail clients would read it, and by what the bytes are. Pure: no I/O.
 */

/** Extensions that run code when opened on Windows, macOS, Linux or Android. */
const EXECUTABLE_EXTENSION =
  /\.(exe|com|bat|cmd|scr|pif|msi|msp|dll|cpl|jar|js|jse|vbs|vbe|wsf|wsh|ps1|psm1|hta|lnk|reg|sh|apk|app|iso|img)$/i;
const EXECUTABLE_TYPES =
  /^application\/(x-msdownload|x-msdos-program|x-ms-installer|x-executable|x-sh|java-archive|x-javascript|javascript|vnd\.microsoft\.portable-executable)$/i;

/**
 * Invisible characters that change how a name is shown but not what it is: bidirectional controls
 * (right-to-left override makes `invoice\u202Egpj.exe` read as `invoiceexe.jpg`), zero-width
 * characters, the soft hyphen and the byte-order mark.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Characters that look like a full stop but are not one (after NFKC, which already folds `．`, `﹒`, `․`). */
const LOOKALIKE_DOTS =
  /[\u00B7\u0387\u06D4\u0701\u0702\u2024\u2027\u2E31\u2E33\u2E3C\u3002\uFF0E\uFF61\uFE52\u30FB\uFF65\u16EB\u1427]/g;

/** A name without its invisible characters: what the person reading it should see. */
export const visibleFilename = (name: string): string => name.replace(INVISIBLE, '');

/**
 * The names a file could be taken for once normalised: Unicode compatibility forms folded (NFKC),
 * invisible characters dropped, look-alike dots made dots, an NTFS stream suffix (`name:stream:$DATA`,
 * `name::$DATA`) cut off, and trailing dots and spaces removed as Windows does (`invoice.exe.`).
 */
export const namesToCheck = (name: string): string[] => {
  const folded = visibleFilename(name.normalize('NFKC')).replace(LOOKALIKE_DOTS, '.');
  const trimmed = (n: string) => n.replace(/[. \t]+$/g, '');
  const beforeStream = folded.split(':')[0] ?? folded;
  return [...new Set([trimmed(folded), trimmed(beforeStream)])];
};

/** What the first bytes of a file say it is, when that is a program or a script. */
export const executableContent = (head: Uint8Array): string | undefined => {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x4d && b(1) === 0x5a) return 'a Windows program (MZ/PE)';
  if (b(0) === 0x7f && b(1) === 0x45 && b(2) === 0x4c && b(3) === 0x46) return 'a Linux program (ELF)';
  const magic = ((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(magic))
    return 'a macOS program (Mach-O)';
  // A script with an interpreter line, also after a UTF-8 byte-order mark
  const start = b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf ? 3 : 0;
  if (b(start) === 0x23 && b(start + 1) === 0x21) return 'a script (#!)';
  return undefined;
};

/**
 * Why an attachment is to be quarantined as something that runs, or undefined: its name (as
 * normalised by {@link namesToCheck}), its declared type, or its content.
 */
export const executableReason = (filename: string, contentType: string, head: Uint8Array): string | undefined => {
  if (namesToCheck(filename).some((n) => EXECUTABLE_EXTENSION.test(n)) || EXECUTABLE_TYPES.test(contentType))
    return 'executable file type';
  const content = executableContent(head);
  return content ? `executable content: ${content}` : undefined;
};
