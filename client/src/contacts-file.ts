import { extname } from "node:path";
import { PermanentError } from "../../platform/src/cli/command-error";
import { list, readCsv } from "../../platform/src/contact-card/csv";
import { parseVCards } from "../../platform/src/contact-card/vcard";
import { decodeTable, decodeUtf8, readBytes } from "../../platform/src/files/table-file";
import type { PartnerContactInput } from "../../operations/generated/graphql";

const CSV_COLUMNS = ["external_id", "country", "topics", "person_name", "position", "institution", "emails", "phones", "languages"];

/**
 * Reads the partner's own contacts from a CSV (the columns Enlace writes: external_id,
 * country, topics, person_name, position, institution, emails, phones, languages; lists
 * separated by ";") in any encoding and delimiter `readTableFile` recognises (Excel's
 * ";"-separated Windows-1252 included), or from a vCard file (UTF-8, RFC 6350 §3.1; UID
 * is the external id, CATEGORIES the topics). A file that cannot be read with certainty is
 * refused (PermanentError); the rows themselves are checked by the server, which reports
 * the bad ones.
 */
export function readContactsFile(path: string): PartnerContactInput[] {
  const kind = extname(path).toLowerCase();
  const bytes = readBytes(path); // first: a folder or a missing file is named as such
  if (kind === ".vcf" || kind === ".vcard") {
    return parseVCards(decodeUtf8(bytes, path, "a vCard file")).map((c) => ({
      externalId: c.uid,
      country: c.country,
      topics: c.categories,
      personName: c.fullName,
      position: c.position,
      institution: c.institution,
      emails: c.emails,
      phones: c.phones,
      languages: c.languages,
    }));
  }
  if (kind === ".csv" || kind === ".tsv" || kind === ".txt") {
    const table = decodeTable(bytes, path);
    let rows: Record<string, string>[];
    try {
      rows = readCsv(table.text, table.delimiter);
    } catch (error) {
      throw new PermanentError(`${path}: not a readable CSV file: ${(error as Error).message.split("\n")[0]}`);
    }
    const header = rows.length ? Object.keys(rows[0]) : [];
    const absent = CSV_COLUMNS.filter((c) => !header.includes(c));
    if (rows.length && absent.length === CSV_COLUMNS.length) throw new PermanentError(`${path}: none of the columns ${CSV_COLUMNS.join(", ")} is in its header (found: ${header.join(", ")})`);
    return rows.map((r) => ({
      externalId: r.external_id,
      country: r.country,
      topics: list(r.topics),
      personName: r.person_name,
      position: r.position || null,
      institution: r.institution,
      emails: list(r.emails),
      phones: list(r.phones),
      languages: list(r.languages),
    }));
  }
  throw new PermanentError(`${path}: give a .csv (or .tsv) or a .vcf file`);
}
