/**
 * Where a tab's snapshot is kept in `storage.session` (see tab-snapshot.ts). Apart, with no imports:
 * the popup's early script (entrypoints/popup-early.ts) reads it before any of the popup's code loads.
 */
export const SNAPSHOT_PREFIX = 'tabSnapshot:';
export const snapshotKey = (tabId: number) => `${SNAPSHOT_PREFIX}${tabId}`;
