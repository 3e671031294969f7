/**
 * How close a candidate headline is to the article, from the article's analysis.
 *
 * Not a bag-of-words cosine: the article is reduced to what identifies its story —
 * its names (with variants, matched across accents and transliterations, surnames alone
 * counting for people) and its key terms (matched by truncation stems) — and a candidate
 * is scored by how much of that identity it carries, weighted by salience, with title
 * evidence counting more than snippet evidence. Title-to-title overlap is a minor signal, and so
 * are the counts and amounts the article states ("six years" ~ "sechs Jahren", "£48m").
 */
import type { Entity, EntityType } from '../analysis/types';
import { conceptOf, isConceptKey } from './terms';
import { boundedEditDistance, consonants, isContentToken, numberKey, skeleton, stem, tokenize, tokenizeCased, type CasedTokens } from './text';

/** Words that occur in many organisation and place names and identify nothing alone. */
const GENERIC_NAME_WORDS = new Set(
  `city town county council state national federal government ministry department party union court high supreme
  university college school hospital bank company group corporation corp inc ltd plc co association agency authority
  commission committee office board service services police army force forces republic kingdom united north south east
  west central new saint st san santa los las lake river mount port fort international world global club league
  stadt land bund bundes ministerium partei gericht landgericht amtsgericht gemeinde rat verband
  ciudad estado gobierno ministerio partido tribunal comision consejo servicio nacional provincia region
  ville etat gouvernement ministere parti tribunal conseil police prosecutor prosecutors polizei staatsanwaltschaft
  regierung fiscalia policia`.split(/\s+/),
);

/** Share of an entity's weight relative to its salience order: 1, 0.74, 0.59, 0.48, … */
const salience = (rank: number) => 1 / (1 + 0.35 * rank);

/** How strongly one found name says "same story", before salience: places are shared by many stories. */
const NAME_POWER: Record<EntityType, number> = { person: 0.6, organization: 0.6, other: 0.5, place: 0.3 };
/** The same for one key term found whole. */
const TERM_POWER = 0.35;
/** The same for a headline identical to the article's (scaled by overlap). */
const TITLE_POWER = 0.6;

/** The same for one count or amount the article states. */
const NUMBER_POWER = 0.2;

/** Evidence found in the snippet counts this much of evidence in the title. */
const DESCRIPTION_FACTOR = 0.6;

interface NameToken {
  key: string;
  weight: number;
}

interface EntityProfile {
  display: string;
  /** Evidence strength when found: type power × salience. */
  power: number;
  type: EntityType;
  /** Places, and organisations named only after a place ("Landgericht München"): shared by many stories. */
  isPlace: boolean;
  /** The article's most salient entity: when it is a place (a disaster, a local decision), it anchors the story like a name. */
  isAnchor: boolean;
  /** Each form (name, variants) as weighted tokens; a form matches by the weight share of its tokens found. */
  forms: { tokens: NameToken[]; total: number }[];
  /** For people: the surname key; found alone it is evidence, but weaker (namesakes). */
  surname: string | null;
  /** For people: whether the form is a single word (surname-like). */
  singleForms: boolean[];
}

interface TermProfile {
  display: string;
  power: number;
  stems: string[];
}

/** The article, reduced to what identifies its story. Build once with {@link buildProfile}. */
export interface ArticleProfile {
  entities: EntityProfile[];
  terms: TermProfile[];
  titleStems: Set<string>;
  /** All name-token keys, for fuzzy lookup. */
  nameKeys: string[];
  /** `consonants()` of each name key, same order. */
  nameConsonants: string[];
  /** Place-name keys by their language-neutral root (see `placeRoot`): "Slowenien" for "Eslovenia", "Slovenian". */
  placeRoots: Map<string, string>;
  /** Folded token → stem and matched name keys (memo across candidates). */
  tokenMemo: Map<string, TokenInfo>;
  /** Counts and amounts the article states (headline, key terms, summary), as `numberKey`s. */
  numbers: Set<string>;
  /** Stems the article's own evidence already covers: its headline, its key terms, its distinctive name words. */
  ownStems: Set<string>;
}

