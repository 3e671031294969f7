/**
 * A small, tolerant XML parser for RSS and Atom, usable where `DOMParser` is missing
 * (Chrome MV3 service workers have none).
 *
 * Deliberately forgiving, like feed readers are: unclosed elements are closed by their
 * parent's end tag or the end of input, stray end tags are ignored, HTML named entities
 * (`&nbsp;`, `&eacute;`) are decoded although XML does not define them. Deliberately safe:
 * DOCTYPE declarations are skipped and custom entities never expanded (no "billion
 * laughs"), nesting depth is capped, parsing is iterative (no recursion on input depth).
 *
 * Everything that reads XML goes through {@link parseXml}, so the implementation can be
 * swapped for a library (e.g. fast-xml-parser) without touching providers.
 */
import { decodeEntities } from './entities';

/** An element. `name` is the local name (prefix removed), lower-cased for matching. */
export interface XmlElement {
  /** Local name, lower-cased: `News:Source` → `source`. */
  name: string;
  /** Name as written, with prefix: `News:Source`. */
  qname: string;
  /** Attributes by local name, lower-cased (`xml:lang` → `lang`); values entity-decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** A child: an element or a text run (CDATA included, entities decoded). */
export type XmlNode = XmlElement | string;

/** Thrown when the input holds no element at all. */
export class XmlParseError extends Error {
  override name = 'XmlParseError';
}

/** Elements nested deeper than this are flattened into their ancestor (hostile input). */
const MAX_DEPTH = 64;

const NAME_RE = /^[^\s/>=]+/;
const ATTR_RE = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return (colon >= 0 ? qname.slice(colon + 1) : qname).toLowerCase();
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(source); m; m = ATTR_RE.exec(source)) {
    const key = localName(m[1]!);
    if (!(key in attrs)) attrs[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * Parses `text` into a tree and returns a synthetic document element (`name: '#document'`)
 * whose children are the top-level nodes. Never throws on malformed markup; throws
 * {@link XmlParseError} only when no element is found at all.
 */
export function parseXml(text: string): XmlElement {
  const doc: XmlElement = { name: '#document', qname: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [doc];
  let top = doc;
  let pos = 0;
  let sawElement = false;
  const len = text.length;

  const pushText = (raw: string, isCdata: boolean) => {
    if (!raw) return;
    top.children.push(isCdata ? raw : decodeEntities(raw));
  };

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      pushText(text.slice(pos), false);
      break;
    }
    if (lt > pos) pushText(text.slice(pos, lt), false);

    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      pushText(text.slice(lt + 9, end < 0 ? len : end), true);
      pos = end < 0 ? len : end + 3;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      pos = end < 0 ? len : end + 3;
      continue;
    }
    if (text.startsWith('<!', lt) || text.startsWith('<?', lt)) {
      // DOCTYPE (possibly with an internal subset in [...]) or processing instruction: skipped.
      let end = text.indexOf('>', lt);
      const bracket = text.indexOf('[', lt);
      if (bracket >= 0 && end >= 0 && bracket < end && text.startsWith('<!DOCTYPE', lt)) {
        const close = text.indexOf(']>', bracket);
        end = close < 0 ? end : close + 1;
      }
      pos = end < 0 ? len : end + 1;
      continue;
    }
    const next = text.charCodeAt(lt + 1);
    const isEnd = next === 47; /* / */
    const nameStart = isEnd ? lt + 2 : lt + 1;
    const nameMatch = NAME_RE.exec(text.slice(nameStart, nameStart + 200));
    if (!nameMatch || (!isEnd && !/^[A-Za-z_:\u00C0-\uFFFF]/.test(nameMatch[0]))) {
      // A bare "<" in text (common in broken feeds): keep it as text.
      pushText('<', true);
      pos = lt + 1;
      continue;
    }
    const gt = findTagEnd(text, nameStart + nameMatch[0].length);
    const tagEnd = gt < 0 ? len : gt;
    pos = gt < 0 ? len : gt + 1;
    const qname = nameMatch[0];
    const name = localName(qname);

    if (isEnd) {
      // Close up to the nearest open element of that name; ignore stray end tags.
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.name === name) {
          stack.length = i;
          top = stack[i - 1]!;
          break;
        }
      }
      continue;
    }

    const rest = text.slice(nameStart + qname.length, tagEnd);
    const selfClosing = rest.endsWith('/');
    const element: XmlElement = {
      name,
      qname,
      attrs: parseAttrs(selfClosing ? rest.slice(0, -1) : rest),
      children: [],
    };
    sawElement = true;
    top.children.push(element);
    if (!selfClosing && stack.length <= MAX_DEPTH) {
      stack.push(element);
      top = element;
    }
  }
  if (!sawElement) throw new XmlParseError('No XML element found');
  return doc;
}

/** Index of the `>` that ends a tag starting before `from`, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    } else if (c === 60) {
      // A "<" before any ">": the tag was never closed; end it here.
      return i - 1;
    }
  }
  return -1;
}

/** First child element with local name `name`, or undefined. */
export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** All child elements with local name `name`. */
export function childElements(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** All text inside `el` (descendants included), concatenated; '' when `el` is undefined. */
export function textContent(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  const stack: XmlNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Text of the first child element named `name` (see {@link textContent}), trimmed. */
export function childText(el: XmlElement, name: string): string {
  return textContent(childElement(el, name)).trim();
}

/** The first top-level element of a parsed document. */
export function rootElement(doc: XmlElement): XmlElement | undefined {
  return doc.children.find((c): c is XmlElement => typeof c !== 'string');
}
