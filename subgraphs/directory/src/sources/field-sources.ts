import { OfficeCaveat, PhoneLabel, ProcedureCode, RepresentationKind, RepresentationStatus, SourcedField } from "../entities/enums";

/** One value's source as the seed, the import, the exports and the API carry it. */
export interface FieldSourceValue {
  field: SourcedField;
  /** The value as the office holds it: a phone as written, an e-mail, a status, a procedure code. */
  value: string;
  label: PhoneLabel | null;
  url: string;
  /** The source's own date (YYYY, YYYY-MM or YYYY-MM-DD), null when it shows none. */
  published: string | null;
  /** When it was read (YYYY-MM-DD). */
  seenOn: string;
  excerpt: string;
}

/** What of an office needs a source: every contact, the hours, a status other than active, caveats and confirmed procedures. */
export interface SourcedValues {
  kind: RepresentationKind | string;
  address: string | null;
  phones: { raw: string }[];
  emails: string[];
  website: string | null;
  openingHours: string | null;
  status: RepresentationStatus | string;
  caveats: string[];
  confirmedProcedures: string[];
  concurrent: string[];
}

export const FIELDS = new Set<string>(Object.values(SourcedField));
const LABELS = new Set<string>(Object.values(PhoneLabel));
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const EXCERPT_MAX = 1000;

/** The (field, value) pairs an office holds that must each have a source. */
export function valuesNeedingSources(office: SourcedValues): { field: SourcedField; value: string }[] {
  const out: { field: SourcedField; value: string }[] = [];
  if (office.address) out.push({ field: SourcedField.ADDRESS, value: office.address });
  for (const phone of office.phones) out.push({ field: SourcedField.PHONE, value: phone.raw });
  for (const email of office.emails) out.push({ field: SourcedField.EMAIL, value: email });
  if (office.website) out.push({ field: SourcedField.WEBSITE, value: office.website });
  if (office.openingHours) out.push({ field: SourcedField.OPENING_HOURS, value: office.openingHours });
  if (office.status !== RepresentationStatus.ACTIVE) out.push({ field: SourcedField.STATUS, value: office.status });
  for (const caveat of office.caveats) out.push({ field: SourcedField.CAVEAT, value: caveat });
  for (const code of office.confirmedProcedures) out.push({ field: SourcedField.PROCEDURE, value: code });
  return out;
}

const digits = (text: string) => text.replace(/\D/g, "");
const folded = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
const hostOf = (url: string) => {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `http://${url}`).hostname.replace(/^www\./, "").toLowerCase();
  } catch {
    return url.toLowerCase();
  }
};

/**
 * Whether the excerpt states the value, for the values whose words can be checked: a
 * phone's digits, an e-mail, a website's host (or the page cited is on that site) and an
 * address appear in it. Hours (OSM
 * syntax from the page's words), statuses, caveats and procedures are read by a person.
 */
export function excerptStates(field: SourcedField, value: string, excerpt: string, url = ""): boolean {
  switch (field) {
    case SourcedField.PHONE: {
      const d = digits(value);
      // Dots, dashes, spaces and brackets differ between writings of one number.
      return d.length > 0 && digits(excerpt).includes(d);
    }
    case SourcedField.EMAIL:
      return folded(excerpt).includes(folded(value));
    case SourcedField.WEBSITE:
      // The office's own site is the source of its address: the page cited is on that host.
      return folded(excerpt).includes(hostOf(value)) || (url !== "" && hostOf(url) === hostOf(value));
    case SourcedField.ADDRESS:
      return folded(excerpt).includes(folded(value));
    default:
      return true;
  }
}

