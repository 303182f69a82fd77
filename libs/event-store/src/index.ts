export * from './in-memory/in-memory-event-store.adapter';
export * from './file-log/file-log-event-store.adapter';
export * from './eventstoredb/eventstoredb-event-store.adapter';
export type { RecoveryReport } from './file-log/recovery';
export { DataDirInUseError, dataDirOwner } from './file-log/data-dir-lock';
