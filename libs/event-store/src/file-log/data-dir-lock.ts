import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another process that still runs owns the data directory. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`Data directory ${dir} is in use by process ${pid}`);
  }
}

/** The process that owns the data directory (its LOCK file names it), if that process still runs. */
export function dataDirOwner(dir: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'LOCK'), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : undefined;
}

/**
 * One process at a time may own a data directory. The lock names the owner's pid; a lock left behind by
 * a killed process (its pid no longer runs) is taken over.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(dir: string): DataDirLock {
    const path = join(dir, 'LOCK');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = dataDirOwner(dir);
        if (owner !== undefined) throw new DataDirInUseError(dir, owner);
        unlinkSync(path);
      }
    }
    throw new Error(`Could not lock data directory ${dir}`);
  }

  release(): void {
    try {
      unlinkSync(this.path);
    } catch {
      // already gone: nothing to release
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
