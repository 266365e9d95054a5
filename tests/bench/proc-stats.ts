import { readFileSync } from "node:fs";

/**
 * CPU time and peak memory of another process, read from Linux's /proc: the bench
 * measures its servers from outside, so they carry no measuring code. Elsewhere the
 * figures are missing (NaN), never invented.
 */
const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the project runs on

/** User + system CPU of the process so far, in milliseconds (10 ms resolution: compare totals over seconds). */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command name "(...)": utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** A memory line of the process's /proc status (VmHWM, VmRSS), in MiB. */
function statusMiB(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The process's peak resident memory so far (VmHWM), in MiB. */
export const peakRssMiB = (pid: number): number => statusMiB(pid, "VmHWM");

/** The process's resident memory now (VmRSS), in MiB. */
export const rssMiB = (pid: number): number => statusMiB(pid, "VmRSS");
