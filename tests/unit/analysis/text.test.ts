import { afterEach, describe, expect, it } from 'vitest';
import { foldName, primaryLanguage, segmentText, splitParagraphs, splitSentences, tokenize } from '../../../utils/analysis/text';

const realSegmenter = Intl.Segmenter;
function removeSegmenter() {
  Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true });
}
afterEach(() => {
  Object.defineProperty(Intl, 'Segmenter', { value: realSegmenter, configurable: true, writable: true });
});

describe('splitSentences', () => {
  it('does not end a sentence after honorifics, initials or U.S.', () => {
    // Wire copy: "Mr." and "U.S." mid-sentence, a French "M." honorific.
    expect(splitSentences('Mr. Smith met the U.S. Army chief. He left at noon.', 'en')).toEqual([
      'Mr. Smith met the U.S. Army chief.',
      'He left at noon.',
    ]);
    expect(splitSentences('M. Dupont a parlé. Mme Durand aussi.', 'fr')).toEqual(['M. Dupont a parlé.', 'Mme Durand aussi.']);
  });
  it('does not end a sentence at a German ordinal date ("zum 1. Juli")', () => {
    expect(splitSentences('Die Preise steigen zum 1. Juli um elf Prozent. Das teilte der Versorger mit.', 'de')).toEqual([
      'Die Preise steigen zum 1. Juli um elf Prozent.',
      'Das teilte der Versorger mit.',
    ]);
    // A number that ends a sentence still ends it.
    expect(splitSentences('Das Spiel endete 2:1. Danach jubelten alle.', 'de')).toEqual(['Das Spiel endete 2:1.', 'Danach jubelten alle.']);
  });
  it('still splits without Intl.Segmenter', () => {
    removeSegmenter();
    expect(splitSentences('The vote passed. Dr. Okoro objected! Was it fair?', 'en')).toEqual([
      'The vote passed.',
      'Dr. Okoro objected!',
      'Was it fair?',
    ]);
  });
});

describe('tokenize', () => {
  it('joins hyphenated names, strips possessives and French elided articles', () => {
    const words = tokenize("Kim Jong-un visited Japan's port; l'Élysée and d’Erdoğan, N'Djamena.", 'en').map((t) => t.text);
    expect(words).toEqual(['Kim', 'Jong-un', 'visited', 'Japan', 'port', 'Élysée', 'and', 'Erdoğan', "N'Djamena"]);
  });
  it('marks possessives and keeps offsets into the source', () => {
    const text = "Shoigu's visit";
    const [first] = tokenize(text, 'en');
    expect(first).toMatchObject({ text: 'Shoigu', isPossessive: true });
    expect(text.slice(first!.start, first!.end)).toBe('Shoigu');
  });
  it('falls back to a regular expression without Intl.Segmenter', () => {
    removeSegmenter();
    expect(tokenize('Nordrhein-Westfalen, 2024: Köln!', 'de').map((t) => t.text)).toEqual(['Nordrhein-Westfalen', '2024', 'Köln']);
  });
});

describe('foldName', () => {
  it('removes diacritics, including letters without decomposition', () => {
    expect(foldName('Erdoğan Yıldız Öztürk Straße Łódź')).toBe('erdogan yildiz ozturk strasse lodz');
  });
});

describe('splitParagraphs and segmentText', () => {
  it('splits on blank lines and records the paragraph of each sentence', () => {
    expect(splitParagraphs('One.\n\n\nTwo three.\n  \nFour.')).toEqual(['One.', 'Two three.', 'Four.']);
    const sentences = segmentText('First one. Second one.\n\nThird one.', 'en');
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});

describe('primaryLanguage', () => {
  it('reduces a BCP 47 tag to its primary subtag', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('pt_BR')).toBe('pt');
    expect(primaryLanguage('')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });
});
