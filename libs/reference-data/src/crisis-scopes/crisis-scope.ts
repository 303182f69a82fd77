import { DatasetInfo } from '../dataset';

/** A value chain watched as a unit: indicators, alerts and IMERA modes are per scope. */
export interface CrisisScope {
  /** Stable id; the scope's stream is `scope-<id>`. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly materials: readonly ScopeMaterial[];
  /** What was considered and left out, and why. */
  readonly leftOut?: string;
}

export interface ScopeMaterial {
  /** A CRMA list code. */
  readonly code: string;
  /** Why the material belongs to the value chain. */
  readonly why: string;
}

export interface CrisisScopesFile extends DatasetInfo {
  readonly scopes: readonly CrisisScope[];
}
