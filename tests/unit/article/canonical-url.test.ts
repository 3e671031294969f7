// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, findCanonicalUrl } from '@/utils/article/canonical-url';

const page = (head: string) => new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');

describe('canonicalizeUrl', () => {
  it('drops utm_* and click-id parameters but keeps the others in order', () => {
    expect(
      canonicalizeUrl(
        'https://news.example/a?id=7&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&igshid=7&_ga=8&ref_src=9&yclid=10&page=2',
      ),
    ).toBe('https://news.example/a?id=7&page=2');
  });

  it('drops the fragment and a query left empty', () => {
    expect(canonicalizeUrl('https://news.example/a?utm_source=x#comments')).toBe('https://news.example/a');
  });

  it('resolves relative URLs against the base', () => {
    expect(canonicalizeUrl('../b/c', 'https://news.example/x/y/z')).toBe('https://news.example/x/b/c');
  });

  it('returns null for empty or unparsable input', () => {
    expect(canonicalizeUrl('   ')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });
});

describe('findCanonicalUrl', () => {
  const url = 'https://news.example/world/2024/05/story-slug?utm_campaign=feed';

  it('prefers link[rel=canonical], resolving a relative href', () => {
    const doc = page('<link rel="canonical" href="/world/story-slug"><meta property="og:url" content="https://news.example/og">');
    expect(findCanonicalUrl(doc, url)).toBe('https://news.example/world/story-slug');
  });

  it('falls back to og:url, cleaned', () => {
    const doc = page('<meta property="og:url" content="https://news.example/og-story?utm_source=fb#top">');
    expect(findCanonicalUrl(doc, url)).toBe('https://news.example/og-story');
  });

  it('falls back to the page URL without tracking parameters', () => {
    expect(findCanonicalUrl(page(''), url)).toBe('https://news.example/world/2024/05/story-slug');
  });

  it('ignores a canonical link to the site root from a deep page (CMS default)', () => {
    const doc = page('<link rel="canonical" href="https://news.example/"><meta property="og:url" content="https://news.example/">');
    expect(findCanonicalUrl(doc, url)).toBe('https://news.example/world/2024/05/story-slug');
  });

  it('keeps a root canonical on the root page itself', () => {
    expect(findCanonicalUrl(page('<link rel="canonical" href="https://www.news.example/">'), 'https://news.example/')).toBe(
      'https://www.news.example/',
    );
  });

  it('ignores canonical links with another scheme or template leftovers', () => {
    expect(findCanonicalUrl(page('<link rel="canonical" href="javascript:void(0)">'), url)).toBe(
      'https://news.example/world/2024/05/story-slug',
    );
    expect(findCanonicalUrl(page('<link rel="canonical" href="ftp://news.example/story">'), url)).toBe(
      'https://news.example/world/2024/05/story-slug',
    );
    expect(findCanonicalUrl(page('<link rel="canonical" href="https://news.example/{{slug}}">'), url)).toBe(
      'https://news.example/world/2024/05/story-slug',
    );
  });

  it('resolves against <base href>', () => {
    const doc = page('<base href="https://cdn.news.example/en/"><link rel="canonical" href="story">');
    expect(findCanonicalUrl(doc, url)).toBe('https://cdn.news.example/en/story');
  });

  it('accepts a canonical link on another host (syndicated story)', () => {
    const doc = page('<link rel="canonical" href="https://origin.example/2024/05/story">');
    expect(findCanonicalUrl(doc, url)).toBe('https://origin.example/2024/05/story');
  });
});
