import { describe, expect, it } from "vitest";
import { OfficeCaveat, RepresentationKind, RepresentationStatus, SourcedField } from "../../subgraphs/directory/src/entities/enums";
import { checkOfficeSources, excerptStates, sourceProblems, valuesNeedingSources, type FieldSourceValue, type SourcedValues } from "../../subgraphs/directory/src/sources/field-sources";
import { fieldSourcesCell, parseFieldSourcesCell } from "../../subgraphs/directory/src/sources/field-source-table";

const office = (over: Partial<SourcedValues> = {}): SourcedValues => ({
  kind: RepresentationKind.EMBASSY,
  address: null,
  phones: [],
  emails: [],
  website: null,
  openingHours: null,
  status: RepresentationStatus.ACTIVE,
  caveats: [],
  confirmedProcedures: [],
  concurrent: [],
  ...over,
});
const source = (field: SourcedField, value: string, excerpt: string, over: Partial<FieldSourceValue> = {}): FieldSourceValue => ({
  field,
  value,
  label: null,
  url: "https://example.org/contact",
  published: "2025-03",
  seenOn: "2026-12-07",
  excerpt,
  ...over,
});

describe("every value with its source", () => {
  it("lists what needs a source: contacts, hours, a status other than active, caveats, confirmed procedures", () => {
    const values = valuesNeedingSources(
      office({
        address: "Calle 1",
        phones: [{ raw: "+502 2333 4444" }],
        emails: ["a@b.org"],
        website: "https://b.org",
        openingHours: "Mo-Fr 09:00-13:00",
        status: RepresentationStatus.TEMPORARILY_CLOSED,
        caveats: [OfficeCaveat.UNCONFIRMED],
        confirmedProcedures: ["PASSPORT"],
      }),
    );
    expect(values.map((v) => v.field)).toEqual(["ADDRESS", "PHONE", "EMAIL", "WEBSITE", "OPENING_HOURS", "STATUS", "CAVEAT", "PROCEDURE"]);
    expect(valuesNeedingSources(office())).toEqual([]); // an active office with nothing: nothing to source
  });

  it("refuses a value no source states, naming the field and the value", () => {
    expect(checkOfficeSources(office({ phones: [{ raw: "(202) 797-8518" }] }), [])).toEqual(['phone "(202) 797-8518": no source (url, date and excerpt) states it']);
  });

  it("refuses a source for a value the office does not hold (an orphan)", () => {
    const problems = checkOfficeSources(office(), [source(SourcedField.EMAIL, "old@b.org", "write to old@b.org")]);
    expect(problems).toEqual(['source of email "old@b.org": the office does not hold that value (an orphan source)']);
  });

  it("accepts a phone whose digits the excerpt states, however it is punctuated", () => {
    const o = office({ phones: [{ raw: "+1 (202) 797-8518" }] });
    expect(checkOfficeSources(o, [source(SourcedField.PHONE, "+1 (202) 797-8518", "Tel. 1-202-797-8518, lunes a viernes")])).toEqual([]);
  });

  it("refuses an excerpt that does not state the value, an empty excerpt, a bad URL or date", () => {
    expect(sourceProblems(source(SourcedField.PHONE, "+502 2333 4444", "Tel. 2333 4445"))).toEqual(['excerpt: does not contain the phone "+502 2333 4444"']);
    expect(sourceProblems(source(SourcedField.EMAIL, "a@b.org", "  "))).toEqual(["excerpt: empty; quote the words that state the value"]);
    expect(sourceProblems(source(SourcedField.ADDRESS, "Calle 1", "Calle 1", { url: "javascript:alert(1)" }))[0]).toMatch(/^url:/);
    expect(sourceProblems(source(SourcedField.ADDRESS, "Calle 1", "Calle 1", { published: "2027-01-01" }))).toEqual(["published: 2027-01-01 is after seen_on 2026-12-07"]);
    expect(sourceProblems(source(SourcedField.ADDRESS, "Calle 1", "Calle 1", { published: "last year" }))[0]).toMatch(/^published:/);
    expect(sourceProblems(source(SourcedField.CAVEAT, "SOMETHING", "x"))).toEqual(['value: "SOMETHING" is not a caveat']);
  });

  it("checks a website against the excerpt or the site the page is on", () => {
    expect(excerptStates(SourcedField.WEBSITE, "https://cghaitiny.org", "Visit cghaitiny.org")).toBe(true);
    expect(excerptStates(SourcedField.WEBSITE, "https://cghaitiny.org", "Mission", "https://cghaitiny.org/mission/")).toBe(true);
    expect(excerptStates(SourcedField.WEBSITE, "https://cghaitiny.org", "Mission", "https://example.org/")).toBe(false);
  });

  it("keeps the status source of an active office (a dated page showing it open), and the kind's", () => {
    expect(checkOfficeSources(office(), [source(SourcedField.STATUS, "ACTIVE", "La embajada atendió hoy")])).toEqual([]);
    expect(checkOfficeSources(office(), [source(SourcedField.KIND, "HONORARY_CONSULATE", "Honorary Consulate")])[0]).toMatch(/orphan/);
  });

  it("round-trips the field_sources cell of the exports and the import", () => {
    const sources = [source(SourcedField.PHONE, "+502 2333 4444", "Tel. +502 2333 4444", { label: null })];
    expect(parseFieldSourcesCell(fieldSourcesCell(sources))).toEqual(sources);
    expect(parseFieldSourcesCell("")).toEqual([]);
    expect(() => parseFieldSourcesCell("{not json")).toThrow(/JSON array/);
  });
});
