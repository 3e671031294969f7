export const CP1252_TITLE: string;
export const SJIS_TITLE: string;
export const LEGACY_TEXT: { 'windows-1252': string[]; shift_jis: string[] };
export const HOSTILE_PAGES: Record<string, { build: (path: string) => string; charset: string }>;
export function encodeLegacy(text: string, encoding: 'windows-1252' | 'shift_jis'): Buffer;
export function hostilePage(
  name: string,
  fill: (text: string) => string,
  cache: Map<string, { type: string; body: Buffer }>,
): { type: string; body: Buffer } | null;
