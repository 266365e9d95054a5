import { readFileSync } from "node:fs";
import { fileReason, UsageError, PermanentError } from "./command-error";

/** The options every command that needs an API key accepts. */
export const KEY_OPTIONS = {
  "key-file": { type: "string" },
  key: { type: "string" },
} as const;

export const KEY_HELP = `  The API key comes from the environment variable ENLACE_KEY, or from a file
  (--key-file FILE, its first line). --key KEY works too but shows the key to anyone
  who can list processes or read the logs.`;

const secrets = new Set<string>();

/** Remembers a value that must never be printed: `redact` replaces it everywhere. */
export function registerSecret(value: string): void {
  if (value.length >= 8) secrets.add(value);
}

/** The text with every registered secret replaced by "[key]". */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[key]");
  return out;
}

/**
 * The API key: from --key-file, --key (with a warning on stderr) or ENLACE_KEY, in that
 * order; several at once is an error. Null when none is given.
 */
export function readKey(values: { key?: string; "key-file"?: string }, env: NodeJS.ProcessEnv = process.env, warn: (line: string) => void = (line) => console.error(line)): string | null {
  if (values.key !== undefined && values["key-file"] !== undefined) throw new UsageError("give the key once: --key-file or --key, not both");
  let key: string | undefined;
  if (values["key-file"] !== undefined) {
    const path = values["key-file"];
    try {
      key = readFileSync(path, "utf8").split(/\r?\n/)[0]?.trim();
    } catch (error) {
      throw new PermanentError(`--key-file ${path}: ${fileReason(error)}`);
    }
    if (!key) throw new PermanentError(`--key-file ${path}: the file is empty`);
  } else if (values.key !== undefined) {
    key = values.key.trim();
    warn("warning: --key shows the key to anyone who can list processes (ps) and in logs; use ENLACE_KEY=… or --key-file FILE instead");
    if (!key) throw new UsageError("--key: the value is empty");
  } else {
    key = env.ENLACE_KEY?.trim() || undefined;
  }
  if (!key) return null;
  registerSecret(key);
  return key;
}
