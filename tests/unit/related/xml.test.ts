import { describe, expect, it } from 'vitest';
import { childElement, childElements, childText, parseXml, rootElement, textContent, XmlParseError } from '../../../utils/related/xml';

describe('parseXml', () => {
  it('parses elements, attributes, CDATA and entities, matching local names whatever the prefix', () => {
    const doc = parseXml(
      `<?xml version="1.0"?><!-- c --><rss xmlns:N="x"><channel><item><title><![CDATA[A <b>&amp;</b>]]></title><N:Source url='https://a.example?x=1&amp;y=2'>Out &amp; Co &#8211; &#x2014; &eacute;</N:Source></item></channel></rss>`,
    );
    const item = childElement(childElement(rootElement(doc)!, 'channel')!, 'item')!;
    expect(childText(item, 'title')).toBe('A <b>&amp;</b>');
    const source = childElement(item, 'source')!;
    expect(source.qname).toBe('N:Source');
    expect(source.attrs.url).toBe('https://a.example?x=1&y=2');
    expect(textContent(source)).toBe('Out & Co – — é');
  });

  it('closes unclosed elements and ignores stray end tags', () => {
    const root = rootElement(parseXml('<rss><channel><item><title>One</item><item><title>Two</title></b></item></channel>'))!;
    const items = childElements(childElement(root, 'channel')!, 'item');
    expect(items.map((i) => childText(i, 'title'))).toEqual(['One', 'Two']);
  });

  it('keeps a bare "<" in text and survives truncation', () => {
    const root = rootElement(parseXml('<a>x < y and <b>bold'))!;
    expect(textContent(root)).toBe('x < y and bold');
  });

  it('skips DOCTYPE internal subsets without expanding custom entities', () => {
    const body = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>';
    expect(textContent(rootElement(parseXml(body)))).toBe('&b;');
  });

  it('flattens absurd nesting instead of recursing', () => {
    const deep = '<a>'.repeat(10_000) + 'x' + '</a>'.repeat(10_000);
    expect(textContent(rootElement(parseXml(deep)))).toBe('x');
  });

  it('throws XmlParseError when there is no element at all', () => {
    expect(() => parseXml('just text')).toThrow(XmlParseError);
    expect(() => parseXml('')).toThrow(XmlParseError);
  });
});
