// Hostile pages for the e2e reliability tests, generated at request time (megabytes are not committed).
// Each stands for a real-world case: a giant page (an endless live blog or a page that inlines its data),
// absurdly deep nesting (broken markup, adversarial pages), a page whose own scripts replace the
// built-ins the extension might use, a frameset (old portals), and legacy encodings (windows-1252
// regional papers, Shift_JIS Japanese sites) served with a correct charset header.
//
// Every page keeps a record of its own state in `window.__page` from its inline script, taken before
// the content script runs (document_idle), so the test can check from the page that nothing changed.

/** The text of the generated articles (plain words: the test compares the extracted text with it). */
const PARAGRAPHS_EN = [
  'Harwick council approved the flood barrier after a long debate on Tuesday night, with councillors voting 31 to 24 in favour.',
  'The barrier will protect about 900 homes on Marsh Lane that were evacuated when the River Ouse burst its banks last winter.',
  'Opponents said the cheaper option of raising the embankments had not been studied properly and asked for a review.',
  'The water authority has agreed to pay part of the cost, and building work is expected to start in the spring.',
  'Residents who packed the public gallery applauded when the result was read out, and several said they had waited years for a decision.',
  'The council leader said the vote ended a long period of uncertainty for families whose insurance premiums had risen sharply since the flood.',
  'Engineers will now prepare detailed designs, which must be approved by the environment agency before any contract can be signed.',
];

/** Article markup with the records a news page carries, around `body` (HTML). */
function articlePage({ title, lang, body, head = '', after = '', charset = 'utf-8', path }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="${charset}">
<title>${title} | The Riverside Courier</title>
<link rel="canonical" href="%ORIGIN%${path}">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="The Riverside Courier">
<meta property="article:published_time" content="2025-03-12T21:40:00Z">
<meta name="author" content="Priya Okafor">
${head}
</head>
<body>
<header><a href="/">The Riverside Courier</a></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Priya Okafor, 12 March 2025</p>
${body}
</article>
</main>
${after}
<footer><p>(c) The Riverside Courier</p></footer>
</body>
</html>
`;
}

const paragraphs = (list) => list.map((p) => `<p>${p}</p>`).join('\n');

/**
 * Script that snapshots the page's own DOM at DOMContentLoaded (before the content script, which runs at
 * document_idle), and records the page's errors and long tasks (main-thread blocks over 50 ms) from then on.
 */
const SNAPSHOT = `<script>
  window.__page = window.__page || {};
  window.__page.errors = [];
  window.__page.longTasks = [];
  window.addEventListener('error', function (e) { window.__page.errors.push(String(e.message)); });
  document.addEventListener('DOMContentLoaded', function () {
    window.__page.html = document.documentElement.outerHTML;
    window.__page.title = document.title;
    try {
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(function (e) { window.__page.longTasks.push(Math.round(e.duration)); });
      }).observe({ type: 'longtask' });
    } catch (e) {}
  });
