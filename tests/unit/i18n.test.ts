import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
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
