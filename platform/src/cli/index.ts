export { ExitCode } from "./exit-code";
export { CommandError, TransientError, PermanentError, UsageError, classifyError, fileReason } from "./command-error";
export { KEY_OPTIONS, KEY_HELP, readKey, registerSecret, redact } from "./secrets";
export { runCommand, parseCommandLine, integerOption, choiceOption, requireOptions, type CommandSpec, type Parsed } from "./run-command";