</script>`;

/** 5 MB: the article, then an endless comment thread (about 60,000 elements). */
function bigPage(path) {
  const comment = (i) =>
    `<div class="comment" id="c${i}"><p class="comment__author">Reader ${i}</p><p class="comment__text">Comment number ${i}: the barrier vote was the right call, though the costs worry me.</p></div>`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const c = comment(i);
    parts.push(c);
    size += c.length;
  }
  return articlePage({
    title: 'Harwick barrier vote: live reaction from readers',
    lang: 'en',
    path,
    body: paragraphs(PARAGRAPHS_EN),
    after: `<section class="comments">${parts.join('\n')}</section>${SNAPSHOT}`,
  });
}

/**
 * 10,000-deep nesting: 10,000 nested divs in the markup (the parser flattens them at 512) and a real
 * 10,000-deep chain built by script. The chain is `hidden`: a rendered 10,000-deep tree crashes
 * Chromium's renderer by itself, with or without any extension (tried: "Page crashed").
 */
function deepPage(path) {
  const depth = 10_000;
  const markup = `${'<div class="n">'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}`;
  const build = `<script>
    (function () {
      var node = document.getElementById('chain');
      for (var i = 0; i < ${depth}; i++) { var next = document.createElement('div'); node.appendChild(next); node = next; }
      node.textContent = 'bottom';
      var d = 0; for (var n = node; n; n = n.parentElement) d++;
      window.__page = { depth: d };
    })();
  </script>`;
  return articlePage({
    title: 'Harwick barrier vote: what the deep archive shows',
    lang: 'en',
    path,
    body: paragraphs(PARAGRAPHS_EN),
    after: `<section>${markup}</section><div id="chain" hidden></div>${build}${SNAPSHOT}`,
  });
}

/**
 * A page that replaces the built-ins before any extension code runs: Array.prototype methods, JSON,
 * fetch, Promise, Object.keys, String.prototype.trim, Node.prototype.appendChild… Each replacement
 * counts its calls from the extension's world in `window.__page.calls` (it must stay empty of
 * extension calls: the content script runs in an isolated world).
 */
function prototypesPage(path) {
  const head = `<script>
  (function () {
    var calls = [];
    var listen = EventTarget.prototype.addEventListener;
    var push = Array.prototype.push;
    var trap = function (name) { return function () { push.call(calls, name); throw new Error('hostile page: ' + name); }; };
    window.__page = { calls: calls, replaced: {} };
    var replace = function (owner, key, label) {
      var fake = trap(label);
      try { Object.defineProperty(owner, key, { value: fake, writable: true, configurable: true }); } catch (e) { owner[key] = fake; }
      window.__page.replaced[label] = fake;
    };
    ['map', 'filter', 'forEach', 'reduce', 'some', 'every', 'find', 'includes', 'indexOf', 'join', 'slice', 'push', 'sort'].forEach(function (m) {
      replace(Array.prototype, m, 'Array.prototype.' + m);
    });
    replace(Array, 'from', 'Array.from');
    replace(Array, 'isArray', 'Array.isArray');
    replace(Object, 'keys', 'Object.keys');
    replace(Object, 'entries', 'Object.entries');
    replace(String.prototype, 'trim', 'String.prototype.trim');
    replace(String.prototype, 'split', 'String.prototype.split');
    replace(String.prototype, 'replace', 'String.prototype.replace');
    replace(Node.prototype, 'appendChild', 'Node.prototype.appendChild');
    replace(Element.prototype, 'querySelectorAll', 'Element.prototype.querySelectorAll');
    replace(Document.prototype, 'querySelectorAll', 'Document.prototype.querySelectorAll');
    var fakeJson = { parse: trap('JSON.parse'), stringify: trap('JSON.stringify') };
    window.JSON = fakeJson;
    window.__page.replaced.JSON = fakeJson;
    replace(window, 'fetch', 'fetch');
    var FakePromise = function () { push.call(calls, 'Promise'); throw new Error('hostile page: Promise'); };
    window.Promise = FakePromise;
    window.__page.replaced.Promise = FakePromise;
    replace(window, 'setTimeout', 'setTimeout');
    replace(window, 'requestIdleCallback', 'requestIdleCallback');
    replace(window, 'MutationObserver', 'MutationObserver');
    replace(window, 'addEventListener', 'addEventListener');
    replace(EventTarget.prototype, 'addEventListener', 'EventTarget.prototype.addEventListener');
    listen.call(document, 'DOMContentLoaded', function () {
      window.__page.html = document.documentElement.outerHTML;
      window.__page.title = document.title;
    });
  })();
  </script>`;
  return articlePage({
    title: 'Harwick barrier vote survives a page that breaks the built-ins',
    lang: 'en',
    path,
    head,
    body: paragraphs(PARAGRAPHS_EN),
  });
}

/** An old-style frameset whose frames are the front page and an article. */
function framesetPage() {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The Riverside Courier (frames)</title>
<script>window.__page = { frames: 2 };</script>
</head>
<frameset cols="30%,70%">
  <frame name="nav" src="/">
  <frame name="main" src="/news/harwick-flood-barrier-vote.html">
  <noframes><p>Your browser does not support frames.</p></noframes>
</frameset>
</html>
`;
}

/** windows-1252: a regional paper's article with curly quotes, €, £, é, ü, – and —. */
const CP1252_PARAGRAPHS = [
  'Der Stadtrat von Münster hat am Dienstag den Bau der Hochwassermauer beschlossen – mit 31 zu 24 Stimmen.',
  '„Das ist ein guter Tag für die Anwohner“, sagte Bürgermeisterin Renée Müller nach der Sitzung. Die Kosten liegen bei 48 Mio. €.',
  'Kritiker halten die Mauer für überteuert — sie hätten lieber die Deiche erhöht, was nach ihrer Rechnung 29 Mio. € gekostet hätte.',
  'Die Arbeiten sollen im Frühjahr beginnen; die Wasserbehörde übernimmt einen Teil der Kosten, rund £16 Mio. umgerechnet.',
  'Im Zuschauerraum brach Jubel aus, als das Ergebnis verlesen wurde; viele Anwohner hatten seit der Überschwemmung im Februar auf diese Entscheidung gewartet.',
  'Die Versicherungsprämien der betroffenen Familien waren seither stark gestiegen, manche Häuser gelten als kaum noch verkäuflich.',
  'Ingenieure sollen nun die genauen Pläne ausarbeiten, die das Landesumweltamt prüfen muss, bevor ein Auftrag vergeben werden kann.',
];
export const CP1252_TITLE = 'Münster beschließt Hochwassermauer für 48 Mio. €';

