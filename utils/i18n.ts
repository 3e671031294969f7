import { browser } from 'wxt/browser';

/**
 * Every UI string goes through `t()`, backed by `browser.i18n` and `public/_locales/<lang>/messages.json`
 * (English is the default locale; German is complete). The key type comes from the English file, so a
 * missing key is a type error. Placeholders are positional: `$1`…`$9` in the message, or named
 * `placeholders` as the WebExtension format allows.
 */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | number | readonly (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  try {
    // An empty answer means the key is missing from the bundle: show the key rather than nothing.
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/** The UI language the browser chose (e.g. "de"), for formatting dates and numbers to match the strings. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
