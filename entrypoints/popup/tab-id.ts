/** The tab id in `?tab=<id>` (used by tests and the "open in a tab" link), or null when absent or malformed. */
export function parseTabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** Which tab the popup describes: `?tab=` when present, else the active tab of the current window (null if none). */
export async function resolveTabId(
  search: string,
  findActiveTabId: () => Promise<number | undefined>,
): Promise<number | null> {
  return parseTabParam(search) ?? (await findActiveTabId()) ?? null;
}
