import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { feedErrorText } from '@/entrypoints/options/feed-errors';
import { formatNumber, intlFormatter, pluralRule, t, tPlural, uiLanguage } from '@/utils/i18n';
import { formatMessage, loadMessages } from '../i18n-messages';

const root = fileURLToPath(new URL('../../', import.meta.url));
const en = loadMessages('en');
const locales = readdirSync(`${root}public/_locales`);
const placeholdersOf = (message: string) => [...message.matchAll(/\$(\w+)\$|\$([1-9])/g)].map((m) => m[0]).sort();

describe('locales', () => {
  it('ships English and German', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has exactly the English keys, each with the same placeholders', (lang) => {
    const other = loadMessages(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      expect({ key, placeholders: placeholdersOf(other[key]!.message) }).toEqual({ key, placeholders: placeholdersOf(entry.message) });
      expect(other[key]!.message.trim(), `${lang}:${key} is empty`).not.toBe('');
    }
  });

  it('the manifest strings exist (name, description, command)', () => {
    expect(en.extName?.message).toBe('Backstory');
    expect(en.extDescription?.message).toBeTruthy();
    expect(en.commandToggleSidebar?.message).toBeTruthy();
  });

  it('every message key the code uses exists (t("…") calls in entrypoints, components and utils)', () => {
    const files = ['entrypoints', 'components', 'utils'].flatMap((dir) =>
      (readdirSync(`${root}${dir}`, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => `${root}${dir}/${f}`),
    );
    const used = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe('t()', () => {
  it('returns the English message through browser.i18n', () => {
    expect(t('commandToggleSidebar')).toBe('Show or hide the Backstory sidebar');
  });

  it('fills positional and named placeholders the way browsers do', () => {
    expect(formatMessage({ message: 'Same story · $1 outlets' }, ['5'])).toBe('Same story · 5 outlets');
    expect(formatMessage({ message: '$COUNT$ new, $$5', placeholders: { count: { content: '$1' } } }, ['3'])).toBe('3 new, $5');
  });
});

describe('UI language helpers', () => {
  it('tPlural picks the singular for one and the plural otherwise (English rules), with the count formatted', () => {
    expect(tPlural(1, { one: 'outletsOne', other: 'outletsOther' })).toBe('1 outlet');
    expect(tPlural(1234, { one: 'outletsOne', other: 'outletsOther' })).toBe('1,234 outlets');
    expect(tPlural(0, { one: 'outletsOne', other: 'outletsOther' })).toBe('0 outlets');
  });

  it("uiLanguage is the strings' language, with the browser's region when the browser speaks it", () => {
    expect(uiLanguage()).toBe('en');
    fakeBrowser.i18n.getUILanguage = () => 'en-GB';
    expect(uiLanguage()).toBe('en-GB');
    // Chromium without German resources says en-US while showing a German bundle; here the bundle is English.
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    expect(uiLanguage()).toBe('en');
  });

  it('maps the background’s feed-check reasons to messages (a reason unknown to the map is shown as it came)', () => {
    expect(feedErrorText('news.example answered HTTP 404: there is no feed at this address.')).toBe(
      'news.example answered HTTP 404: there is no feed at this address.',
    );
    expect(feedErrorText('Could not reach news.example: timed out')).toBe('Could not reach news.example: timed out');
    expect(feedErrorText('Not a feed: not XML')).toBe('Not a feed: not XML');
    expect(feedErrorText('Something new went wrong')).toBe('Something new went wrong');
    // The German bundle gets the same placeholders filled (parity is checked above).
    const de = loadMessages('de');
    expect(formatMessage(de.feedErrorHttp, ['news.example', '404'])).toBe('news.example antwortete mit HTTP 404: Unter dieser Adresse gibt es keinen Feed.');
  });
});

// The sidebar runs in the page, where the first Intl.NumberFormat costs 12–15 ms of ICU setup: counts
// below 1,000 in the bundles' languages are written without one, exactly as Intl writes them.
describe('counts without an Intl formatter', () => {
  const locales = ['en', 'en-GB', 'en-US', 'de', 'de-CH', 'de-AT'];

  it('writes and plurals every count below 1,000 as Intl does, without making a formatter', () => {
    const expected = locales.map((locale) => {
      const [number, plural] = [new Intl.NumberFormat(locale), new Intl.PluralRules(locale)];
      return Array.from({ length: 1000 }, (_, n) => `${number.format(n)} ${plural.select(n)}`);
    });
    const numberFormat = vi.spyOn(Intl, 'NumberFormat');
    const pluralRules = vi.spyOn(Intl, 'PluralRules');
    try {
      const written = locales.map((locale) => Array.from({ length: 1000 }, (_, n) => `${formatNumber(n, locale)} ${pluralRule(n, locale)}`));
      expect(written).toEqual(expected);
      expect(numberFormat).not.toHaveBeenCalled();
      expect(pluralRules).not.toHaveBeenCalled();
    } finally {
      numberFormat.mockRestore();
      pluralRules.mockRestore();
    }
  });

  it('leaves larger, negative and fractional numbers, other languages and chosen digits to Intl', () => {
    expect(formatNumber(1234, 'de')).toBe('1.234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(-5, 'en')).toBe(new Intl.NumberFormat('en').format(-5));
    expect(formatNumber(2.5, 'de')).toBe('2,5');
    expect(formatNumber(5, 'ar-EG')).toBe(new Intl.NumberFormat('ar-EG').format(5));
    expect(formatNumber(5, 'en-u-nu-arab')).toBe('٥');
    expect(pluralRule(1.5, 'en')).toBe('other');
    expect(pluralRule(2, 'ar')).toBe('two');
  });
});

// The popup formats dozens of dates and numbers per paint: each Intl formatter is made once.
describe('intlFormatter', () => {
  it('makes one formatter per kind, locale and options, and keeps none that failed', () => {
    let made = 0;
    const make = (locale: string, options: Intl.DateTimeFormatOptions) => () => {
      made++;
      return new Intl.DateTimeFormat(locale, options);
    };
    const a = intlFormatter('test-date', 'en-GB', { dateStyle: 'medium' }, make('en-GB', { dateStyle: 'medium' }));
    expect(intlFormatter('test-date', 'en-GB', { dateStyle: 'medium' }, make('en-GB', { dateStyle: 'medium' }))).toBe(a);
    expect(made).toBe(1);
    expect(intlFormatter('test-date', 'de', { dateStyle: 'medium' }, make('de', { dateStyle: 'medium' }))).not.toBe(a);
    expect(intlFormatter('test-date', 'en-GB', { dateStyle: 'short' }, make('en-GB', { dateStyle: 'short' }))).not.toBe(a);
    expect(made).toBe(3);
    expect(() => intlFormatter('test-date', 'not a locale!', undefined, () => new Intl.DateTimeFormat('not a locale!'))).toThrow(RangeError);
    expect(() => intlFormatter('test-date', 'not a locale!', undefined, () => new Intl.DateTimeFormat('not a locale!'))).toThrow(RangeError);
  });
});