/** What a candidate shares with the article. */
export interface CandidateMatch {
  /** Combined evidence that the candidate is about the article's story, 0..1 (noisy-OR of the pieces). */
  content: number;
  /**
   * Names found with strong evidence: 1 per non-place name (full name or multi-word variant;
   * an organisation's one-word variant), ½ per person found by surname only (1 for the
   * anchor: the most salient entity, also when it is a place).
   */
  strongNames: number;
  /** People and organisations found with strong evidence (a surname counts 1 here; places never). */
  names: number;
  /** Places found with strong evidence. */
  places: number;
  /** Key terms found: 1 per whole term, ½ per half of a multi-word term. */
  terms: number;
  /** Title-to-title overlap (stems, cosine on sets), 0..1. */
  title: number;
  /** Counts and amounts shared with the article ("six years" ~ "sechs Jahren", "£48m", "3.000" ~ "3,000"). */
  numbers: number;
  /** Display forms of the shared names, then terms, most salient first. */
  shared: string[];
  /** The candidate title's content stems (for duplicate detection). */
  titleStems: string[];
  /** The candidate title's word keys (concept or stem, see `wordKey`): the event's words across languages. */
  titleKeys: string[];
  /** The counts and amounts in the candidate title, as `numberKey`s. */
  titleNumbers: string[];
}

const MAX_ENTITIES = 8;
const MAX_TERMS = 10;

function nameTokens(form: string, type: EntityType): NameToken[] {
  const tokens = tokenize(form).filter((t) => t.length > 1 && isContentToken(t));
  return tokens.map((t, i) => {
    let weight = GENERIC_NAME_WORDS.has(t) ? 0.15 : 1;
    // First and middle names identify little on their own.
    if (type === 'person' && tokens.length > 1 && i < tokens.length - 1) weight = 0.3;
    return { key: skeleton(t), weight };
  });
}

/** Builds the matching profile of an article from its title and analysis. */
export function buildProfile(
  title: string,
  analysis: { entities: readonly Pick<Entity, 'name' | 'type' | 'variants'>[]; keyTerms: readonly string[]; summary?: readonly string[] },
): ArticleProfile {
  const entities: EntityProfile[] = [];
  const nameKeys = new Set<string>();
  for (const entity of analysis.entities.slice(0, MAX_ENTITIES)) {
    const forms = [entity.name, ...entity.variants]
      .map((f) => nameTokens(f, entity.type))
      .filter((tokens) => tokens.length > 0 && tokens.some((t) => t.weight >= 1 || tokens.length === 1))
      .map((tokens) => ({ tokens, total: tokens.reduce((s, t) => s + t.weight, 0) }));
    if (!forms.length) continue;
    for (const f of forms) for (const t of f.tokens) nameKeys.add(t.key);
    const last = forms[0]!.tokens.at(-1)!;
    const surname = entity.type === 'person' && forms[0]!.tokens.length > 1 && last.key.length >= 4 ? last.key : null;
    entities.push({
      display: entity.name,
      power: salience(entities.length) * NAME_POWER[entity.type],
      type: entity.type,
      isPlace: entity.type === 'place',
      isAnchor: entities.length === 0,
      forms,
      surname,
      singleForms: forms.map((f) => entity.type === 'person' && f.tokens.length === 1),
    });
  }
  // An organisation whose distinctive words all belong to a place is as common as the place.
  const placeKeys = new Set(entities.filter((e) => e.isPlace).flatMap((e) => e.forms.flatMap((f) => f.tokens.map((t) => t.key))));
  for (const e of entities) {
    if (!e.isPlace && e.forms.every((f) => f.tokens.every((t) => t.weight < 1 || placeKeys.has(t.key)))) e.isPlace = true;
  }
  const placeRoots = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'place') continue;
    for (const f of e.forms) {
      for (const t of f.tokens) {
        const root = placeRoot(t.key);
        if (root) placeRoots.set(root, t.key);
      }
    }
  }
  const titleTokens = tokenize(title).filter(isContentToken);
  const ownStems = new Set([...titleTokens.map(stem), ...titleTokens.map(wordKey)]);
  for (const e of analysis.entities.slice(0, MAX_ENTITIES)) {
    for (const form of [e.name, ...e.variants]) for (const t of tokenize(form)) if (isContentToken(t) && !GENERIC_NAME_WORDS.has(t)) ownStems.add(stem(t));
  }
  const terms: TermProfile[] = [];
  for (const term of analysis.keyTerms.slice(0, MAX_TERMS)) {
    const tokens = tokenize(term).filter(isContentToken);
    const stems = tokens.map(wordKey);
    // Terms that are one concept ("Stichwahl", "Präsidentschaftswahl": an election) are one piece of evidence.
    const same = stems.join(' ');
    if (terms.some((t) => t.stems.join(' ') === same)) continue;
    if (stems.length) terms.push({ display: term, power: TERM_POWER * salience(terms.length * 0.6), stems });
    for (const st of stems) ownStems.add(st);
    for (const t of tokens) ownStems.add(stem(t));
  }
  return {
    entities,
    terms,
    titleStems: new Set(titleTokens.map(wordKey)),
    nameKeys: [...nameKeys],
    nameConsonants: [...nameKeys].map(consonants),
    placeRoots,
    tokenMemo: new Map(),
    ownStems,
    numbers: numbersIn([title, ...analysis.keyTerms, ...(analysis.summary ?? [])].join(' ')),
  };
}

