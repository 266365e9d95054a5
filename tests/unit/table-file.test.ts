import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../platform/src/cli/exit-code";
import { decodeTable, readTableFile, readUtf8File, TableFileError } from "../../platform/src/files/table-file";
import { readCsv } from "../../platform/src/contact-card/csv";

const fixture = (name: string) => join(__dirname, "fixtures/table-files", name);
const refusal = (run: () => unknown): TableFileError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TableFileError);
    expect((error as TableFileError).exitCode).toBe(ExitCode.Permanent);
    return error as TableFileError;
  }
  throw new Error("not refused");
};

describe("readTableFile", () => {
  it("reads Excel's Windows-1252 ;-separated CSV as María Pérez", () => {
    const table = readTableFile(fixture("excel-windows-1252-semicolon.csv"));
    expect(table).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(table.text).toContain("María Pérez;Polícia Federal");
    expect(table.text).toContain("João Gonçalves;Dirección Nacional de Migraciones");
    expect(readCsv(table.text, table.delimiter).map((r) => r.person_name)).toEqual(["María Pérez", "João Gonçalves"]);
  });

  it("reads UTF-8 with and without a byte order mark, the mark removed", () => {
    for (const name of ["utf8-comma.csv", "utf8-bom-comma.csv"]) {
      const table = readTableFile(fixture(name));
      expect(table).toMatchObject({ encoding: "utf-8", delimiter: "," });
      expect(table.text.startsWith("external_id,")).toBe(true);
      expect(readCsv(table.text, table.delimiter)[0].person_name).toBe("María Pérez");
    }
  });

  it("reads UTF-16 LE and BE with a byte order mark, tab-separated (Excel's Unicode Text)", () => {
    expect(readTableFile(fixture("utf16le-bom-tab.txt"))).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    const be = readTableFile(fixture("utf16be-bom-tab.txt"));
    expect(be).toMatchObject({ encoding: "utf-16be", delimiter: "\t" });
    expect(readCsv(be.text, be.delimiter)[0]).toMatchObject({ person_name: "María Pérez", institution: "Polícia Federal" });
  });

  it("counts delimiters outside quotes only", () => {
    expect(readTableFile(fixture("quoted-header.csv")).delimiter).toBe(",");
  });

  it("refuses a Windows-1251 file instead of storing mojibake", () => {
    expect(refusal(() => readTableFile(fixture("windows-1251.csv"))).message).toMatch(/windows-1251\.csv: not UTF-8, and not Windows-1252 either by the look of line 2 .*save it as UTF-8/);
  });

  it("refuses a file that mixes UTF-8 and Windows-1252 lines", () => {
    expect(refusal(() => readTableFile(fixture("mixed-utf8-windows-1252.csv"))).message).toMatch(/mixed-utf8-windows-1252\.csv: mixes UTF-8 with another encoding \(line 2\); save it again as UTF-8/);
  });

  it("refuses a file cut inside a quoted field", () => {
    expect(refusal(() => readTableFile(fixture("truncated.csv"))).message).toMatch(/truncated\.csv: the quote opened on line 2 is never closed; the file looks cut short/);
  });

  it("refuses U+FFFD, a character already lost", () => {
    expect(refusal(() => readTableFile(fixture("replacement-char.csv"))).message).toMatch(/line 2 holds U\+FFFD/);
  });

  it("refuses bytes that are not text, UTF-16 without a mark, undefined Windows-1252 bytes", () => {
    expect(refusal(() => decodeTable(Buffer.from("id,name\n1,x\n", "utf16le"), "f.csv")).message).toMatch(/UTF-16 without a byte order mark/);
    expect(refusal(() => decodeTable(Buffer.from([0x69, 0x64, 0x0a, 0x81, 0x8d, 0x0a]), "f.csv")).message).toMatch(/f\.csv:/);
    expect(refusal(() => decodeTable(Buffer.from("id,name\n1,\u0001\n"), "f.csv")).message).toMatch(/control character U\+0001/);
  });

  it("refuses a header it cannot split with certainty, and an empty file", () => {
    expect(refusal(() => decodeTable(Buffer.from("a,b;c\n1,2;3\n"), "f.csv")).message).toMatch(/as many commas as semicolons/);
    expect(refusal(() => decodeTable(Buffer.from(" \n"), "f.csv")).message).toMatch(/empty/);
  });

  it("refuses a folder and a missing file with the reason", () => {
    const dir = mkdtempSync(join(tmpdir(), "table-file-"));
    expect(refusal(() => readTableFile(dir)).message).toBe(`${dir}: is a folder, not a file`);
    expect(refusal(() => readTableFile(join(dir, "none.csv"))).message).toMatch(/none\.csv: no such file or folder/);
  });
});

describe("readUtf8File", () => {
  it("reads UTF-8 and refuses anything else", () => {
    expect(readUtf8File(fixture("utf8-bom-comma.csv"), "a vCard file").startsWith("external_id")).toBe(true);
    expect(refusal(() => readUtf8File(fixture("excel-windows-1252-semicolon.csv"), "a vCard file")).message).toMatch(/a vCard file must be UTF-8, and this file is not/);
    expect(readFileSync(fixture("excel-windows-1252-semicolon.csv")).includes(0xed)).toBe(true);
  });
});
