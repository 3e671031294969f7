/**
 * Shared guards for provider response bodies: size cap, HTML-error-page detection and
 * XML parsing that reports format errors as {@link ProviderFormatError}.
 */
import { ProviderFormatError } from '../providers/types';
import { parseXml, rootElement, XmlParseError, type XmlElement } from './xml';

/** Bodies are cut at this many characters before parsing (a real response is < 1 MB). */
export const MAX_BODY_CHARS = 4_000_000;
/** At most this many stories are taken from one response or feed. */
export const MAX_ITEMS = 200;

/** The start of `body` for error messages, single-line, at most 80 characters. */
export function bodyPreview(body: string): string {
  return body.slice(0, 200).replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Whether `body` looks like an HTML page (error pages, captive portals, consent walls). */
export function looksLikeHtml(body: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(body.slice(0, 1000));
}

/**
 * Parses an XML body and returns its root element, which must have one of `rootNames`
 * (local names). Throws {@link ProviderFormatError} for HTML pages, non-XML and other roots.
 */
export function parseXmlBody(body: string, rootNames: string[], what: string): XmlElement {
  const text = body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body;
  if (looksLikeHtml(text)) throw new ProviderFormatError(`${what}: got an HTML page, not XML ("${bodyPreview(text)}")`);
  let root: XmlElement | undefined;
  try {
    root = rootElement(parseXml(text));
  } catch (error) {
    if (error instanceof XmlParseError) throw new ProviderFormatError(`${what}: not XML ("${bodyPreview(text)}")`);
    throw error;
  }
  if (!root || !rootNames.includes(root.name)) {
    throw new ProviderFormatError(`${what}: expected <${rootNames.join('> or <')}>, got <${root?.qname ?? '?'}>`);
  }
  return root;
}