const finalVowelStripped = (key: string) => key.replace(/[aeiou]+$/, '');

/** Endings of place names and their adjectives across languages: Slowenien, Slovenia, Slovénie, Slovenian, Umbrien, Italy. */
const PLACE_ENDING_RE = /(?:ien|ian|ija|ia|ie|io|ja|en|an|a|e|i|o|y)$/;

/**
 * The root of a place-name key (after `skeleton`), for matching exonyms and demonyms:
 * "slovenien", "slovenia", "slovenie", "eslovenia", "slovenian" → "sloven"; "italy", "italian",
 * "italien" → "ital". Spanish and Portuguese "es-" before a consonant is dropped. Null when
 * fewer than 4 letters would remain.
 */
export function placeRoot(key: string): string | null {
  const k = key.length >= 6 && key.startsWith('es') && !/[aeiou]/.test(key[2]!) ? key.slice(1) : key;
  const root = k.replace(PLACE_ENDING_RE, '');
  return root.length >= 4 ? root : null;
}

/**
 * Name keys matched by a candidate token key: equal; or (both ≥ 5 letters) equal but for a final
 * vowel or two; or (both ≥ 6 letters) one edit apart or with equal consonants.
 */
function fuzzyNameKeys(profile: ArticleProfile, key: string): string[] {
  const hit: string[] = [];
  let keyConsonants: string | null = null;
  for (let i = 0; i < profile.nameKeys.length; i++) {
    const name = profile.nameKeys[i]!;
    if (name === key) hit.push(name);
    else if (name[0] !== key[0] || Math.abs(name.length - key.length) > 2) continue;
    // Names that differ only in their final vowel across languages: "Libya"/"Libye", "Roma"/"Rome".
    else if (name.length >= 5 && key.length >= 5 && finalVowelStripped(name) === finalVowelStripped(key) && finalVowelStripped(key).length >= name.length - 2) hit.push(name);
    else if (name.length < 6 || key.length < 6) continue;
    else if (boundedEditDistance(name, key, 1) <= 1) hit.push(name);
    else if ((keyConsonants ??= consonants(key)) === profile.nameConsonants[i]) hit.push(name);
  }
  if (profile.placeRoots.size) {
    const root = placeRoot(key);
    const place = root ? profile.placeRoots.get(root) : undefined;
    if (place && !hit.includes(place)) hit.push(place);
  }
  return hit;
}

interface TokenInfo {
  stem: string;
  /** The token's news concept across languages (`~strike` for "Streik"), see `terms.ts`. */
  concept: string | null;
  names: string[];
  number: string | null;
}

interface TextKeys {
  names: Set<string>;
  /** Stems and concept keys: what key terms are matched against. */
  stems: Set<string>;
  /** One key per word: its concept when it has one, else its stem (headline overlap across languages). */
  keys: Set<string>;
  numbers: Set<string>;
}

/** A word's matching key: its concept across languages when it has one ("grève", "strikes" → `~strike`), else its stem. */
export function wordKey(token: string): string {
  return conceptOf(token) ?? stem(token);
}

function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    const key = numberKey(token);
    if (key) out.add(key);
  }
  return out;
}

