import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One entry of a WebExtension `messages.json`. */
export type MessageEntry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };

export function loadMessages(lang: string): Record<string, MessageEntry> {
  // Paths, not `new URL(…)`: under happy-dom the global URL is the DOM's, which resolves file URLs differently.
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', '_locales', lang, 'messages.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, MessageEntry>;
}

/**
 * `browser.i18n.getMessage` as browsers implement it, for unit tests (WXT's fake browser has none):
 * `$name$` becomes its placeholder's content, then `$1`…`$9` the substitutions, `$$` a dollar sign.
 */
export function formatMessage(entry: MessageEntry | undefined, subs: readonly string[] = []): string {
  if (!entry) return '';
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
    return placeholder ? placeholder.content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : subs[Number(which) - 1] ?? ''));
}
