/**
 * What a command's exit code tells a scheduler (cron, systemd, a CI job):
 *
 * | code | meaning | what to do |
 * |---|---|---|
 * | 0 | done | nothing |
 * | 1 | transient failure: the network, a timeout, a server restarting | run the same command again later |
 * | 2 | permanent failure: bad arguments, a bad key, an unreadable file | fix the cause; running it again will fail the same way |
 * | 3 | done, but some rows were rejected | read the report and fix those rows |
 */
export enum ExitCode {
  Done = 0,
  Transient = 1,
  Permanent = 2,
  Rejected = 3,
}
