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
import { conceptOf } from './terms';
import { boundedEditDistance, consonants, isContentToken, numberKey, skeleton, skeletonInitial, stem, tokenize, tokenizeCased } from './text';

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
  /** Slot of the key in the profile's stamp arrays (see `ArticleProfile.slots`). */
  id: number;
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
  /** For people: the surname key's slot; found alone it is evidence, but weaker (namesakes). */
  surname: number;
  /** For people: whether the form is a single word (surname-like). */
  singleForms: boolean[];
}

interface TermProfile {
  display: string;
  power: number;
  stems: string[];
  /** Slots of `stems`. */
  ids: number[];
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
  /** Each name key without its final vowels, same order. */
  nameStripped: string[];
  /** First letters of the name keys (and "e" when a place starts with "s": "Eslovenia"), see `skeletonInitial`. */
  nameInitials: Set<string>;
  /** Place-name keys by their language-neutral root (see `placeRoot`): "Slowenien" for "Eslovenia", "Slovenian". */
  placeRoots: Map<string, string>;
  /** Folded token → stem and matched name keys (memo across candidates). */
  tokenMemo: Map<string, TokenInfo>;
  /**
   * One slot per key the profile looks for — name keys (`n:`), term stems and concepts (`s:`),
   * headline keys (`t:`) — so that a candidate is matched by marking slots in a typed array
   * instead of building sets of strings.
   */
  slots: Map<string, number>;
  /** Per slot: the number of the text that last contained the key (title and snippet apart). */
  titleStamp: Int32Array;
  descStamp: Int32Array;
  /** Number of the text being matched (increases with each text). */
  generation: number;
  /** Slots of the headline keys (`titleStems`). */
  titleIds: number[];
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

/** A word's matching key: its concept across languages when it has one ("grève", "strikes" → `~strike`), else its stem. */
export function wordKey(token: string): string {
  return conceptOf(token) ?? stem(token);
}

const MAX_ENTITIES = 8;
const MAX_TERMS = 10;

function slotOf(slots: Map<string, number>, key: string): number {
  let id = slots.get(key);
  if (id === undefined) slots.set(key, (id = slots.size));
  return id;
}

function nameTokens(form: string, type: EntityType, slots: Map<string, number>): NameToken[] {
  const tokens = tokenize(form).filter((t) => t.length > 1 && isContentToken(t));
  return tokens.map((t, i) => {
    let weight = GENERIC_NAME_WORDS.has(t) ? 0.15 : 1;
    // First and middle names identify little on their own.
    if (type === 'person' && tokens.length > 1 && i < tokens.length - 1) weight = 0.3;
    const key = skeleton(t);
    return { key, id: slotOf(slots, `n:${key}`), weight };
  });
}

/** Builds the matching profile of an article from its title and analysis. */
export function buildProfile(
  title: string,
  analysis: { entities: readonly Pick<Entity, 'name' | 'type' | 'variants'>[]; keyTerms: readonly string[]; summary?: readonly string[] },
): ArticleProfile {
  const entities: EntityProfile[] = [];
  const nameKeys = new Set<string>();
  const slots = new Map<string, number>();
  for (const entity of analysis.entities.slice(0, MAX_ENTITIES)) {
    const forms = [entity.name, ...entity.variants]
      .map((f) => nameTokens(f, entity.type, slots))
      .filter((tokens) => tokens.length > 0 && tokens.some((t) => t.weight >= 1 || tokens.length === 1))
      .map((tokens) => ({ tokens, total: tokens.reduce((s, t) => s + t.weight, 0) }));
    if (!forms.length) continue;
    for (const f of forms) for (const t of f.tokens) nameKeys.add(t.key);
    const last = forms[0]!.tokens.at(-1)!;
    const surname = entity.type === 'person' && forms[0]!.tokens.length > 1 && last.key.length >= 4 ? last.id : -1;
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
    if (stems.length) terms.push({ display: term, power: TERM_POWER * salience(terms.length * 0.6), stems, ids: stems.map((st) => slotOf(slots, `s:${st}`)) });
    for (const st of stems) ownStems.add(st);
    for (const t of tokens) ownStems.add(stem(t));
  }
  const titleStems = new Set(titleTokens.map(wordKey));
  const titleIds = [...titleStems].map((k) => slotOf(slots, `t:${k}`));
  const nameInitials = new Set([...nameKeys].map((k) => k[0]!));
  if ([...placeRoots.keys()].some((root) => root.startsWith('s'))) nameInitials.add('e');
  return {
    entities,
    terms,
    titleStems,
    nameInitials,
    titleIds,
    slots,
    titleStamp: new Int32Array(slots.size),
    descStamp: new Int32Array(slots.size),
    generation: 0,
    nameKeys: [...nameKeys],
    nameConsonants: [...nameKeys].map(consonants),
    nameStripped: [...nameKeys].map(finalVowelStripped),
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
  let keyStripped: string | null = null;
  for (let i = 0; i < profile.nameKeys.length; i++) {
    const name = profile.nameKeys[i]!;
    if (name === key) hit.push(name);
    else if (name[0] !== key[0] || Math.abs(name.length - key.length) > 2) continue;
    // Names that differ only in their final vowel across languages: "Libya"/"Libye", "Roma"/"Rome".
    else if (
      name.length >= 5 &&
      key.length >= 5 &&
      profile.nameStripped[i] === (keyStripped ??= finalVowelStripped(key)) &&
      keyStripped.length >= name.length - 2
    )
      hit.push(name);
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
  /** Not a stop word, not a lone letter or digit. */
  content: boolean;
  stem: string;
  /** The token's news concept across languages (`~strike` for "Streik"), see `terms.ts`. */
  concept: string | null;
  /** `concept ?? stem`: the token's headline key. */
  key: string;
  names: string[];
  number: string | null;
  /** Slots this token marks: its name keys, its stem and concept (when the profile looks for them). */
  marks: number[];
  /** Slot of its headline key, or -1. */
  titleMark: number;
  /** Slots of its name keys only (dropped when the token is a namesake). */
  nameMarks: number;
}

function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    const key = numberKey(token);
    if (key) out.add(key);
  }
  return out;
}

const NO_NAMES: string[] = [];

/** Everything about a folded token the matching needs, memoised on the profile (tokens repeat across candidates). */
function tokenInfo(profile: ArticleProfile, token: string): TokenInfo {
  let info = profile.tokenMemo.get(token);
  if (info) return info;
  const content = isContentToken(token);
  const number = numberKey(token);
  if (!content) {
    info = { content, stem: '', concept: null, key: '', names: [], number, marks: [], titleMark: -1, nameMarks: 0 };
  } else {
    const st = stem(token);
    const concept = conceptOf(token);
    // Only a token whose skeleton starts like one of the names can match one: most words are skipped cheaply.
    const names = profile.nameInitials.has(skeletonInitial(token)) ? fuzzyNameKeys(profile, skeleton(token)) : NO_NAMES;
    const marks: number[] = [];
    for (const n of names) {
      const id = profile.slots.get(`n:${n}`);
      if (id !== undefined) marks.push(id);
    }
    const nameMarks = marks.length;
    const stemId = profile.slots.get(`s:${st}`);
    if (stemId !== undefined) marks.push(stemId);
    const conceptId = concept ? profile.slots.get(`s:${concept}`) : undefined;
    if (conceptId !== undefined) marks.push(conceptId);
    const key = concept ?? st;
    info = { content, stem: st, concept, key, names, number, marks, titleMark: profile.slots.get(`t:${key}`) ?? -1, nameMarks };
  }
  profile.tokenMemo.set(token, info);
  return info;
}

/** Share of capitalised longer words above which a headline is in Title Case, where capitals say nothing. */
const TITLE_CASE_SHARE = 0.7;

/**
 * Indexes of name tokens directly followed by another capitalised word that is not one of the
 * article's names, in a headline written in sentence case: "Norrsken Analytics" is another
 * company than "Norrsken Data", "Zupan Robotics" is not Marko Zupan, "Harwick Town" is a club.
 * Null when there are none, or the case of the text says nothing.
 */
function namesakePositions(profile: ArticleProfile, text: string, tokens: readonly string[]): Set<number> | null {
  const cased = tokenizeCased(text);
  if (cased.tokens.length !== tokens.length || cased.tokens.some((t, i) => t !== tokens[i])) return null;
  const { capital, joined } = cased;
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
    const next = tokenInfo(profile, tokens[i + 1]!);
    if (!next.content || next.number || next.names.length) continue;
    if (!tokenInfo(profile, tokens[i]!).names.length) continue;
    (out ??= new Set()).add(i);
  }
  return out;
}

