// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { countWords, estimateReadingMinutes, getBlockText, measureText } from '@/utils/article/text';

const body = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;

describe('getBlockText', () => {
  it('separates paragraphs and headings by a blank line without gluing words', () => {
    expect(getBlockText(body('<h2>Title</h2><p>First para.</p><p>Second   para.</p>'))).toBe(
      'Title\n\nFirst para.\n\nSecond para.',
    );
  });

  it('puts list items, table cells and <br> lines on separate lines', () => {
    expect(getBlockText(body('<ul><li>one</li><li>two</li></ul>'))).toBe('one\ntwo');
    expect(getBlockText(body('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>'))).toBe('a\nb\nc');
    expect(getBlockText(body('<p>line one<br>line two</p>'))).toBe('line one\nline two');
  });

  it('treats two <br> in a row as a paragraph break', () => {
    expect(getBlockText(body('<div>para one<br> <br>para two</div>'))).toBe('para one\n\npara two');
  });

  it('keeps inline elements inline and collapses whitespace, soft hyphens and zero-width spaces', () => {
    expect(getBlockText(body('<p>A <b>bold</b>\n\t<i>move</i> in Ber\u00adlin\u200b.</p>'))).toBe('A bold move in Berlin.');
  });

  it('makes each run of whitespace, soft hyphens and zero-width spaces one space when it holds whitespace, else nothing', () => {
    // The rule, spelled the plain way, on random lines (a single text node: one line of text).
    const reference = (text: string) => text.replace(/[\s\u00ad\u200b]+/g, (run) => (/\s/.test(run) ? ' ' : '')).trim();
    const alphabet = [' ', '\n', '\t', '\u00a0', '\u3000', '\u00ad', '\u200b', 'a', 'b', 'é'];
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 1_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const root = body('<p></p>');
      root.querySelector('p')!.textContent = text;
      expect(getBlockText(root), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('leaves out scripts, styles, hidden elements and whatever the skip option rejects', () => {
    const root = body('<p>kept<script>var x = 1;</script></p><p hidden>hidden</p><p class="ad">advert</p><style>p{}</style>');
    expect(getBlockText(root, { skip: (el) => el.classList.contains('ad') })).toBe('kept');
  });

  it('does not overflow the stack on very deep markup', () => {
    const deep = '<div>'.repeat(5000) + 'deep text' + '</div>'.repeat(5000);
    expect(getBlockText(body(deep))).toBe('deep text');
  });
});

describe('countWords', () => {
  it('counts words in spaced scripts, keeping contractions and abbreviations whole', () => {
    expect(countWords("Don't panic: the U.S. economy grew 3.5 percent — officials said.")).toBe(10);
    expect(countWords('Москва — столица России.')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('counts Japanese and Chinese by word segments, not as one huge word', () => {
    const ja = '例示市は１５日、市内の全ての公立小学校で給食費を無償化すると発表した。';
    const words = countWords(ja);
    expect(words).toBeGreaterThan(10);
    expect(words).toBeLessThan(ja.length);
    expect(countWords('我们今天去北京')).toBeGreaterThanOrEqual(3);
  });

  it('adds up mixed-script text', () => {
    expect(countWords('Tokyo 東京 Osaka')).toBe(countWords('Tokyo Osaka') + countWords('東京'));
  });

  it('counts Latin-script text (read without Unicode property classes) as those classes do, for every code point there', () => {
    const word = /[\p{L}\p{N}\p{M}]+(?:['’.\-‐][\p{L}\p{N}\p{M}]+)*/gu;
    const mismatches: string[] = [];
    for (const [from, to] of [[0, 0x24f], [0x2000, 0x206f]] as const) {
      for (let code = from; code <= to; code++) {
        const text = `a${String.fromCharCode(code)}b c`;
        if (countWords(text) !== (text.match(word)?.length ?? 0)) mismatches.push(code.toString(16));
      }
    }
    expect(mismatches).toEqual([]);
    // One character beyond those ranges and the text is read with the Unicode classes.
    expect(countWords('Zürich’s “café” — 3.5 km € Ђорђе')).toBe(5);
  });
});

describe('estimateReadingMinutes', () => {
  it('is at least one minute', () => {
    expect(estimateReadingMinutes('')).toBe(1);
    expect(estimateReadingMinutes('Short.')).toBe(1);
  });

  it('reads about 230 words a minute', () => {
    expect(estimateReadingMinutes('word '.repeat(230 * 5))).toBe(5);
  });

  it('reads Chinese/Japanese at about 500 characters a minute', () => {
    expect(estimateReadingMinutes('日本語'.repeat(1000))).toBe(6); // 3000 characters
  });

  it('agrees with measureText', () => {
    const text = 'word '.repeat(700) + '日本語の文章'.repeat(100);
    expect(measureText(text)).toEqual({ wordCount: countWords(text), readingMinutes: estimateReadingMinutes(text) });
  });
});

describe('measureText without segmenting (the content script)', () => {
  const japanese = '例示市は１５日、市内の全ての公立小学校で給食費を無償化すると発表した。';

  it('estimates unspaced words at two characters a word and never builds an Intl.Segmenter', () => {
    const segmenter = vi.spyOn(Intl, 'Segmenter');
    try {
      const text = `Tokyo ${japanese} Osaka`;
      const unspaced = [...japanese.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu)].map(([run]) => run);
      const estimate = unspaced.reduce((sum, run) => sum + Math.ceil(run.length / 2), 0);
      // "１５" is a spaced word (full-width digits), beside Tokyo and Osaka.
      expect(measureText(text, { segment: false })).toEqual({ wordCount: 3 + estimate, readingMinutes: estimateReadingMinutes(text) });
      expect(segmenter).not.toHaveBeenCalled();
    } finally {
      segmenter.mockRestore();
    }
  });

  it('counts spaced scripts exactly as with segmenting', () => {
    const text = "Don't panic: the U.S. economy grew 3.5 percent — Москва — officials said.";
    expect(measureText(text, { segment: false })).toEqual(measureText(text));
  });
});
