/**
 * Every reference dataset is a versioned JSON file that says where its facts come from. Events that depend
 * on reference data can record `dataset@version` so a replay knows which list was in force.
 */
export interface DatasetInfo {
  readonly dataset: string;
  readonly version: number;
  /** Date the facts were last checked against their sources. */
  readonly asOf: string;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
}

export function datasetInfo(file: DatasetInfo): DatasetInfo {
  const { dataset, version, asOf, sources, notes } = file;
  return Object.freeze({ dataset, version, asOf, sources, notes });
}

/** `crma-materials@1`: the short form to store in events. */
export function datasetRef(info: DatasetInfo): string {
  return `${info.dataset}@${info.version}`;
}