/** Stem and matched name keys of a folded token, memoised on the profile (tokens repeat across candidates). */
function tokenInfo(profile: ArticleProfile, token: string): TokenInfo {
  let info = profile.tokenMemo.get(token);
  if (!info) {
    info = { stem: stem(token), concept: conceptOf(token), names: fuzzyNameKeys(profile, skeleton(token)), number: numberKey(token) };
    profile.tokenMemo.set(token, info);
  }
  return info;
}

/** Share of capitalised longer words above which a headline is in Title Case, where capitals say nothing. */
const TITLE_CASE_SHARE = 0.7;

/**
 * Indexes of name tokens directly followed by another capitalised word that is not one of the
 * article's names, in a headline written in sentence case: "Norrsken Analytics" is another
 * company than "Norrsken Data", "Zupan Robotics" is not Marko Zupan, "Harwick Town" is a club.
 */
function namesakePositions(profile: ArticleProfile, cased: CasedTokens): Set<number> | null {
  const { tokens, capital, joined } = cased;
  let long = 0;
  let capitalised = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.length < 4 || !isContentToken(tokens[i]!)) continue;
    long++;
    if (capital[i]) capitalised++;
  }
  if (long >= 3 && capitalised / long >= TITLE_CASE_SHARE) return null;
  let out: Set<number> | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!joined[i] || !capital[i + 1] || !capital[i]) continue;
    const next = tokens[i + 1]!;
    if (!isContentToken(next) || numberKey(next)) continue;
    if (!isContentToken(tokens[i]!) || !tokenInfo(profile, tokens[i]!).names.length || tokenInfo(profile, next).names.length) continue;
    (out ??= new Set()).add(i);
  }
  return out;
}

function textKeys(profile: ArticleProfile, text: string, isTitle: boolean): TextKeys {
  const names = new Set<string>();
  const stems = new Set<string>();
  const keys = new Set<string>();
  const numbers = new Set<string>();
  const cased = isTitle ? tokenizeCased(text) : null;
  const tokens = cased ? cased.tokens : tokenize(text);
  const namesakes = cased ? namesakePositions(profile, cased) : null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isContentToken(token)) {
      // Number words are stop words ("six", "sechs"), single digits are not content: still counts.
      const key = numberKey(token);
      if (key) numbers.add(key);
      continue;
    }
    const info = tokenInfo(profile, token);
    if (info.number) numbers.add(info.number);
    stems.add(info.stem);
    if (info.concept) stems.add(info.concept);
    keys.add(info.concept ?? info.stem);
    if (namesakes?.has(i)) continue;
    for (const k of info.names) names.add(k);
  }
  return { names, stems, keys, numbers };
}

/** How much of the entity a text carries (0..1), and whether only by a person's surname. */
function entityEvidence(entity: EntityProfile, keys: TextKeys): { evidence: number; bySurname: boolean } {
  let full = 0;
  let bySurname = 0;
  entity.forms.forEach((form, i) => {
    let found = 0;
    for (const t of form.tokens) if (keys.names.has(t.key)) found += t.weight;
    if (entity.singleForms[i]) bySurname = Math.max(bySurname, found / form.total);
    else full = Math.max(full, found / form.total);
  });
  if (entity.surname && keys.names.has(entity.surname)) bySurname = Math.max(bySurname, 0.9);
  return full >= bySurname || full >= STRONG ? { evidence: full, bySurname: false } : { evidence: bySurname, bySurname: true };
}

function termEvidence(term: TermProfile, stems: Set<string>): number {
  let found = 0;
  for (const s of term.stems) if (stems.has(s)) found++;
  // Half a multi-word term is weak evidence; a single word is all or nothing.
  return found === term.stems.length ? 1 : found / term.stems.length >= 0.5 ? 0.4 : 0;
}

/** Evidence at or above this counts as "found" (full name, variant, surname; whole term). */
const STRONG = 0.85;

/**
 * Scores one candidate (title and optional snippet) against the article profile.
 * Each shared piece (a name, a key term, headline overlap) is evidence with a strength
 * that falls with its salience; pieces combine as a noisy-OR, so two solid pieces beat
 * many weak ones and no candidate needs to repeat every name to score well.
 */
