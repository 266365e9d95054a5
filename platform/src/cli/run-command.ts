import { parseArgs, type ParseArgsConfig } from "node:util";
import { classifyError, UsageError } from "./command-error";
import { ExitCode } from "./exit-code";
import { redact } from "./secrets";

export type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

export interface CommandSpec<T extends ParseArgsConfig> {
  /** How the command is called in messages ("sync", "keys"). */
  name: string;
  /** The whole `--help` text. */
  usage: string;
  /** parseArgs' configuration; `--help`/`-h` is added. Strict: unknown options are errors. */
  config: T;
  run(parsed: Parsed<T>): Promise<ExitCode>;
}

/** parseArgs' messages are long and name its internals; one short line each instead. */
function usageError(error: NodeJS.ErrnoException): UsageError {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const option =
    quoted
      .replace(/ <value>$/, "")
      .split(", ")
      .pop() ?? quoted;
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`unknown option ${option}`);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError(`unexpected argument "${quoted}"`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/argument missing/.test(error.message)) return new UsageError(`${option}: the value is missing`);
      if (/ambiguous/.test(error.message)) return new UsageError(`${option}: the value is missing (to give a value that starts with "-", write ${option}=VALUE)`);
      if (/does not take an argument/.test(error.message)) return new UsageError(`${option} takes no value`);
      return new UsageError(error.message.split("\n")[0]);
    default:
      return new UsageError(error.message.split("\n")[0]);
  }
}

/** Parses the command line: `--help` → null; anything wrong → a UsageError. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, argv: string[]): Parsed<T> | null {
  const withHelp = { ...config, args: argv, strict: true, options: { ...config.options, help: { type: "boolean", short: "h" } } } as T;
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs(withHelp);
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).code!.startsWith("ERR_PARSE_ARGS")) throw usageError(error as NodeJS.ErrnoException);
    throw error;
  }
  return (parsed.values as Record<string, unknown>).help ? null : parsed;
}

/**
 * Runs a command as a process: parses its arguments, prints `--help`, and turns every
 * failure into one line on stderr (no stack trace; LOG_LEVEL=debug adds it) and the exit
 * code of its class (see ExitCode). Keys registered with `registerSecret` never appear.
 */
export async function runCommand<T extends ParseArgsConfig>(spec: CommandSpec<T>, argv: string[] = process.argv.slice(2)): Promise<ExitCode> {
  let code: ExitCode;
  try {
    const parsed = parseCommandLine(spec.config, argv);
    if (!parsed) {
      process.stdout.write(`${spec.usage}\n`);
      code = ExitCode.Done;
    } else {
      code = await spec.run(parsed);
    }
  } catch (thrown) {
    const error = classifyError(thrown);
    const hint = error instanceof UsageError ? " (see --help)" : error.exitCode === ExitCode.Transient ? "; running the same command again later should help" : "";
    process.stderr.write(`${spec.name}: ${redact(error.message.split("\n")[0])}${hint}\n`);
    if (process.env.LOG_LEVEL === "debug" && thrown instanceof Error) process.stderr.write(`${redact(thrown.stack ?? "")}\n`);
    code = error.exitCode;
  }
  process.exitCode = code;
  return code;
}

/** `--name VALUE` as an integer in [min, max], or the default when absent. */
export function integerOption(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** `--name VALUE` as one of the choices (case-insensitive), or the default when absent. */
export function choiceOption<C extends string>(name: string, raw: string | undefined, choices: readonly C[], fallback: C): C {
  if (raw === undefined) return fallback;
  const value = choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase());
  if (!value) throw new UsageError(`--${name} must be ${choices.join(" or ")}, got "${raw}"`);
  return value;
}

/** Fails with one line naming every required option that is missing. */
export function requireOptions(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === "");
  if (missing.length) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(", ")}`);
}