/** Shift_JIS: a Japanese article. */
const SJIS_PARAGRAPHS = [
  'ハーウィック市議会は火曜日の夜、長時間の審議の末に洪水防御壁の建設を賛成多数で承認した。採決は賛成三十一、反対二十四だった。',
  '防御壁は、昨年の冬にウーズ川が氾濫した際に避難を余儀なくされたマーシュ・レーン周辺の約九百世帯を守ることになる。',
  '反対派は、より安価な堤防のかさ上げ案が十分に検討されていないと主張し、計画の見直しを求めている。',
  '水道当局が費用の一部を負担することで合意しており、工事は来年の春に始まる見通しだ。',
  '採決の結果が読み上げられると、傍聴席を埋めた住民から大きな拍手が起きた。多くの住民は、二月の洪水以来この決定を待ち続けてきたという。',
  '被害を受けた世帯では保険料が大幅に上がり、売却が難しくなった住宅も少なくない。市長は「長い不安の時期がようやく終わる」と述べた。',
  '今後は技術者が詳細な設計を進め、環境当局の審査を経たうえで、工事の契約が結ばれることになる。',
];
export const SJIS_TITLE = 'ハーウィック市議会、洪水防御壁の建設を承認';

/** The paragraphs of the legacy-encoded articles, for comparing the extracted text. */
export const LEGACY_TEXT = { 'windows-1252': CP1252_PARAGRAPHS, shift_jis: SJIS_PARAGRAPHS };

/** windows-1252's 0x80–0x9F (Node's TextDecoder decodes windows-1252 as Latin-1, which has controls there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Byte sequences of each character in a legacy encoding, found by decoding every 1- and 2-byte code with TextDecoder. */
const encoders = new Map();
function encoderFor(encoding) {
  let map = encoders.get(encoding);
  if (map) return map;
  map = new Map();
  if (encoding === 'windows-1252') {
    for (let b = 0; b < 0x100; b++) map.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b), [b]);
    encoders.set(encoding, map);
    return map;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  const tryBytes = (bytes) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, bytes);
    } catch {
      // not a character in this encoding
    }
  };
  for (let b = 0; b < 0x100; b++) tryBytes([b]);
  if (encoding === 'shift_jis') {
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) tryBytes([lead, trail]);
    }
  }
  encoders.set(encoding, map);
  return map;
}

/** `text` in `encoding` (windows-1252 or shift_jis); throws on a character the encoding lacks. */
export function encodeLegacy(text, encoding) {
  const map = encoderFor(encoding);
  const bytes = [];
  for (const ch of text) {
    const code = map.get(ch);
    if (!code) throw new Error(`${encoding} cannot encode ${JSON.stringify(ch)}`);
    bytes.push(...code);
  }
  return Buffer.from(bytes);
}

function legacyPage(encoding, path) {
  const ja = encoding === 'shift_jis';
  return articlePage({
    title: ja ? SJIS_TITLE : CP1252_TITLE,
    lang: ja ? 'ja' : 'de',
    charset: ja ? 'Shift_JIS' : 'windows-1252',
    path,
    body: paragraphs(ja ? SJIS_PARAGRAPHS : CP1252_PARAGRAPHS),
    after: SNAPSHOT,
  });
}

/** The hostile pages by file name under `/hostile/`. */
export const HOSTILE_PAGES = {
  'big.html': { build: bigPage, charset: 'utf-8' },
  'deep.html': { build: deepPage, charset: 'utf-8' },
  'prototypes.html': { build: prototypesPage, charset: 'utf-8' },
  'frameset.html': { build: framesetPage, charset: 'utf-8' },
  'windows-1252.html': { build: (path) => legacyPage('windows-1252', path), charset: 'windows-1252' },
  'shift-jis.html': { build: (path) => legacyPage('shift_jis', path), charset: 'Shift_JIS' },
};

/**
 * The body and Content-Type of `/hostile/<name>`, or null for an unknown name.
 * `fill` replaces %ORIGIN%; pages are built once per server and cached.
 * @param {string} name
 * @param {(text: string) => string} fill
 * @param {Map<string, { type: string, body: Buffer }>} cache
 */
export function hostilePage(name, fill, cache) {
  const known = cache.get(name);
  if (known) return known;
  const page = HOSTILE_PAGES[/** @type {keyof typeof HOSTILE_PAGES} */ (name)];
  if (!page) return null;
  const html = fill(page.build(`/hostile/${name}`));
  const encoding = page.charset.toLowerCase();
  const body = encoding === 'utf-8' ? Buffer.from(html, 'utf8') : encodeLegacy(html, encoding);
  const answer = { type: `text/html; charset=${page.charset}`, body };
  cache.set(name, answer);
  return answer;
}
