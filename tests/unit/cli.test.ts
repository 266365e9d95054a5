import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyError, ExitCode, integerOption, KEY_OPTIONS, parseCommandLine, PermanentError, readKey, redact, runCommand, TransientError, UsageError } from "../../platform/src/cli";

const config = { options: { out: { type: "string" }, count: { type: "string" }, ...KEY_OPTIONS } } as const;
const usageMessage = (argv: string[]): string => {
  try {
    parseCommandLine(config, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("parsed");
};

describe("parseCommandLine", () => {
  it("says in one line what is wrong with the arguments", () => {
    expect(usageMessage(["--nope"])).toBe("unknown option --nope");
    expect(usageMessage(["--out"])).toBe("--out: the value is missing");
    expect(usageMessage(["--out", "--count", "3"])).toMatch(/^--out: the value is missing \(to give a value that starts with "-", write --out=VALUE\)$/);
    expect(usageMessage(["stray"])).toBe('unexpected argument "stray"');
    expect(usageMessage(["--help=yes"])).toBe("--help takes no value");
  });

  it("returns null for --help and -h, the values otherwise", () => {
    expect(parseCommandLine(config, ["--out", "x", "--help"])).toBeNull();
    expect(parseCommandLine(config, ["-h"])).toBeNull();
    expect(parseCommandLine(config, ["--out", "x"])?.values.out).toBe("x");
  });
});

describe("integerOption", () => {
  it("accepts whole numbers in range, refuses the rest by name", () => {
    expect(integerOption("count", "12", 0, 100, 5)).toBe(12);
    expect(integerOption("count", undefined, 0, 100, 5)).toBe(5);
    for (const bad of ["1.5", "abc", "", "101", "-1", "1e3"]) expect(() => integerOption("count", bad, 0, 100, 5)).toThrow(/--count must be a whole number from 0 to 100/);
  });
});

describe("readKey", () => {
  const warnings: string[] = [];
  const warn = (line: string) => warnings.push(line);
  afterEach(() => (warnings.length = 0));

  it("takes ENLACE_KEY, then --key-file, and warns for --key", () => {
    expect(readKey({}, { ENLACE_KEY: "env-key-0123456789" }, warn)).toBe("env-key-0123456789");
    const dir = mkdtempSync(join(tmpdir(), "key-"));
    writeFileSync(join(dir, "key"), "file-key-0123456789\n");
    expect(readKey({ "key-file": join(dir, "key") }, { ENLACE_KEY: "env-key-0123456789" }, warn)).toBe("file-key-0123456789");
    expect(warnings).toEqual([]);
    expect(readKey({ key: "argv-key-0123456789" }, {}, warn)).toBe("argv-key-0123456789");
    expect(warnings).toEqual([expect.stringMatching(/^warning: --key shows the key .* use ENLACE_KEY=… or --key-file FILE instead$/)]);
    expect(readKey({}, {}, warn)).toBeNull();
    expect(() => readKey({ "key-file": join(dir, "missing") }, {}, warn)).toThrow(PermanentError);
    expect(() => readKey({ "key-file": dir }, {}, warn)).toThrow(/is a folder, not a file/);
    expect(() => readKey({ key: "a-key-0123456789", "key-file": join(dir, "key") }, {}, warn)).toThrow(UsageError);
  });

  it("registers the key so that no message repeats it", () => {
    readKey({}, { ENLACE_KEY: "secret-key-abcdefgh" }, warn);
    expect(redact("401 for Bearer secret-key-abcdefgh")).toBe("401 for Bearer [key]");
  });
});

describe("classifyError", () => {
  it("keeps typed errors, and sorts Node's by their code", () => {
    expect(classifyError(new TransientError("x")).exitCode).toBe(ExitCode.Transient);
    expect(classifyError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })).exitCode).toBe(ExitCode.Transient);
    const eacces = classifyError(Object.assign(new Error("EACCES: permission denied, mkdir '/proc/x'"), { code: "EACCES", path: "/proc/x" }));
    expect([eacces.exitCode, eacces.message]).toEqual([ExitCode.Permanent, "/proc/x: permission denied"]);
    expect(classifyError(new Error("a bug")).exitCode).toBe(ExitCode.Permanent);
  });
});

describe("runCommand", () => {
  it("prints one line and sets the exit code of the error's class", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const spec = (error: Error) => ({ name: "demo", usage: "usage: demo", config, run: async () => Promise.reject(error) });
    try {
      expect(await runCommand(spec(new TransientError("cannot reach the gateway")), [])).toBe(ExitCode.Transient);
      expect(await runCommand(spec(new PermanentError("the key was refused; check the key")), [])).toBe(ExitCode.Permanent);
      expect(await runCommand(spec(new Error("boom")), ["--bad"])).toBe(ExitCode.Permanent);
      expect(stderr.mock.calls.map((c) => c[0])).toEqual([
        "demo: cannot reach the gateway; running the same command again later should help\n",
        "demo: the key was refused; check the key\n",
        "demo: unknown option --bad (see --help)\n",
      ]);
    } finally {
      stderr.mockRestore();
      process.exitCode = 0;
    }
  });
});