/** What one text (headline or snippet) carries, marked in `stamp` with the current generation. */
interface TextScan {
  numbers: string[];
  /** Headline only: content stems, and keys (concept or stem) in order, each once; overlap with the article's headline. */
  stems: string[];
  keys: string[];
  titleCommon: number;
}

/** Marks the slots a text carries in `stamp` and collects its numbers (and, for a headline, its stems and keys). */
function scanText(profile: ArticleProfile, text: string, stamp: Int32Array, gen: number, isTitle: boolean): TextScan {
  const tokens = tokenize(text);
  const numbers: string[] = [];
  const stems: string[] = [];
  const keys: string[] = [];
  let titleCommon = 0;
  let namesakes: Set<number> | null = null;
  let checkedNamesakes = !isTitle;
  for (let i = 0; i < tokens.length; i++) {
    const info = tokenInfo(profile, tokens[i]!);
    if (info.number && !numbers.includes(info.number)) numbers.push(info.number);
    if (!info.content) continue;
    const marks = info.marks;
    let from = 0;
    if (info.nameMarks) {
      // Only headlines with one of the article's names are read for case (a namesake company after the name).
      if (!checkedNamesakes) {
        namesakes = namesakePositions(profile, text, tokens);
        checkedNamesakes = true;
      }
      if (namesakes?.has(i)) from = info.nameMarks;
    }
    for (let m = from; m < marks.length; m++) stamp[marks[m]!] = gen;
    if (!isTitle) continue;
    if (!stems.includes(info.stem)) stems.push(info.stem);
    if (!keys.includes(info.key)) {
      keys.push(info.key);
      if (info.titleMark >= 0) titleCommon++;
    }
  }
  return { numbers, stems, keys, titleCommon };
}

