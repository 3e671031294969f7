/**
 * Language-light text keys for matching headlines across outlets, languages and
 * transliterations: folding (case, accents, special letters), tokens, crude stems and
 * phonetic "skeletons".
 */

/** Letters NFKD does not decompose. */
const SPECIAL: Record<string, string> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ı: 'i', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŀ: 'l',
};
const SPECIAL_RE = /[ßøæœıłđðþħŀ]/g;
const NON_ASCII_RE = /[^\t\n\r\x20-\x7e]/;

/**
 * Lower-cases, strips accents and folds special letters: "Erdoğan" → "erdogan",
 * "Häußler" → "haussler", "Łódź" → "lodz". Apostrophes are removed ("O'Neill" → "oneill").
 */
export function foldText(text: string): string {
  // Fast path: plain ASCII needs no decomposition (most English headlines).
  if (!NON_ASCII_RE.test(text)) return text.toLowerCase().replace(/['`]/g, '');
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(/['’ʼ`´]/g, '');
}

// "$4.2bn" stays one token ("4.2bn"): its parts alone would match any other amount.
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*\p{L}*|[\p{L}\p{N}]+/gu;

/** {@link TOKEN_RE} for folded ASCII text: the same tokens, without Unicode property classes (faster). */
const ASCII_TOKEN_RE = /[0-9]+(?:[.,][0-9]+)*[a-z]*|[a-z0-9]+/g;

/** Folded word tokens (letters/digits), in order. */
export function tokenize(text: string): string[] {
  if (!NON_ASCII_RE.test(text)) return text.toLowerCase().replace(/['`]/g, '').match(ASCII_TOKEN_RE) ?? [];
  return foldText(text).match(TOKEN_RE) ?? [];
}

/** Tokens with what their case and spacing say (see {@link tokenizeCased}). */
export interface CasedTokens {
  /** Folded tokens, as {@link tokenize} gives them. */
  tokens: string[];
  /** Whether the token was written with a capital first letter (acronyms such as "CEO" are not). */
  capital: boolean[];
  /** Whether the next token follows after exactly one space (no punctuation between them). */
  joined: boolean[];
}

const UPPER_RE = /^\p{Lu}/u;

/** {@link tokenize}, keeping each token's capital and whether the next one follows it directly ("Norrsken Analytics"). */
export function tokenizeCased(text: string): CasedTokens {
  const raw = (NON_ASCII_RE.test(text) ? text.normalize('NFC') : text).replace(/['’ʼ`´]/g, '');
  const tokens: string[] = [];
  const capital: boolean[] = [];
  const joined: boolean[] = [];
  let lastEnd = -1;
  for (const m of raw.matchAll(TOKEN_RE)) {
    if (tokens.length) joined[tokens.length - 1] = m.index === lastEnd + 1 && raw.charCodeAt(lastEnd) === 32;
    tokens.push(foldText(m[0]));
    // An acronym ("CEO", "UN") is not a capitalised word.
    capital.push(UPPER_RE.test(m[0]) && (m[0].length === 1 || m[0] !== m[0].toUpperCase()));
    joined.push(false);
    lastEnd = m.index + m[0].length;
  }
  return { tokens, capital, joined };
}

/**
 * A phonetic-ish key that makes common transliteration variants equal:
 * "Zelenskyy", "Zelensky", "Selenskyj" → "selenski"; "Qaddafi", "Kadhafi" → "kadafi";
 * "Rashidi", "Rachidi" → "rasidi".
 * Applied to folded tokens only.
 */
export function skeleton(token: string): string {
  // The steps, in order (each as a global replace would do it, without regular expressions: this runs for
  // every distinct headline word): ph → f; s?[sc]h → s; h after b d g k p t dropped; q or c not before h → k;
  // ck → k; z → s; y, j → i; w → v; ou → u; runs of one letter → one.
  let s = token;
  let o = '';
  if (s.includes('ph')) {
    for (let i = 0; i < s.length; i++) {
      if (s[i] === 'p' && s[i + 1] === 'h') {
        o += 'f';
        i++;
      } else o += s[i];
    }
    s = o;
  }
  if (s.includes('h')) {
    o = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === 's' && (s[i + 1] === 's' || s[i + 1] === 'c') && s[i + 2] === 'h') {
        o += 's';
        i += 2;
      } else if ((c === 's' || c === 'c') && s[i + 1] === 'h') {
        o += 's';
        i++;
      } else o += c;
    }
    s = o;
    o = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === 'h' && i > 0 && 'bdgkpt'.includes(s[i - 1]!)) continue;
      o += c;
    }
    s = o;
  }
  o = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    o += (c === 'q' || c === 'c') && s[i + 1] !== 'h' ? 'k' : c;
  }
  s = o;
  if (s.includes('ck')) s = s.split('ck').join('k');
  o = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    o += c === 'z' ? 's' : c === 'y' || c === 'j' ? 'i' : c === 'w' ? 'v' : c;
  }
  s = o;
  if (s.includes('ou')) s = s.split('ou').join('u');
  o = '';
  for (let i = 0; i < s.length; i++) if (s[i] !== s[i - 1]) o += s[i];
  return o;
}

/** The first letter of `skeleton(token)`, without building it (a cheap filter before fuzzy name matching). */
export function skeletonInitial(token: string): string {
  const c0 = token[0] ?? '';
  const c1 = token[1];
  switch (c0) {
    case 'p':
      return c1 === 'h' ? 'f' : 'p';
    case 'c':
      return c1 === 'h' ? 's' : 'k';
    case 'q':
      return c1 === 'h' ? 'q' : 'k';
    case 'z':
      return 's';
    case 'y':
    case 'j':
      return 'i';
    case 'w':
      return 'v';
    case 'o':
      return c1 === 'u' ? 'u' : 'o';
    default:
      return c0;
  }
}

/**
 * Truncation stem: the first six letters after dropping one inflectional ending. Crude but
 * language-independent (truncation stemming works about as well as real stemmers for
 * matching short texts): "strikes", "strike", "striking" → "strik".
 */
export function stem(token: string): string {
  const t = token.length > 4 ? token.replace(/(?:ing|ed|es|s|en|e|n)$/, '') : token;
  return t.slice(0, 6);
}

/** Consonants only (after the first letter): "mohamed", "muhamad" → "mhmd". */
export function consonants(key: string): string {
  return key[0] + key.slice(1).replace(/[aeiou]/g, '');
}

/** Edit distance between `a` and `b`, stopping early above `max` (returns max + 1). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > editRows[0].length) editRows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let prev = editRows[0];
  let cur = editRows[1];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}
/** The two rows {@link boundedEditDistance} reuses (grown when a longer word comes). */
let editRows: [Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32)];

/**
 * Function words in the languages Backstory sees most (en, de, es, fr, it, pt, nl); they never count as shared content.
 * Folded forms (no accents).
 */
export const STOP_WORDS = new Set(
  `a an the and or but of to in on at by for from with without as is are was were be been being has have had
  it its this that these those he she they them his her their we our you your i not no yes after before over under
  into onto up down out off about than then so if when while who whom whose which what where why how all any some
  more most less new says said say will would can could may might must should do does did done also just amid via
  per vs v two three one four five six first last next week weeks day days year years month months today yesterday
  tomorrow monday tuesday wednesday thursday friday saturday sunday live update updates news report reports latest
  der die das den dem des ein eine einer eines einem einen und oder aber in im ins am an auf aus bei mit nach von vor
  zu zum zur fur uber unter um ist sind war waren wird werden wurde wurden hat haben nicht kein keine sich es er sie
  wir ihr als auch noch nur schon mehr wie was wer wo dass ob bis gegen seit durch neue neuen neuer jahr jahre tag
  muss mussen kann konnen soll sollen darf durfen
  el la los las un una unos unas y o pero de del al en con sin por para sobre entre tras ante es son fue fueron ser
  ha han se su sus lo le les que como mas menos ya muy tambien este esta estos estas ese esa nuevo nueva ano anos dia
  le la les un une des et ou mais du au aux dans sur sous avec sans pour par est sont ete a ont ce cette ces qui que
  il elle ils elles nous vous pas plus moins selon apres avant nouveau nouvelle
  il lo gli della delle dello degli di da dal dalla nel nella nei per con su tra fra ed che non piu anche dopo sono
  stato anni uno una o os da do das dos em no na nos nas com por para um uma que nao mais pelo pela apos
  de het een en van op naar met voor bij door om tot uit over als niet ook zijn werd wordt na`.split(/\s+/),
);

/** Whether a folded token carries content (not a stop word, not a lone digit or letter). */
export function isContentToken(token: string): boolean {
  return token.length > 1 && !STOP_WORDS.has(token);
}

/** Number words 2–12 (and 20, 100) in the languages Backstory sees most, folded: the same count across languages. */
const NUMBER_WORDS = new Map<string, string>(
  [
    'two three four five six seven eight nine ten eleven twelve twenty hundred',
    'zwei drei vier funf sechs sieben acht neun zehn elf zwolf zwanzig hundert',
    'dos tres cuatro cinco seis siete ocho nueve diez once doce veinte cien',
    'deux trois quatre cinq six sept huit neuf dix onze douze vingt cent',
  ].flatMap((line) => line.split(' ').map((w, i) => [w, String(i < 11 ? i + 2 : i === 11 ? 20 : 100)])),
);
const THOUSANDS_RE = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;

/**
 * The value a folded token names, as a comparable key, or null: "3.000", "3,000" and "3000" →
 * "3000"; "4,2" and "4.2bn" → "4.2"; "£48m" (token "48m") → "48"; "sechs", "six", "seis" → "6".
 * Years (1900–2099) and 0–1 are left out: they identify no event.
 */
export function numberKey(token: string): string | null {
  const c = token.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return NUMBER_WORDS.get(token) ?? null;
  const m = /^(\d+(?:[.,]\d+)*)(?:[a-z]{0,3})$/.exec(token);
  if (!m) return null;
  let digits = m[1]!;
  digits = THOUSANDS_RE.test(digits) ? digits.replace(/[.,]/g, '') : digits.replace(',', '.');
  const value = Number(digits);
  if (!Number.isFinite(value) || value === 0 || value === 1 || (Number.isInteger(value) && value >= 1900 && value <= 2099 && digits.length === 4)) return null;
  return String(value);
}
