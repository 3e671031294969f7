import { describe, expect, it } from 'vitest';
import { MAX_TERMS, buildSearchTerms, entityKey, isStoredTerm, queryPrefixes, siteKey, termsOf } from '@/utils/history-terms';

describe('termsOf', () => {
  it('folds case and diacritics and drops stop words and single letters', () => {
    expect(termsOf("The Mayor of São Paulo met Erdoğan's envoy in Zürich, a city")).toEqual(['mayor', 'sao', 'paulo', 'met', 'erdogans', 'envoy', 'zurich', 'city']);
  });
});

describe('buildSearchTerms', () => {
  it('puts title, outlet and entity words first, then the most frequent text words, de-duplicated and capped', () => {
    const text = `${Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ')} barrier barrier barrier`;
    const terms = buildSearchTerms({ title: 'Flood barrier', outlet: ['Example News', 'example.com'], entities: ['Jane Smith'], text, site: 'example.com' });
    const words = terms.filter((t) => !t.startsWith('\u0001'));
    expect(words.slice(0, 6)).toEqual(['flood', 'barrier', 'example', 'news', 'com', 'jane']);
    expect(words).toHaveLength(MAX_TERMS);
    expect(new Set(words).size).toBe(words.length);
    expect(words).toContain('word0');
    expect(words).not.toContain('word299');
    expect(terms).toContain(siteKey('example.com'));
    expect(terms).toContain(entityKey('Jane Smith'));
  });

  it('keeps only well-formed previous terms (an imported file may hold anything)', () => {
    const terms = buildSearchTerms({ title: 'A', outlet: [], site: 'x.org', previous: ['gates', '<script>', 'UPPER', '\u0001e:jane smith'] });
    expect(terms).toEqual(['gates', siteKey('x.org'), '\u0001e:jane smith']);
    expect(isStoredTerm('gates')).toBe(true);
    expect(isStoredTerm('Gates')).toBe(false);
  });
});

describe('queryPrefixes', () => {
  it('folds the query, keeps a stop word only while it is being typed, and drops redundant prefixes', () => {
    expect(queryPrefixes('the Flood')).toEqual(['flood']);
    expect(queryPrefixes('flood the')).toEqual(['flood', 'the']);
    expect(queryPrefixes('bar barrier São')).toEqual(['barrier', 'sao']);
    expect(queryPrefixes('   ')).toEqual([]);
    expect(queryPrefixes('flood b')).toEqual(['flood']);
    expect(queryPrefixes('a')).toEqual([]);
  });
});
