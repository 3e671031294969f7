/** Whether `value` is a plain object (not null, not an array): what parsed JSON and stored data are checked with. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
