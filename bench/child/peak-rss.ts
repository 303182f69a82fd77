import { readFileSync } from 'node:fs';

/** The process's peak resident set size (VmHWM) in bytes; the current RSS where /proc is missing. */
export function peakRssBytes(pid: number | 'self' = 'self'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux, or the process is gone: fall through
  }
  return pid === 'self' ? process.memoryUsage().rss : 0;
}
