import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileReason, PermanentError } from "../cli/command-error";

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * `mkdir -p` that fails at once with the reason. Not `mkdirSync(path, { recursive: true })`:
 * Node's native recursive mkdir reads ENOENT as "the parent is missing", creates the
 * parent (EEXIST: fine) and tries the child again; procfs and sysfs answer ENOENT to a
 * mkdir under them, so `--out /proc/x` looped forever at full CPU, inside a synchronous
 * call that no signal handler could interrupt. Here each level is made once.
 */
export function makeFolder(path: string, what = "folder"): void {
  const missing: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) throw new PermanentError(`${what} ${path}: ${p} is a file, not a folder`);
      break;
    } catch (error) {
      if (error instanceof PermanentError) throw error;
      if (code(error) !== "ENOENT" || dirname(p) === p) throw new PermanentError(`${what} ${path}: ${fileReason(error)}`);
      missing.unshift(p);
    }
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if (code(error) === "EEXIST" && statSync(dir).isDirectory()) continue; // made meanwhile by another process
      const reason = code(error) === "ENOENT" ? `${dirname(dir)} does not accept new folders (mkdir answered ENOENT there: a virtual file system such as /proc or /sys)` : fileReason(error);
      throw new PermanentError(`${what} ${path}: cannot create ${dir}: ${reason}`);
    }
  }
}
