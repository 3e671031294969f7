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
    // WXT types getMessage from a generated copy of the keys (`wxt prepare`); MessageKey above reads the
    // English file itself, so a key added there is usable before the next prepare.
    const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };
    return i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/**
 * The language of the strings shown (e.g. "de", or "en-GB" when the browser's own language is British
 * English), for formatting dates and numbers to match them. The strings' bundle names its language
 * (`uiLocale`): the browser may pick a bundle in a language its own interface lacks (Chromium without
 * its German resources reports "en-US" yet shows the German strings).
 */
export function uiLanguage(): string {
  const bundle = t('uiLocale');
  const strings = bundle === 'uiLocale' ? 'en' : bundle;
  try {
    const browserLanguage = browser.i18n.getUILanguage();
    return browserLanguage && browserLanguage.toLowerCase().split(/[-_]/)[0] === strings ? browserLanguage : strings;
  } catch {
    return strings;
  }
}

const formatters = new Map<string, unknown>();

/**
 * One Intl formatter per kind, locale and options, made on first use and kept: making one costs about
 * a millisecond (several on a busy machine), and the popup formats dozens of dates and numbers when it
 * shows an article's context. `make` may throw (an unknown locale): nothing is kept then.
 */
export function intlFormatter<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options ?? {})}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Languages of the bundles that write a count below 1,000 as plain ASCII digits and say "one" for 1
 * alone among whole numbers: there a count needs no Intl formatter. A page's first
 * `Intl.NumberFormat` costs its renderer 12–15 ms of ICU setup (Chromium 156, a new tab), and the
 * sidebar, which runs in the page, shows a count. A language added with other digits or plural rules
 * is simply not listed, and goes through Intl.
 */
const PLAIN_COUNT_LANGUAGES = new Set(['en', 'de']);

/** Whether `value` is a whole number below 1,000 that `locale` writes and plurals as {@link PLAIN_COUNT_LANGUAGES} say. */
function isPlainCount(value: number, locale: string): boolean {
  if (!Number.isInteger(value) || value < 0 || value >= 1000) return false;
  const [language = '', ...rest] = locale.toLowerCase().split(/[-_]/);
  // A Unicode extension (`-u-nu-arab`) may choose other digits.
  return PLAIN_COUNT_LANGUAGES.has(language) && !rest.includes('u');
}

/** A number in the UI language ("1,234" in English, "1.234" in German); `locale` pins another (tests). */
export function formatNumber(value: number, locale?: string): string {
  try {
    const lang = locale ?? uiLanguage();
    if (isPlainCount(value, lang)) return String(value);
    return intlFormatter('number', lang, undefined, () => new Intl.NumberFormat(lang)).format(value);
  } catch {
    return String(value);
  }
}

/**
 * A counted phrase in the UI language's plural form: `keys.one` when the language says "one" for this
 * count (1 in English and German), `keys.other` otherwise. The formatted count fills `$1`, `extra` the rest.
 */
export function tPlural(count: number, keys: { one: MessageKey; other: MessageKey }, extra: readonly (string | number)[] = []): string {
  return t(pluralRule(count) === 'one' ? keys.one : keys.other, [formatNumber(count), ...extra]);
}

/** The UI language's plural category for `count` ("one", "other", …); `locale` pins another (tests). */
export function pluralRule(count: number, locale?: string): string {
  try {
    const lang = locale ?? uiLanguage();
    if (isPlainCount(count, lang)) return count === 1 ? 'one' : 'other';
    return intlFormatter('plural', lang, undefined, () => new Intl.PluralRules(lang)).select(count);
  } catch {
    return count === 1 ? 'one' : 'other';
  }
}
