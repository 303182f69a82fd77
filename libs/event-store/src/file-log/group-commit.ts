/** Appends larger than this are refused; one write of a batch holds at most this much. */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Batches written and syncing at once. With two, the appends that arrive while one batch syncs are written
 * and synced at once instead of waiting for it, so encoding and syncing overlap.
 */
export const BATCHES_IN_FLIGHT = 2;

/** What a crash can leave unacknowledged at the end of the log, and recovery may cut. */
export const MAX_UNACKNOWLEDGED_TAIL_BYTES = BATCHES_IN_FLIGHT * MAX_BATCH_BYTES;