/** Set by {@link entityEvidence}: whether its result came from a person's surname alone. */
let lastBySurname = false;

/** How much of the entity a text carries (0..1); `lastBySurname` says whether only by a person's surname. */
function entityEvidence(entity: EntityProfile, stamp: Int32Array, gen: number): number {
  let full = 0;
  let bySurname = 0;
  for (let i = 0; i < entity.forms.length; i++) {
    const form = entity.forms[i]!;
    let found = 0;
    for (const t of form.tokens) if (stamp[t.id] === gen) found += t.weight;
    if (entity.singleForms[i]) bySurname = Math.max(bySurname, found / form.total);
    else full = Math.max(full, found / form.total);
  }
  if (entity.surname >= 0 && stamp[entity.surname] === gen) bySurname = Math.max(bySurname, 0.9);
  lastBySurname = !(full >= bySurname || full >= STRONG);
  return lastBySurname ? bySurname : full;
}

function termEvidence(term: TermProfile, stamp: Int32Array, gen: number): number {
  let found = 0;
  for (const id of term.ids) if (stamp[id] === gen) found++;
  // Half a multi-word term is weak evidence; a single word is all or nothing.
  return found === term.ids.length ? 1 : found / term.ids.length >= 0.5 ? 0.4 : 0;
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
  const gen = ++profile.generation;
  const inTitle = scanText(profile, title, profile.titleStamp, gen, true);
  const inDesc = description ? scanText(profile, description, profile.descStamp, gen, false) : null;
  const tStamp = profile.titleStamp;
  const dStamp = profile.descStamp;
  const shared: string[] = [];
  let miss = 1;
  let strongNames = 0;
  let names = 0;
  let places = 0;
  for (const e of profile.entities) {
    const t = entityEvidence(e, tStamp, gen);
    const tBySurname = lastBySurname;
    const d = inDesc ? entityEvidence(e, dStamp, gen) : 0;
    const fromTitle = t >= d * DESCRIPTION_FACTOR;
    const evidence = fromTitle ? t : d * DESCRIPTION_FACTOR;
    const bySurname = fromTitle ? tBySurname : inDesc ? lastBySurname : false;
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
    const t = termEvidence(term, tStamp, gen);
    const evidence = Math.max(t, inDesc ? termEvidence(term, dStamp, gen) * DESCRIPTION_FACTOR : 0);
    if (!evidence) continue;
    miss *= 1 - term.power * evidence;
    // Whole terms count 1; half of a multi-word term ("barrier" of "flood barrier") counts ½.
    terms += evidence >= DESCRIPTION_FACTOR ? 1 : evidence >= 0.4 ? 0.5 : 0;
    if (evidence >= 0.5 && !shared.some((s) => s.toLowerCase() === term.display.toLowerCase())) shared.push(term.display);
  }
  const titleSize = inTitle.keys.length;
  const titleSim = titleSize && profile.titleStems.size ? inTitle.titleCommon / Math.sqrt(titleSize * profile.titleStems.size) : 0;
  miss *= 1 - TITLE_POWER * titleSim;
  let numbers = 0;
  for (const key of profile.numbers) if (inTitle.numbers.includes(key) || inDesc?.numbers.includes(key)) numbers++;
  miss *= (1 - NUMBER_POWER) ** Math.min(numbers, 2);
  return {
    content: 1 - miss,
    strongNames,
    names,
    places,
    terms,
    title: titleSim,
    numbers,
    shared,
    titleStems: inTitle.stems,
    titleKeys: inTitle.keys,
    titleNumbers: inTitle.numbers,
  };
}

/** Headline overlap that counts as a piece of evidence on its own. */
const TITLE_EVIDENCE = 0.3;

/**
 * Whether a candidate is about the article's story at all: two independent pieces of
 * evidence, at least one of them specific — a name (see `strongNames`) with a key term,
 * a second name (also by surname: two of the article's people together are rarely namesakes)
 * or a close headline; or a place or surname with two key terms (or one and a close headline, a
 * stated count or a second place). One shared name alone (a namesake, a football club named after
 * the town) is not enough.
 */
export function isRelated(m: CandidateMatch): boolean {
  const closeTitle = m.title >= TITLE_EVIDENCE ? 1 : 0;
  // A shared count or amount is one piece of supporting evidence, never more (counts repeat across stories).
  const number = m.numbers > 0 ? 1 : 0;
  // Two of the article's people or organisations together (also by surname) are rarely namesakes; a surname and the town may be.
  if (m.strongNames >= 1 && m.terms + Math.max(m.strongNames - 1, m.names >= 2 ? 1 : 0) + closeTitle + number >= 1) return true;
  // Two of the article's places together are a second piece of evidence (the region and its town, the country and the city).
  return (m.places >= 1 || m.strongNames >= 0.5) && m.terms + closeTitle + number + (m.places >= 2 ? 1 : 0) >= 2;
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

