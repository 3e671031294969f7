/**
 * Bundle sizes per entrypoint of a built extension: every file an entrypoint loads at start
 * (its HTML page itself, which may hold its styles, the page's scripts, module preloads and
 * stylesheets, the manifest's content-script files, and the static imports of those scripts,
 * followed), raw and gzip-compressed (level 9) file by file.
 * Lazily imported chunks (`import()`) are listed apart: they cost nothing until used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  entry: string;
  files: string[];
  raw: number;
  gzip: number;
  /** Chunks it imports lazily (not counted). */
  lazy: string[];
}

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Files a script loads at once (static imports, followed) and lazily (`import("…")`), relative to `root`. */
function followImports(root: string, start: string[]): { files: string[]; lazy: string[] } {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const resolveRef = (ref: string) => normalize(ref.startsWith('/') ? ref.slice(1) : join(dirname(file), ref));
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const target = resolveRef(m[1]!);
      if (existsSync(join(root, target))) queue.push(target);
    }
    for (const m of text.matchAll(DYNAMIC_IMPORT)) {
      const target = resolveRef(m[1]!);
      if (existsSync(join(root, target))) lazy.add(target);
    }
  }
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

/** Script, module-preload and stylesheet references of an HTML page, relative to `root`. */
function htmlRefs(root: string, page: string): string[] {
  const html = readFileSync(join(root, page), 'utf8');
  const refs: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!ref || /^[a-z]+:/i.test(ref)) continue;
    if (m[1] === 'link' && !/rel="(modulepreload|stylesheet)"/.test(tag)) continue;
    refs.push(normalize(ref.startsWith('/') ? ref.slice(1) : join(dirname(page), ref)));
  }
  return refs;
}

function sizeOf(root: string, entry: string, start: string[]): EntrySize {
  const { files, lazy } = followImports(root, start);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(root, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { entry, files: files.map((f) => relative('.', f)), raw, gzip, lazy };
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

/** Sizes of the content script(s), popup, options page and background of the extension in `root`. */
export function entrySizes(root: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const sizes: EntrySize[] = [];
  // A script's stylesheet of the same name (a shadow-root UI fetches it when it mounts): counted too.
  const content = (manifest.content_scripts ?? []).flatMap((c) => [
    ...(c.js ?? []),
    ...(c.css ?? []),
    ...(c.js ?? []).map((js) => js.replace(/\.js$/, '.css')).filter((css) => existsSync(join(root, css)) && !(c.css ?? []).includes(css)),
  ]);
  if (content.length) sizes.push(sizeOf(root, 'content script', content));
  // The reader, which the content script (the detector) loads into pages that may hold an article.
  const reader = ['content-scripts/article.js', 'content-scripts/article.css'].filter((file) => existsSync(join(root, file)));
  if (reader.length) sizes.push(sizeOf(root, 'reader (articles only)', reader));
  const popup = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  if (popup) sizes.push(sizeOf(root, 'popup', [popup, ...htmlRefs(root, popup)]));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) sizes.push(sizeOf(root, 'options', [options, ...htmlRefs(root, options)]));
  const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  if (background.length) sizes.push(sizeOf(root, 'background', background));
  return sizes;
}
