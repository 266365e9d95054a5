import { ExitCode } from "./exit-code";

/**
 * A failure a command reports as one line on stderr, with the exit code that says
 * whether running it again can help. Anything thrown that is not a CommandError is
 * classified by `classifyError`.
 */
export abstract class CommandError extends Error {
  abstract readonly exitCode: ExitCode.Transient | ExitCode.Permanent;
}

/** The network, a timeout, a server restarting: running the same command again helps. */
export class TransientError extends CommandError {
  readonly exitCode = ExitCode.Transient;
}

/** A bad key, an unreadable file, a refused request: running it again fails the same way. */
export class PermanentError extends CommandError {
  readonly exitCode = ExitCode.Permanent;
}

/** Bad arguments: unknown option, missing or bad value. */
export class UsageError extends PermanentError {}

/** Node's codes for a network that failed now and may work later. */
const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET"]);

/** Node's codes for a file or folder that will not become readable or writable by retrying. */
const FILE_REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EEXIST: "already exists",
};

/** The error as a CommandError: typed ones as they are, Node's system errors by code, the rest permanent. */
export function classifyError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code && TRANSIENT_CODES.has(code)) return new TransientError(message);
  if (code && FILE_REASONS[code]) {
    const path = (error as NodeJS.ErrnoException).path;
    return new PermanentError(path ? `${path}: ${FILE_REASONS[code]}` : message);
  }
  return new PermanentError(message);
}

/** Why a file operation failed, in words, from Node's error code. */
export const fileReason = (error: unknown): string => FILE_REASONS[(error as NodeJS.ErrnoException)?.code ?? ""] ?? (error instanceof Error ? error.message : String(error));
