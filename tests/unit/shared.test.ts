import { canonicalLanguage, isCountryCode } from "../../platform/src/formats";
import { describe, expect, it } from "vitest";
import { Lang, langFromAcceptLanguage } from "../../platform/src/lang";
import { decodeCursor, encodeCursor, pageSize } from "../../subgraphs/kit/src/pagination";
import { foldText, likePattern } from "../../platform/src/text";
import { stalenessOf } from "../../subgraphs/directory/src/staleness";

describe("langFromAcceptLanguage", () => {
  it.each([
    [undefined, Lang.ES],
    ["", Lang.ES],
    ["en", Lang.EN],
    ["fr-CA,fr;q=0.9", Lang.FR],
    ["de-DE,de;q=0.9,pt;q=0.5,en;q=0.4", Lang.PT],
    ["en;q=0.2, fr;q=0.8", Lang.FR],
    ["de, it", Lang.ES],
    ["en;q=0", Lang.ES],
  ])("%s → %s", (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });
});

describe("cursors", () => {
  it("round-trip and refuse what they did not make", () => {
    const cursor = encodeCursor("representation", "ht-mx-emb-mexico-city");
    expect(decodeCursor("representation", cursor)).toBe("ht-mx-emb-mexico-city");
    expect(() => decodeCursor("representation", encodeCursor("country", "HT"))).toThrow(/after: is not a valid cursor/);
    expect(() => decodeCursor("representation", "!!!")).toThrow(/not a valid cursor/);
    expect(() => decodeCursor("representation", encodeCursor("representation", ""))).toThrow(/not a valid cursor/);
  });
  it("page sizes are 0..100, default 20", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(-1)).toThrow(/first: must be an integer from 0 to 100, got -1/);
    expect(() => pageSize(101)).toThrow(/first/);
  });
});

describe("foldText", () => {
  it("removes case and accents", () => {
    expect(foldText("  Haití  Ciudad de PANAMÁ ")).toBe("haiti ciudad de panama");
    expect(foldText("Haïti São Tomé Dajabón")).toBe("haiti sao tome dajabon");
  });
  it("escapes LIKE wildcards", () => {
    expect(likePattern("100%_x")).toBe("%100\\%\\_x%");
  });
});

describe("stalenessOf", () => {
  const today = new Date("2026-11-23T12:00:00Z");
  it.each([
    [null, "UNKNOWN", null],
    ["2026-11-23", "FRESH", 0],
    ["2026-06-01", "FRESH", 175],
    ["2026-05-01", "AGING", 206],
    ["2025-11-23", "STALE", 365],
    ["2019", "STALE", 2883],
    ["2026-11", "FRESH", 22],
  ])("%s → %s", (date, level, days) => {
    const s = stalenessOf(date as string | null, today);
    expect(s.level).toBe(level);
    if (days !== null) expect(s.daysSinceVerified).toBe(days);
  });
});

describe("formats: country codes and language tags", () => {
  it("accepts ISO 3166-1 alpha-2 codes in upper case only", () => {
    expect(["CR", "HT", "BR"].every(isCountryCode)).toBe(true);
    expect(["XX", "cr", "CRI", ""].some(isCountryCode)).toBe(false);
  });

  it("puts BCP 47 tags in canonical form and refuses what is not one", () => {
    expect(canonicalLanguage(" es-cl ")).toBe("es-CL");
    expect(canonicalLanguage("pt-br")).toBe("pt-BR");
    expect(canonicalLanguage("not a tag!")).toBeNull();
  });
});
