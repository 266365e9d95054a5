import { readFileSync, statSync } from "node:fs";
import { fileReason, PermanentError } from "../cli/command-error";

export type TableEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type TableDelimiter = "," | ";" | "\t";

export interface TableText {
  /** The decoded text, without a byte order mark. */
  text: string;
  encoding: TableEncoding;
  delimiter: TableDelimiter;
}

/** A file that cannot be read as a table with certainty: refused, never guessed. */
export class TableFileError extends PermanentError {}

const REPLACEMENT = "\uFFFD";
/**
 * Control characters no spreadsheet writes into a text file (tab, CR and LF excepted);
 * U+0080–U+009F is also what the five bytes Windows-1252 leaves undefined decode to.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * Latin-script words have one or two accented letters in a row ("Pérez", "ações"); text in
 * Cyrillic, Greek or Arabic legacy code pages read as Windows-1252 turns whole words into
 * runs of them ("Ìàðèÿ"). Longer runs mean the guess would be wrong: refuse.
 */
const ACCENTED_RUN = /[^\u0000-\u007F]{4,}/;
/**
 * A UTF-8 sequence among bytes that are not UTF-8 as a whole: a file edited in two
 * programs. Read as Windows-1252 its UTF-8 part would become "MarÃ­a"; refuse instead.
 * (In Latin text, a letter such as "Ã" followed by a byte 0x80–0xBF does not occur.)
 */
const UTF8_SEQUENCE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;

/** Node's WHATWG Encoding Standard decoders (full ICU, in every official build): no library needed. */
const decoder = (encoding: TableEncoding) => new TextDecoder(encoding, { ignoreBOM: true });

const strictUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/**
 * The text of a spreadsheet export: UTF-8 (with or without a byte order mark), UTF-16
 * LE/BE with a byte order mark, else Windows-1252 when the bytes are not UTF-8 and look
 * Western European (Excel's "CSV" on a Spanish or Portuguese Windows). Anything else is
 * refused with the reason: a wrong guess would store "MarÃa" or "Mar�a" as a name.
 */
export function decodeText(bytes: Uint8Array, name: string): { text: string; encoding: TableEncoding } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string | null;
  let encoding: TableEncoding;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) throw new TableFileError(`${name}: UTF-32 is not supported; save it as UTF-8`);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) [text, encoding] = [strictUtf8(b.subarray(3)), "utf-8"];
  else if (b[0] === 0xff && b[1] === 0xfe) [text, encoding] = [decoder("utf-16le").decode(b.subarray(2)), "utf-16le"];
  else if (b[0] === 0xfe && b[1] === 0xff) [text, encoding] = [decoder("utf-16be").decode(b.subarray(2)), "utf-16be"];
  else if (b.includes(0)) throw new TableFileError(`${name}: not a text file, or UTF-16 without a byte order mark; save it as UTF-8`);
  else if ((text = strictUtf8(b)) !== null) encoding = "utf-8";
  else {
    const mixed = UTF8_SEQUENCE.exec(b.toString("latin1"));
    if (mixed) throw new TableFileError(`${name}: mixes UTF-8 with another encoding (line ${b.subarray(0, mixed.index).toString("latin1").split("\n").length}); save it again as UTF-8`);
    [text, encoding] = [decoder("windows-1252").decode(b), "windows-1252"];
    const run = ACCENTED_RUN.exec(text);
    if (run) {
      const line = text.slice(0, run.index).split("\n").length;
      throw new TableFileError(
        `${name}: not UTF-8, and not Windows-1252 either by the look of line ${line} (it may be Cyrillic, Greek or Asian text in an older encoding); save it as UTF-8 and try again`,
      );
    }
  }
  if (text === null) throw new TableFileError(`${name}: starts with a UTF-8 byte order mark but is not valid UTF-8; save it again as UTF-8`);
  const bad = text.includes(REPLACEMENT) ? REPLACEMENT : CONTROL.exec(text)?.[0];
  if (bad !== undefined) {
    const line = text.slice(0, text.indexOf(bad)).split("\n").length;
    throw new TableFileError(
      `${name}: line ${line} holds ${bad === REPLACEMENT ? "U+FFFD (a character already lost by an earlier conversion)" : `the control character U+${bad.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`} as ${encoding}; is it a text file?`,
    );
  }
  return { text, encoding };
}