/** A source's own flaws (field, label, URL, dates, excerpt), whatever office it is for. */
export function sourceProblems(source: FieldSourceValue): string[] {
  const problems: string[] = [];
  if (!FIELDS.has(source.field)) problems.push(`field: "${source.field}" is not one of ${[...FIELDS].join(", ")}`);
  if (!source.value.trim()) problems.push("value: empty");
  if (source.label !== null && !LABELS.has(source.label)) problems.push(`label: "${source.label}" is not one of ${[...LABELS].join(", ")}`);
  if (source.label !== null && source.field !== SourcedField.PHONE) problems.push("label: only a phone has a label");
  // file: — an imported export, cited by file name and line; enlace: — a member state's submission or confirmation.
  if (!/^(https?:\/\/\S+|enlace:\S+|file:\S+)$/.test(source.url)) problems.push(`url: "${source.url}" is not an http(s) URL, a file: line of an import or an enlace: reference`);
  if (source.published !== null && !PARTIAL_DATE.test(source.published)) problems.push(`published: "${source.published}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (!DAY.test(source.seenOn)) problems.push(`seen_on: "${source.seenOn}" is not YYYY-MM-DD`);
  if (source.published !== null && source.published > source.seenOn) problems.push(`published: ${source.published} is after seen_on ${source.seenOn}`);
  if (!source.excerpt.trim()) problems.push("excerpt: empty; quote the words that state the value");
  else if (source.excerpt.length > EXCERPT_MAX) problems.push(`excerpt: ${source.excerpt.length} characters, at most ${EXCERPT_MAX}`);
  else if (!excerptStates(source.field, source.value, source.excerpt, source.url)) problems.push(`excerpt: does not contain the ${source.field.toLowerCase()} "${source.value}"`);
  if (source.field === SourcedField.STATUS && !(Object.values(RepresentationStatus) as string[]).includes(source.value)) problems.push(`value: "${source.value}" is not a status`);
  if (source.field === SourcedField.CAVEAT && !(Object.values(OfficeCaveat) as string[]).includes(source.value)) problems.push(`value: "${source.value}" is not a caveat`);
  if (source.field === SourcedField.PROCEDURE && !(Object.values(ProcedureCode) as string[]).includes(source.value)) problems.push(`value: "${source.value}" is not a procedure code`);
  if (source.field === SourcedField.KIND && !(Object.values(RepresentationKind) as string[]).includes(source.value)) problems.push(`value: "${source.value}" is not a kind`);
  return problems;
}

/**
 * Checks an office's values against their sources: each value that needs one has one, and
 * each source is for a value the office holds (no orphan). Returns the problems, in words
 * that name the field and the value.
 */
export function checkOfficeSources(office: SourcedValues, sources: FieldSourceValue[]): string[] {
  const problems: string[] = [];
  const key = (field: string, value: string) => `${field}\u0000${value}`;
  const held = valuesNeedingSources(office);
  const heldKeys = new Set(held.map((h) => key(h.field, h.value)));
  const sourced = new Set(sources.map((s) => key(s.field, s.value)));
  for (const h of held) if (!sourced.has(key(h.field, h.value))) problems.push(`${h.field.toLowerCase()} "${h.value}": no source (url, date and excerpt) states it`);
  for (const s of sources) {
    for (const p of sourceProblems(s)) problems.push(`source of ${s.field.toLowerCase()} "${s.value}": ${p}`);
    const orphan =
      s.field === SourcedField.KIND
        ? s.value !== office.kind
        : s.field === SourcedField.ACCREDITATION
          ? !office.concurrent.includes(s.value)
          : s.field === SourcedField.EXISTENCE
            ? false
            : s.field === SourcedField.STATUS
              ? s.value !== office.status // a dated page showing an office open is a source of its ACTIVE status too
              : !heldKeys.has(key(s.field, s.value));
    if (orphan) problems.push(`source of ${s.field.toLowerCase()} "${s.value}": the office does not hold that value (an orphan source)`);
  }
  return problems;
}

/** Phones get the label their source gives them. */
export function labelPhones<P extends { raw: string; label?: PhoneLabel | null }>(phones: P[], sources: FieldSourceValue[]): P[] {
  const labels = new Map(sources.filter((s) => s.field === SourcedField.PHONE).map((s) => [s.value, s.label]));
  return phones.map((p) => {
    const label = labels.get(p.raw);
    return label ? { ...p, label } : p;
  });
}

/** The newest date a source of the given fields states or was seen on: how old an office's contacts are. */
export function newestSourceDate(sources: FieldSourceValue[], fields: SourcedField[]): string | null {
  const wanted = new Set<string>(fields);
  let newest: string | null = null;
  for (const s of sources) {
    if (!wanted.has(s.field)) continue;
    const date = s.published ?? null;
    if (date !== null && (newest === null || date > newest)) newest = date;
  }
  return newest;
}