export function matchCandidate(profile: ArticleProfile, title: string, description: string | null): CandidateMatch {
  const inTitle = textKeys(profile, title, true);
  const inDesc = description ? textKeys(profile, description, false) : null;
  const shared: string[] = [];
  let miss = 1;
  let strongNames = 0;
  let names = 0;
  let places = 0;
  for (const e of profile.entities) {
    const t = entityEvidence(e, inTitle);
    const d = inDesc ? entityEvidence(e, inDesc) : { evidence: 0, bySurname: false };
    const fromTitle = t.evidence >= d.evidence * DESCRIPTION_FACTOR;
    const evidence = fromTitle ? t.evidence : d.evidence * DESCRIPTION_FACTOR;
    const bySurname = fromTitle ? t.bySurname : d.bySurname;
    if (evidence <= 0.2) continue;
    miss *= 1 - e.power * evidence;
    if (evidence >= STRONG * DESCRIPTION_FACTOR) {
      if (e.isPlace) places++;
      // A surname alone may be a namesake, unless it is the article's protagonist.
      if (!e.isPlace || e.isAnchor) strongNames += bySurname && !e.isAnchor ? 0.5 : 1;
      if (!e.isPlace) names++;
    }
    if (evidence >= 0.5) shared.push(e.display);
  }
  let terms = 0;
  for (const term of profile.terms) {
    const t = termEvidence(term, inTitle.stems);
    const evidence = Math.max(t, inDesc ? termEvidence(term, inDesc.stems) * DESCRIPTION_FACTOR : 0);
    if (!evidence) continue;
    miss *= 1 - term.power * evidence;
    // Whole terms count 1; half of a multi-word term ("barrier" of "flood barrier") counts ½.
    terms += evidence >= DESCRIPTION_FACTOR ? 1 : evidence >= 0.4 ? 0.5 : 0;
    if (evidence >= 0.5 && !shared.some((s) => s.toLowerCase() === term.display.toLowerCase())) shared.push(term.display);
  }
  let common = 0;
  for (const s of inTitle.keys) if (profile.titleStems.has(s)) common++;
  const titleSim = inTitle.keys.size && profile.titleStems.size ? common / Math.sqrt(inTitle.keys.size * profile.titleStems.size) : 0;
  miss *= 1 - TITLE_POWER * titleSim;
  let numbers = 0;
  for (const key of profile.numbers) if (inTitle.numbers.has(key) || inDesc?.numbers.has(key)) numbers++;
  miss *= (1 - NUMBER_POWER) ** Math.min(numbers, 2);
  return { content: 1 - miss, strongNames, names, places, terms, title: titleSim, numbers, shared, titleStems: [...inTitle.stems].filter((k) => !isConceptKey(k)), titleKeys: [...inTitle.keys], titleNumbers: [...inTitle.numbers] };
}

/** Headline overlap that counts as a piece of evidence on its own. */
const TITLE_EVIDENCE = 0.3;

/**
 * Whether a candidate is about the article's story at all: two independent pieces of
 * evidence, at least one of them specific — a name (see `strongNames`) with a key term,
 * a second name (also by surname: two of the article's people together are rarely namesakes)
 * or a close headline; or a place or surname with two key terms (or one and a close headline).
 * One shared name alone (a namesake, a football club named after the town) is not enough.
 */
export function isRelated(m: CandidateMatch): boolean {
  const closeTitle = m.title >= TITLE_EVIDENCE ? 1 : 0;
  // A shared count or amount is one piece of supporting evidence, never more (counts repeat across stories).
  const number = m.numbers > 0 ? 1 : 0;
  // Two of the article's people or organisations together (also by surname) are rarely namesakes; a surname and the town may be.
  if (m.strongNames >= 1 && m.terms + Math.max(m.strongNames - 1, m.names >= 2 ? 1 : 0) + closeTitle + number >= 1) return true;
  return (m.places >= 1 || m.strongNames >= 0.5) && m.terms + closeTitle + number >= 2;
}

/**
 * A headline with none of the article's names ("Rescuers dig through rubble as death toll
 * rises") still reports the same event when it carries three of the article's key terms (in
 * any language, see `terms.ts`; terms that are one concept count once), or two and a count
 * the article states. Only ever used for items published in the same-event window; another
 * event of the same kind (a staff strike elsewhere, an earthquake in another country) usually
 * shares one or two of them. Headline overlap does not count here: it repeats the key terms.
 */
export function sharesEventWithoutNames(m: CandidateMatch): boolean {
  const number = m.numbers > 0 ? 1 : 0;
  return m.terms >= 2 && m.terms + number >= 3;
}

