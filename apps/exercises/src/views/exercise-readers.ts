import { DataDirInUseError } from '@imera/event-store';
import { ExerciseNamespace } from '../runtime';
import { ExerciseReport, exerciseExists, namespaceOwner, readReportFile } from '../runner';

/** Defaults, not law: how many finished exercises stay open for viewing, and for how long unused. */
export const DEFAULT_MAX_OPEN = 3;
export const DEFAULT_IDLE_MS = 60_000;

export interface ExerciseReadersOptions {
  readonly maxOpen?: number;
  readonly idleMs?: number;
}

/** Why a namespace cannot be looked at now. */
export class ExerciseNotViewableError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly reason: 'not-found' | 'exercise-in-use' | 'exercise-unfinished' | 'too-many-open',
    message: string,
  ) {
    super(message);
  }
}

/** A namespace held open for one request or one stream; `release` when done with it. */
export interface NamespaceLease {
  readonly namespace: ExerciseNamespace;
  release(): void;
}

interface OpenNamespace {
  readonly opening: Promise<ExerciseNamespace>;
  users: number;
  lastUsed: number;
  idle?: ReturnType<typeof setTimeout>;
}

/**
 * Finished exercises opened for reading: each namespace's store is opened read-only through the exercise
 * runtime (the real services on its own log, virtual time at the end of the run), kept open while requests
 * or streams use it, closed after a while unused; at most a few at once. A namespace another process holds
 * (its log's LOCK names a running process) is left alone.
 */
export class ExerciseReaders {
  private readonly open = new Map<string, OpenNamespace>();

  constructor(
    private readonly dataDir: string,
    private readonly options: ExerciseReadersOptions = {},
  ) {}

  /** Opens the namespace (or shares the one already open) for the caller. */
  async lease(exerciseId: string): Promise<NamespaceLease> {
    const entry = this.open.get(exerciseId) ?? this.start(exerciseId);
    entry.users++;
    clearTimeout(entry.idle);
    let namespace: ExerciseNamespace;
    try {
      namespace = await entry.opening;
    } catch (error) {
      entry.users--;
      throw error;
    }
    let released = false;
    return {
      namespace,
      release: () => {
        if (released) return;
        released = true;
        this.released(exerciseId, entry);
      },
    };
  }

  /** Closes the namespace if it is open (before it is deleted): its streams end. */
  async close(exerciseId: string): Promise<void> {
    const entry = this.open.get(exerciseId);
    if (!entry) return;
    this.open.delete(exerciseId);
    clearTimeout(entry.idle);
    await entry.opening.then((namespace) => namespace.close()).catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.close(id)));
  }

  /** Ids open now, for tests and diagnostics. */
  openIds(): string[] {
    return [...this.open.keys()].sort();
  }

  /** Registers the namespace at once, so concurrent callers share one opening. */
  private start(exerciseId: string): OpenNamespace {
    const entry: OpenNamespace = { opening: this.openFinished(exerciseId), users: 0, lastUsed: Date.now() };
    this.open.set(exerciseId, entry);
    entry.opening.catch(() => this.open.get(exerciseId) === entry && this.open.delete(exerciseId));
    return entry;
  }

  private async openFinished(exerciseId: string): Promise<ExerciseNamespace> {
    const report = await this.finishedRun(exerciseId);
    await this.makeRoom(exerciseId);
    return this.openReadOnly(exerciseId, report);
  }

  /** The run's report: only a finished run is shown, at the end of its virtual time, under its own policy. */
  private async finishedRun(exerciseId: string): Promise<ExerciseReport> {
    if (!(await exerciseExists(this.dataDir, exerciseId))) throw new ExerciseNotViewableError(exerciseId, 'not-found', `No exercise ${exerciseId}`);
    const owner = await namespaceOwner(this.dataDir, exerciseId);
    if (owner !== undefined) throw inUse(exerciseId, owner);
    const text = await readReportFile(this.dataDir, exerciseId, 'json');
    if (text === undefined) {
      throw new ExerciseNotViewableError(exerciseId, 'exercise-unfinished', `Exercise ${exerciseId} has no report: it is still running or never finished (delete it and run it again)`);
    }
    return JSON.parse(text) as ExerciseReport;
  }

  private async openReadOnly(exerciseId: string, report: ExerciseReport): Promise<ExerciseNamespace> {
    try {
      return await ExerciseNamespace.open(exerciseId, {
        dataDir: this.dataDir,
        store: 'file',
        readOnly: true,
        start: report.virtualTime.until,
        decisions: report.exercise.decisions,
        policy: report.policy.changes as Record<string, unknown>,
      });
    } catch (error) {
      if (error instanceof DataDirInUseError) throw inUse(exerciseId, error.pid);
      throw error;
    }
  }

  /** Closes the namespace unused for longest when the limit is reached; refuses when every one is in use. */
  private async makeRoom(opening: string): Promise<void> {
    const max = this.options.maxOpen ?? DEFAULT_MAX_OPEN;
    while (this.open.size > max) {
      const unused = [...this.open.entries()]
        .filter(([id, entry]) => id !== opening && entry.users === 0)
        .sort(([, a], [, b]) => a.lastUsed - b.lastUsed)[0];
      if (!unused) throw new ExerciseNotViewableError(opening, 'too-many-open', `${max} exercises are being viewed already: try again when one is closed`);
      await this.close(unused[0]);
    }
  }

  private released(exerciseId: string, entry: OpenNamespace): void {
    entry.users--;
    entry.lastUsed = Date.now();
    if (entry.users > 0 || this.open.get(exerciseId) !== entry) return;
    entry.idle = setTimeout(() => {
      if (entry.users === 0 && this.open.get(exerciseId) === entry) void this.close(exerciseId);
    }, this.options.idleMs ?? DEFAULT_IDLE_MS);
    entry.idle.unref();
  }
}

function inUse(exerciseId: string, pid: number): ExerciseNotViewableError {
  const who = pid === process.pid ? 'this server, which is running it' : `process ${pid} (a run, a replay or another server)`;
  return new ExerciseNotViewableError(exerciseId, 'exercise-in-use', `Exercise ${exerciseId} is in use by ${who}: it can be viewed once that process lets it go`);
}
