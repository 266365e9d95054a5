import { describe, expect, it } from "vitest";
import type { ContactCard } from "../../platform/src/contact-card/card";
import { uidFor } from "../../platform/src/contact-card/card";
import { partnerContactsCsv } from "../../platform/src/contact-card/cards";
import { list, neutralizeCell, readCsv, toCsv } from "../../platform/src/contact-card/csv";
import { parseVCards, toJCard, toVCard, toVCards } from "../../platform/src/contact-card/vcard";

const card: ContactCard = {
  uid: "csm-ar-1",
  fullName: "Persona Ficticia, Jr.; Ñandú",
  position: "Coordinadora\nde enlace",
  institution: "Dirección Nacional; Migraciones, Argentina",
  emails: ["a@example.org", "b@example.org"],
  phones: ["+541143100000"],
  languages: ["es", "pt-BR"],
  country: "AR",
  categories: ["TRAFFICKING_IN_PERSONS", "MIGRANT_SMUGGLING"],
  revision: "2026-11-23T10:12:33.651Z",
};

describe("vCard 4.0 and jCard", () => {
  it("writes a vCard 4.0 with escaped text and reads it back unchanged", () => {
    const text = toVCard(card);
    expect(text.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n")).toBe(true);
    expect(text).toContain("FN:Persona Ficticia\\, Jr.; Ñandú");
    expect(text).toContain("ORG:Dirección Nacional\\; Migraciones\\, Argentina");
    expect(text).toContain("TITLE:Coordinadora\\nde enlace");
    expect(text).toContain("TEL;VALUE=uri;TYPE=work;PREF=1:tel:+541143100000");
    expect(text).toContain("REV:20261123T101233Z");
    expect(text.endsWith("END:VCARD\r\n")).toBe(true);
    const [back] = parseVCards(text);
    expect(back).toMatchObject({ ...card, revision: "2026-11-23T10:12:33Z" });
  });

  it("reads several cards, and a vCard 3.0 with the country only in ADR", () => {
    expect(parseVCards(toVCards([card, { ...card, uid: "csm-ar-2" }])).map((c) => c.uid)).toEqual(["csm-ar-1", "csm-ar-2"]);
    const v3 = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x-9\r\nFN:Persona Ficticia\r\nORG:Cancillería ficticia\r\nEMAIL;TYPE=INTERNET:p@example.org\r\nADR;TYPE=WORK:;;;;;;Chile\r\nEND:VCARD\r\n";
    expect(parseVCards(v3)[0]).toMatchObject({ uid: "x-9", fullName: "Persona Ficticia", institution: "Cancillería ficticia", emails: ["p@example.org"], country: "CL" });
  });

  it("gives the same card as jCard (RFC 7095)", () => {
    const jcard = toJCard(card) as [string, unknown[][]];
    expect(jcard[0]).toBe("vcard");
    expect(jcard[1]).toContainEqual(["fn", {}, "text", card.fullName]);
    expect(jcard[1]).toContainEqual(["categories", {}, "text", "TRAFFICKING_IN_PERSONS", "MIGRANT_SMUGGLING"]);
  });

  it("shows the institution as the name when the person may not be shown", () => {
    expect(toVCard({ ...card, fullName: null, emails: [], phones: [] })).toContain("FN:Dirección Nacional; Migraciones\\, Argentina");
  });

  it("turns Enlace UUIDs into urn:uuid URIs and leaves other ids", () => {
    expect(uidFor("4531d4df-4eab-438f-8fa1-9fe385a80ab8")).toBe("urn:uuid:4531d4df-4eab-438f-8fa1-9fe385a80ab8");
    expect(uidFor("seed-cr-national")).toBe("seed-cr-national");
  });
});

describe("CSV safe against formula injection", () => {
  it.each(['=HYPERLINK("http://x")', "+50622000000", "-1+1", "@SUM(A1)", "\tx", "\rx"])("neutralises a cell starting with %j", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
    const csv = toCsv(["v"], [[value]]);
    expect(csv.split("\r\n")[1].replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    expect(readCsv(csv)[0].v).toBe(value);
  });

  it("leaves ordinary cells alone, quotes commas, quotes and line breaks, and reads them back", () => {
    expect(neutralizeCell("Ministerio")).toBe("Ministerio");
    expect(neutralizeCell("'quoted")).toBe("'quoted");
    const csv = toCsv(["a", "b", "c"], [["x, y", 'say "hi"', ["one", "two"]]]);
    expect(csv).toBe('a,b,c\r\n"x, y","say ""hi""",one; two\r\n');
    const [row] = readCsv(csv);
    expect(row).toEqual({ a: "x, y", b: 'say "hi"', c: "one; two" });
    expect(list(row.c)).toEqual(["one", "two"]);
  });

  it("reads a file edited by hand, with a byte order mark and mixed line endings", () => {
    expect(readCsv("\uFEFFa,b\r\n1,2\n3,4\r\n")).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
  });

  it("writes partner contacts with their phones neutralised", () => {
    const csv = partnerContactsCsv([
      {
        id: "i",
        conference: "CSM",
        externalId: "=cmd",
        country: "AR",
        topics: ["CHILDREN"],
        personName: "P",
        position: null,
        institution: "I",
        emails: ["p@example.org"],
        phones: ["+541143100000"],
        languages: ["es"],
        version: 1,
        updatedAt: "2026-01-01T00:00:00.000Z",
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe("'=cmd,AR,CHILDREN,P,,I,p@example.org,'+541143100000,es,i,1,2026-01-01T00:00:00.000Z");
  });
});