/**
 * Scans the text as CSV with the delimiter: the count of each candidate delimiter on the
 * header line outside quotes, and whether a quoted field is left open at the end (a file
 * cut short).
 */
function scan(text: string): { counts: Record<TableDelimiter, number>; openQuoteLine: number | null } {
  const counts: Record<TableDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
      else if (c === "\n") line++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      quoteLine = line;
      continue;
    }
    fieldStart = c === "," || c === ";" || c === "\t" || c === "\n" || c === "\r";
    if (c === "\n") line++;
    else if (line === 1 && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  return { counts, openQuoteLine: quoted ? quoteLine : null };
}

/** The delimiter of a CSV/TSV text: the one that splits the header line, outside quotes. */
export function detectDelimiter(text: string, name: string): TableDelimiter {
  const { counts, openQuoteLine } = scan(text);
  if (openQuoteLine !== null) throw new TableFileError(`${name}: the quote opened on line ${openQuoteLine} is never closed; the file looks cut short`);
  const ranked = (Object.entries(counts) as [TableDelimiter, number][]).sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0) return ",";
  if (ranked[0][1] === ranked[1][1]) {
    const names = { ",": "commas", ";": "semicolons", "\t": "tabs" };
    throw new TableFileError(`${name}: the header line has as many ${names[ranked[0][0]]} as ${names[ranked[1][0]]}; cannot tell which one separates the columns`);
  }
  return ranked[0][0];
}

/** A CSV or TSV file's bytes as text, with its encoding and delimiter. */
export function decodeTable(bytes: Uint8Array, name: string): TableText {
  const { text, encoding } = decodeText(bytes, name);
  if (!text.trim()) throw new TableFileError(`${name}: the file is empty`);
  return { text, encoding, delimiter: detectDelimiter(text, name) };
}

/**
 * The largest table file read (IMPORT_MAX_MB, default 50): the whole directory exports to
 * about 0.4 MB, and a file read whole must not take the process's memory.
 */
export const maxTableBytes = (env = process.env): number => {
  const mb = Number(env.IMPORT_MAX_MB ?? 50);
  return (Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024;
};

/** Reads a file, or fails with one line: missing, a folder, unreadable, over the size limit. */
export function readBytes(path: string, maxBytes = maxTableBytes()): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new TableFileError(`${path}: ${fileReason(error)}`);
  }
  if (size > maxBytes) throw new TableFileError(`${path}: ${(size / 1_048_576).toFixed(1)} MB, over the limit of ${(maxBytes / 1_048_576).toFixed(0)} MB (IMPORT_MAX_MB); split the file`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new TableFileError(`${path}: ${fileReason(error)}`);
  }
}

/** A CSV or TSV file as text, with its encoding and delimiter. */
export const readTableFile = (path: string): TableText => decodeTable(readBytes(path), path);

/** Text that must be UTF-8 (vCard, RFC 6350 §3.1): without a byte order mark, or a refusal. */
export function decodeUtf8(bytes: Uint8Array, name: string, what: string): string {
  const text = strictUtf8(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  if (text === null) throw new TableFileError(`${name}: ${what} must be UTF-8, and this file is not; save it as UTF-8`);
  if (text.includes(REPLACEMENT))
    throw new TableFileError(`${name}: line ${text.slice(0, text.indexOf(REPLACEMENT)).split("\n").length} holds U+FFFD (a character already lost by an earlier conversion)`);
  return text;
}

/** A file that must be UTF-8 (vCard): its text without a byte order mark, or a refusal. */
export const readUtf8File = (path: string, what: string): string => decodeUtf8(readBytes(path), path, what);
