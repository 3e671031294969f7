/**
 * Named-entity recognition without a model: capitalised token runs become candidates, cue words
 * around them (honorifics, titles, verbs of speech, prepositions of place, organisation words,
 * appositions) and small gazetteers give evidence for a type, and name variants are merged into
 * one entity ("Kim Jong Un" / "Kim Jong-un" / "Kim", "Erdoğan" / "Erdogan").
 *
 * All rules are generic: no name from the test fixtures is hard-coded; the only lists of names are
 * the gazetteers of countries, capitals, major cities, regions and international bodies.
 *
 * German capitalises every noun, so there a single capitalised word needs positive evidence
 * (gazetteer, title, honorific, verb of speech, place-name ending after a preposition) before it
 * counts; elsewhere a single word mentioned twice is kept as type "other".
 */
import { lookUpGazetteer, uncasedGazetteerNames, type GazetteerEntry } from './gazetteer';
import {
  ARTICLES,
  CONJUNCTIONS,
  HONORIFICS,
  LOWERCASE_ORG_HEADS,
  NAME_CONNECTORS,
  NAME_POSSESSIVES,
  NON_ENTITY_ACRONYMS,
  NON_ENTITY_WORDS,
  ORG_NOUNS,
  ORG_SUFFIXES_DE,
  ORG_HEADS_ROMANCE,
  ORG_WORDS,
  PERSON_NOUNS,
  PLACE_NOUNS,
  PLACE_OFFICE_NOUNS,
  PLACE_PART_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_SUFFIXES,
  PLACE_WORDS,
  PREPOSITIONAL_NOUNS_DE,
  SPEECH_VERBS,
  STOP_WORDS,
  STREET_SUFFIXES_DE,
  STREET_WORDS,
  SUPPORTED_LANGUAGES,
  TITLES,
  TITLE_SUFFIXES_DE,
  type SupportedLanguage,
} from './lexicon';
import { foldName, type Sentence, type Token } from './text';
import type { Entity, EntityType } from './types';

type Typed = Exclude<EntityType, 'other'>;
type Evidence = Record<Typed, number>;

/** One occurrence of a candidate name. */
interface Mention {
  surface: string;
  /** Folded tokens of the surface (diacritics, case and hyphens removed). */
  keys: string[];
  evidence: Evidence;
  gazetteer?: GazetteerEntry;
  /** Sentence-initial single word or title-case headline: only counts if it matches a known entity. */
  isWeak: boolean;
  sentence: number;
  /** Index of a mention coordinated with this one ("X and Y"), if any. */
  partner?: number;
}

interface Cluster {
  mentions: Mention[];
  keys: Set<string>;
  tokenKeys: Set<string>;
  /** Running sum of the mentions' evidence (kept up to date so typing a cluster is O(1)). */
  evidence: Evidence;
  gazetteer?: GazetteerEntry;
}

const newCluster = (): Cluster => ({ mentions: [], keys: new Set(), tokenKeys: new Set(), evidence: zero() });

function addMention(c: Cluster, m: Mention): void {
  c.mentions.push(m);
  c.evidence.person += m.evidence.person;
  c.evidence.place += m.evidence.place;
  c.evidence.organization += m.evidence.organization;
  c.gazetteer ??= m.gazetteer;
}

const ALL_STOP = new Set(SUPPORTED_LANGUAGES.flatMap((l) => [...STOP_WORDS[l]]));
const ALL_PLACE_PREPS = new Set(SUPPORTED_LANGUAGES.flatMap((l) => [...PLACE_PREPOSITIONS[l]]));
const OPENERS = /[“"«„‘'¿¡([:—–]\s*$/u;
const NOUN_SUFFIX_DE = /(?:ung|ungen|heit|keit|schaft|tion|tät|ismus|nis|tum|ment|chen|lein|ität)$/u;
/** Capitalised adjective inside a German name ("Deutsche Bahn", "Technischen Hilfswerk", "Steinerne Brücke"). */
const ADJECTIVE_DE = /(?:isch|lich|ig|sch|ern|al|iv)(?:e|en|er|es|em)$|^(?:neu|alt|rot|grün|frei|groß|vereinigt|vereint)(?:e|en|er|es|em)$/u;
const ADJECTIVE_ROMANCE =
  /(?:ale|ales|aux|al|aine|aines|ain|éenne|éen|ique|iques|ienne|ien|aise|ais|ies|ico|ica|icos|icas|ano|ana|ivo|iva|ista|eral|ral)$/u;
/** Lowercase words that continue a Romance organisation name after a connector or as an adjective. */
const ADJECTIVE_ROMANCE_ORG = /(?:el|elle|els|elles|aire|aires|if|ive|ifs|ives|al|ale|ales|aux|ique|iques|ico|ica|icos|icas|ario|aria|ivo|iva|eño|eña|ier|ière)$/u;
/** Connectors inside a lowercase Romance organisation name ("des vins de", "de la maîtrise de"). */
const ORG_CONNECTORS_ROMANCE = new Set(['de', 'des', 'du', 'del', 'pour', 'para', 'sur', 'sobre']);
/**
 * Longest lowercase-continued organisation name, in words ("d'" counts as one). The context service
 * looks names up on Wikipedia and must never send six consecutive words of the article.
 */
const MAX_ORG_WORDS = 5;
const ARTICLES_ROMANCE = new Set(['la', 'le', 'les', 'el', 'los', 'las']);
/** Last words of a byline's job title. */
const JOB_HEADS = new Set(['reporter', 'correspondent', 'editor', 'columnist', 'photographer', 'writer', 'redakteur', 'redakteurin', 'korrespondent', 'korrespondentin', 'rédacteur', 'rédactrice', 'correspondant', 'correspondante', 'redactor', 'redactora', 'corresponsal']);
const COMPASS = /^(?:nord|sud|süd|ost|west|ober|nieder|north|south|east|west|upper|lower)/u;
const ROMANCE = new Set(['fr', 'es', 'it', 'pt']);
/** Connector sequences allowed inside an organisation name after its head word ("Bank of England"). */
const ORG_CONNECTORS = new Set(
  ["of", "of the", "for", "for the", "de", "de la", "de los", "de las", "del", "des", "du", "d'", "de d'", "der", "für",
   "para", "para la", "para el", "pour", "pour la", "pour le", "on", "de l'", "of the d'"].map((c) => c.trim()),
);
/** Connector sequences allowed inside a place name after its head word ("Parque de los Deseos"). */
const PLACE_CONNECTORS = new Set(['of', 'of the', 'de', 'de la', 'de los', 'de las', 'del', 'des', 'du', "d'"]);
/** Particles inside personal names ("Ursula von der Leyen", "Luis de Guindos"). */
const NAME_PARTICLES = new Set(['von', 'von der', 'van', 'van der', 'van den', 'de', 'de la', 'de los', 'del', 'della',
  'da', 'di', 'dos', 'du', 'bin', 'ibn', 'al', 'el', 'zu', 'ter', 'ten']);
/** English place words come first ("River Wend") or last ("Quay Street"); elsewhere position is free. */
const PLACE_WORDS_FIRST_EN = new Set(['mount', 'cape', 'isle', 'gulf', 'port', 'fort']);
const PLACE_WORDS_ANYWHERE_EN = new Set(['river', 'lake', 'bay', 'island', 'sea']);
const NUMBER_WORDS = /^(?:\p{N}[\p{N}.,]*|hundred|hundreds|thousand|thousands|million|millions|dozens|hunderte|tausende|millionen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|dos|tres|cuatro|cinco)$/u;
/** German contractions of preposition and article ("am Morgen", "im Landtag"). */
const CONTRACTIONS_DE = new Set(['am', 'im', 'vom', 'zum', 'zur', 'beim', 'ins', 'ans', 'aufs']);

const zero = (): Evidence => ({ person: 0, place: 0, organization: 0 });
const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');
const isCapitalised = (s: string) => /^\p{Lu}/u.test(s) || /^(?:al|el|bin|ibn|ben)-\p{Lu}/u.test(s);
const isAcronym = (s: string) => /^\p{Lu}[\p{Lu}\p{N}&.]{1,6}$/u.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const isAllCaps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
const nameKey = (s: string) => foldName(s).replace(/['’]/g, '').replace(/[-‐‑]/g, ' ');
const splitKeys = (s: string) => nameKey(s).split(/\s+/).filter(Boolean);

/** "Helios-Gruppe", "Wagner-Stiftung": a name joined to an organisation word is a name. */
const isHyphenatedOrg = (token: string) => /^\p{Lu}[\p{L}\p{M}]+-\p{Lu}/u.test(token) && ORG_WORDS.has(lower(token.split('-').pop()!));

function isOrgWord(token: string, lang: string): boolean {
  const l = lower(token);
  if (ORG_WORDS.has(l) || isHyphenatedOrg(token)) return true;
  return lang === 'de' && ORG_SUFFIXES_DE.some((s) => l.length > s.length + 2 && l.endsWith(s));
}

/** A lowercase place noun, also in the plural ("counties", "provinces", "Städte" is listed). */
function isPlaceNoun(word: string): boolean {
  return PLACE_NOUNS.has(word) || PLACE_NOUNS.has(word.replace(/ies$/u, 'y')) || PLACE_NOUNS.has(word.replace(/e?s$/u, ''));
}

function isTitle(token: string, lang: string): boolean {
  const l = lower(token);
  if (HONORIFICS.has(l) || TITLES.has(l)) return true;
  if (lang !== 'de') return false;
  const last = l.split('-').pop() ?? l;
  return TITLE_SUFFIXES_DE.some((s) => last.endsWith(s));
}

/** Levenshtein distance, for transliteration variants of given names ("Sergei" / "Sergey"). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A run of tokens (indices into the sentence) that may be a name. */
interface Run {
  from: number;
  to: number; // inclusive
}

/** Options for {@link extractEntities}. */
export interface EntityOptions {
  /** Analysis language (primary tag). */
  lang: string;
  /** The headline is Title Case: its capitals say nothing, so it only confirms known names. */
  isTitleCase?: boolean;
  /** Indices of sentences that are the headline (counted for salience). */
  titleSentences?: number;
}

class Extractor {
  readonly mentions: Mention[] = [];
  private readonly lowerVocab = new Set<string>();
  private readonly articleBefore = new Map<string, number>();
  private readonly capitalCount = new Map<string, number>();

  constructor(
    private readonly sentences: Sentence[],
    private readonly lang: string,
    private readonly isTitleCase: boolean,
    private readonly titleSentences: number,
  ) {
    for (const s of sentences) {
      s.tokens.forEach((t, i) => {
        if (/^\p{Ll}/u.test(t.text)) this.lowerVocab.add(t.text);
        const prev = s.tokens[i - 1];
        if (isCapitalised(t.text)) this.capitalCount.set(t.text, (this.capitalCount.get(t.text) ?? 0) + 1);
        const p = prev?.text.toLowerCase() ?? '';
        if (prev && (ARTICLES.has(p) || CONTRACTIONS_DE.has(p) || NUMBER_WORDS.test(p)) && isCapitalised(t.text)) {
          this.articleBefore.set(t.text, (this.articleBefore.get(t.text) ?? 0) + 1);
        }
      });
    }
  }

  private get isSupported(): boolean {
    return (SUPPORTED_LANGUAGES as readonly string[]).includes(this.lang);
  }

  run(): void {
    this.sentences.forEach((sentence, index) => {
      const tokens = sentence.tokens;
      const capitalWords = tokens.filter((t) => /\p{L}/u.test(t.text) && isAllCaps(t.text) && t.text.length > 1);
      const isShouting = tokens.length >= 4 && capitalWords.length / tokens.length > 0.5;
      const isWeakSentence = isShouting || (index < this.titleSentences && this.isTitleCase);
      let previous: { run: Run; mention: number } | null = null;
      for (const run of this.findRuns(tokens)) {
        const before = this.mentions.length;
        this.addRun(tokens, run, index, isWeakSentence);
        // Coordination: "Cameroon and Chad", "Sevilla y Córdoba" share their type evidence.
        if (previous && this.mentions.length > before) {
          const between = tokens.slice(previous.run.to + 1, run.from);
          if (between.length === 1 && CONJUNCTIONS.has(between[0]!.text.toLowerCase())) {
            this.mentions[before]!.partner = previous.mention;
            this.mentions[previous.mention]!.partner = before;
          }
        }
        if (this.mentions.length > before) previous = { run, mention: this.mentions.length - 1 };
      }
    });
  }

  /** Maximal runs of capitalised tokens, joined across name connectors where the rules allow. */
  private findRuns(tokens: Token[]): Run[] {
    const segments: Run[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isCapitalised(t.text)) continue;
      let j = i;
      for (;;) {
        while (j + 1 < tokens.length && this.continuesRun(tokens[j]!, tokens[j + 1]!)) j++;
        // A suspended compound joins its partner: "Industrie- und Handelskammer Trier".
        const conj = tokens[j + 1];
        const after = tokens[j + 2];
        if (!conj || !after || !/^[-‐‑]\s+$/u.test(conj.gap) || !CONJUNCTIONS.has(conj.text) || !isOrgWord(after.text, this.lang) || !/^\s+$/u.test(after.gap)) break;
        j += 2;
      }
      segments.push({ from: i, to: j });
      i = j;
    }
    // Join segments separated by connectors ("Bank of England", "Côte d'Ivoire", "von der Leyen").
    const runs: Run[] = [];
    for (const seg of segments) {
      const last = runs[runs.length - 1];
      // Already inside a lowercase-continued organisation name ("… des vins de Bourgogne").
      if (last && seg.from <= last.to) {
        last.to = Math.max(last.to, seg.to);
        continue;
      }
      // A lowercase-continued name ("Bureau interprofessionnel des vins") joins nothing past MAX_ORG_WORDS.
      const isLongLowercase = (r: Run) =>
        /^\p{Ll}/u.test(tokens[r.to]!.text) && (sliceText(tokens, r.from, seg.to).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > MAX_ORG_WORDS;
      if (last && this.joins(tokens, last, seg) && !isLongLowercase(last)) last.to = seg.to;
      else runs.push({ ...seg });
      // Romance organisations: "Assemblée nationale", "Union africaine", "Gobierno central".
      const cur = runs[runs.length - 1]!;
      const next = tokens[cur.to + 1];
      const head = tokens[cur.from]!;
      if (
        ROMANCE.has(this.lang) &&
        next &&
        /^\s+$/u.test(next.gap) &&
        /^\p{Ll}/u.test(next.text) &&
        ADJECTIVE_ROMANCE.test(next.text) &&
        (isOrgWord(head.text, this.lang) || isOrgWord(tokens[cur.to]!.text, this.lang))
      ) {
        cur.to += 1;
      }
      // The head may follow a capitalised sentence-initial article ("El Instituto de estudios fiscales").
      const orgHead = ARTICLES_ROMANCE.has(head.text.toLowerCase()) && cur.to > cur.from ? tokens[cur.from + 1]! : head;
      if (ROMANCE.has(this.lang) && ORG_HEADS_ROMANCE.has(orgHead.text.toLowerCase())) cur.to = this.lowercaseOrgEnd(tokens, cur.from, cur.to);
    }
    if (ROMANCE.has(this.lang)) for (const run of runs) run.from = this.lowercaseHeadStart(tokens, run.from);
    return runs;
  }

  /**
   * French and Spanish write street types and some institution heads in lowercase before the name
   * ("rue de la Gare", "calle Mayor", "ministère de l'Économie", "conseil départemental des Vosges"):
   * returns the index where the name starts, the head included.
   */
  private lowercaseHeadStart(tokens: Token[], from: number): number {
    let i = from - 1;
    let gap = tokens[from]!.gap;
    let hasConnector = /[dl]['’]\s*$/u.test(gap);
    if (!/^\s+$|^\s*[dl]['’]$/u.test(gap)) return from;
    while (i >= 0 && (ARTICLES_ROMANCE.has(tokens[i]!.text) || ORG_CONNECTORS_ROMANCE.has(tokens[i]!.text)) && /^\s+$|^\s*[dl]['’]$/u.test(tokens[i + 1]!.gap)) {
      hasConnector = true;
      gap = tokens[i]!.gap;
      i--;
    }
    if (i < 0 || !/^\s+$|^\s*[dl]['’]$|^$/u.test(gap)) return from;
    // One adjective may sit between an institution head and "de" ("conseil départemental des").
    const adjective = hasConnector && i > 0 && ADJECTIVE_ROMANCE_ORG.test(tokens[i]!.text) && /^\p{Ll}/u.test(tokens[i]!.text) ? i-- : -1;
    const head = tokens[i];
    if (!head || !/^\p{Ll}/u.test(head.text)) return from;
    if (STREET_WORDS.has(head.text) && adjective < 0) return i;
    if (LOWERCASE_ORG_HEADS.has(head.text) && hasConnector) return i;
    return from;
  }

  /**
   * French and Spanish write most of an organisation's name in lowercase after its head word
   * ("Institut d'études de sécurité", "Bureau interprofessionnel des vins de Bourgogne"). From the
   * end of a run whose head is such a word, follows connectors ("de", "des", "de la", "et de") each
   * followed by a noun, and adjectives; returns the index of the last word that belongs to the name.
   * At most {@link MAX_ORG_WORDS} words (else none is added): names go to Wikipedia, and a longer one
   * would quote the article.
   */
  private lowercaseOrgEnd(tokens: Token[], from: number, end: number): number {
    let last = end;
    let isAfterConnector = false;
    // Too long to send anywhere: rather no lowercase part than a truncated name.
    const isTooLong = (j: number) => (sliceText(tokens, from, j).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > MAX_ORG_WORDS;
    for (let j = end + 1; j < tokens.length && j - end <= 10; j++) {
      const t = tokens[j]!;
      const word = t.text.toLowerCase();
      const isContent = isCapitalised(t.text) || (/^\p{Ll}/u.test(t.text) && t.text.length >= 3 && !ALL_STOP.has(word));
      if (/^\s*[dl]['’]$/u.test(t.gap)) {
        // Elided connector or article: "d'études", "de l'environnement".
        if (!isContent) break;
        if (isTooLong(j)) return end;
        last = j;
        isAfterConnector = false;
      } else if (!/^\s+$/u.test(t.gap)) {
        break;
      } else if (isAfterConnector) {
        if (ARTICLES_ROMANCE.has(word)) continue;
        if (!isContent) break;
        if (isTooLong(j)) return end;
        last = j;
        isAfterConnector = false;
      } else if (ORG_CONNECTORS_ROMANCE.has(word)) {
        isAfterConnector = true;
      } else if ((word === 'et' || word === 'y') && ORG_CONNECTORS_ROMANCE.has(tokens[j + 1]?.text.toLowerCase() ?? '')) {
        continue; // "et de la maîtrise": the next connector follows
      } else if (/^\p{Ll}/u.test(t.text) && ADJECTIVE_ROMANCE_ORG.test(word) && !ALL_STOP.has(word)) {
        if (isTooLong(j)) return end;
        last = j;
      } else {
        break;
      }
    }
    return last;
  }

  private continuesRun(prev: Token, next: Token): boolean {
    if (!isCapitalised(next.text)) return false;
    if (prev.isPossessive && !NAME_POSSESSIVES.has(prev.text.toLowerCase())) return false;
    if (/^\s+$/u.test(next.gap)) return true;
    if (/^\s*&\s*$/u.test(next.gap)) return true;
    // Plural possessive inside a name: "European Shippers' Council".
    if (/^['’]\s+$/u.test(next.gap) && /s$/u.test(prev.text)) return true;
    // "Mr. Smith", "M. Dupont", "J. R. Tolkien": a full stop after an honorific or an initial.
    return /^\.\s+$/u.test(next.gap) && (HONORIFICS.has(lower(prev.text)) || /^\p{Lu}$/u.test(prev.text));
  }

  private joins(tokens: Token[], left: Run, right: Run): boolean {
    const between = tokens.slice(left.to + 1, right.from);
    const rightFirst = tokens[right.from]!;
    const elided = /[dl]['’]\s*$/iu.test(rightFirst.gap);
    if (between.length > 3 || (between.length === 0 && !elided)) return false;
    // "the Joint Chiefs of Staff on Friday": a weekday or month never continues a name.
    if (NON_ENTITY_WORDS.has(rightFirst.text.toLowerCase())) return false;
    if (!between.every((t) => NAME_CONNECTORS.has(t.text.toLowerCase()) && /^\s+$/u.test(t.gap))) return false;
    if (between.length > 0 && !/^\s+$|[dl]['’]\s*$/iu.test(rightFirst.gap)) return false;
    if (tokens[left.to]!.isPossessive) return false;
    const leftTokens = tokens.slice(left.from, left.to + 1).map((t) => t.text);
    const rightTokens = tokens.slice(right.from, right.to + 1).map((t) => t.text);
    const surface = (from: number, to: number) => tokens.slice(from, to + 1).map((t) => t.text).join(' ');
    if (lookUpGazetteer(surface(left.from, right.to)) && !lookUpGazetteer(surface(left.from, left.to))) return true;
    if (lookUpGazetteer(sliceText(tokens, left.from, right.to))) return true;
    const isConjunction = between.some((t) => CONJUNCTIONS.has(t.text.toLowerCase()));
    if (isConjunction) {
      return between.length === 1 && isOrgWord(rightTokens[rightTokens.length - 1]!, this.lang) && !lookUpGazetteer(rightTokens.join(' '));
    }
    const connector = between.map((t) => t.text.toLowerCase()).join(' ') + (elided ? " d'" : '');
    if (leftTokens.some((t) => isOrgWord(t, this.lang)) && ORG_CONNECTORS.has(connector.trim())) return true;
    if (leftTokens.some((t) => PLACE_WORDS.has(lower(t))) && PLACE_CONNECTORS.has(connector.trim())) return true;
    const isParticle = NAME_PARTICLES.has(connector);
    return (
      isParticle &&
      leftTokens.length <= 2 &&
      rightTokens.length === 1 &&
      !leftTokens.some((t) => lookUpGazetteer(t) || isTitle(t, this.lang)) &&
      !lookUpGazetteer(rightTokens[0]!)
    );
  }

  private isSentenceStart(tokens: Token[], i: number): boolean {
    return i === 0 || OPENERS.test(tokens[i]!.gap);
  }

  /** Turns a run into zero or more mentions, with their evidence. */
  private addRun(tokens: Token[], run: Run, sentence: number, isWeakSentence: boolean): void {
    let { from } = run;
    const { to } = run;
    // German nouns pair up with a street after it ("an der Innpromenade Sandsäcke"): the street stands alone.
    const streetAt = tokens.slice(from, to).findIndex((t) => this.isGermanStreet(t.text));
    if (this.lang === 'de' && streetAt >= 0) {
      const at = from + streetAt;
      if (at > from) this.addRun(tokens, { from, to: at - 1 }, sentence, isWeakSentence);
      this.addRun(tokens, { from: at, to: at }, sentence, isWeakSentence);
      this.addRun(tokens, { from: at + 1, to }, sentence, isWeakSentence);
      return;
    }
    // A lowercase head ("rue", "université") never starts a sentence here; it only follows an elided article.
    let isInitial = this.isSentenceStart(tokens, from) && isCapitalised(tokens[from]!.text);
    // Drop sentence-initial function words ("The", "Die", "À") and non-entities ("Monday").
    // Mid-sentence a capitalised article belongs to the name ("The Hague", "Le Havre", "Los Angeles").
    while (from <= to) {
      const l = tokens[from]!.text.toLowerCase();
      const isFunctionWord = (isInitial || !ARTICLES.has(l)) && ALL_STOP.has(l);
      if (!(isFunctionWord || NON_ENTITY_WORDS.has(l)) || (isAcronym(tokens[from]!.text) && from === to)) break;
      from++;
      isInitial = false;
    }
    if (from > to) return;
    // German party or organisation compounds: "FDP-Politikerin", "SPD-Fraktion" name the organisation.
    for (let i = from; i <= to; i++) {
      const m = /^(\p{Lu}[\p{Lu}\p{N}]{1,5})-(\p{L}+)$/u.exec(tokens[i]!.text);
      if (m && (isTitle(m[2]!, this.lang) || /(?:politiker|politikerin|mitglied|mitglieder|fraktion|chef|chefin|spitze)$/u.test(m[2]!.toLowerCase()))) {
        this.push({ surface: m[1]!, evidence: { ...zero(), organization: 3 }, isWeak: isWeakSentence, sentence });
      }
    }
    // "-based" compounds: "Austin-based Lumetric" names a place.
    for (let i = from; i <= to; i++) {
      const m = /^(\p{Lu}[\p{L}\p{M}]+)-based$/u.exec(tokens[i]!.text);
      if (m) {
        this.push({ surface: m[1]!, evidence: { ...zero(), place: 2 }, isWeak: isWeakSentence, sentence });
        if (i === from) from++;
      }
    }
    if (from > to) return;
    // The first half of a suspended compound ("ICE- und Intercity-Verbindungen") modifies a noun; it names nothing.
    if (/^[-‐‑]/u.test(tokens[to + 1]?.gap ?? '')) return;
    const evidence = zero();
    // Titles and honorifics ("Prime Minister", "Mrs", "Bundesverkehrsminister", "Sra."): strip, note a person.
    let titleEnd = -1;
    for (let i = from; i < to; i++) if (isTitle(tokens[i]!.text, this.lang)) titleEnd = i;
    if (titleEnd >= 0) {
      const rest = tokens.slice(titleEnd + 1, to + 1);
      if (!rest.some((t) => isOrgWord(t.text, this.lang))) {
        for (const t of tokens.slice(from, titleEnd + 1)) {
          const place = this.gazetteerPlace(t.text);
          if (place) this.push({ surface: t.text, evidence: zero(), gazetteer: place, isWeak: false, sentence });
        }
        const isHonorific = tokens.slice(from, titleEnd + 1).some((t) => HONORIFICS.has(lower(t.text)));
        evidence.person += isHonorific ? 4 : 3;
        from = titleEnd + 1;
        isInitial = false;
      }
    }
    // German place heads: "Stadt Passau", "Landkreis Rottal-Inn".
    if (this.lang === 'de' && from < to && PLACE_NOUNS.has(tokens[from]!.text.toLowerCase())) {
      evidence.place += 3;
      from++;
      isInitial = false;
    }
    // German descriptive noun before a name: "Fahrgastverband Pro Bahn", "Konzern Siemens".
    const descriptor = tokens[from]!.text;
    const isCompoundOrg = isOrgWord(descriptor, this.lang) && !ORG_WORDS.has(descriptor.toLowerCase());
    // Not when the rest names a place: "Landesbetrieb Mobilität Rheinland-Pfalz", "Verkehrsverbund Region Trier".
    const restNamesPlace = tokens.slice(from + 1, to + 1).some((t) => this.gazetteerPlace(t.text) || PLACE_NOUNS.has(t.text.toLowerCase()));
    // "Stadtwerke Lindenau", "Kreissparkasse Wetterau": a municipal body followed by its town.
    const isMunicipal = this.lang === 'de' && isCompoundOrg && /^(?:stadt|kreis|gemeinde|landes)/u.test(descriptor.toLowerCase());
    if (isMunicipal && from === to - 1 && isCapitalised(tokens[to]!.text)) {
      this.push({ surface: tokens[to]!.text, evidence: { ...zero(), place: 2 }, isWeak: false, sentence });
      this.push({ surface: sliceText(tokens, from, to), evidence: { ...zero(), organization: 4 }, isWeak: false, sentence });
      return;
    }
    if (this.lang === 'de' && from < to && isCompoundOrg && isCapitalised(tokens[from + 1]!.text) && !restNamesPlace) {
      evidence.organization += 3;
      from++;
      isInitial = false;
    }
    // German apposition of a role noun: "die Ärztin Katrin Wolf", "der Landwirt Hans Meier".
    const beforeRun = tokens[from - 1]?.text.toLowerCase() ?? '';
    if (
      this.lang === 'de' && to - from >= 2 && ARTICLES.has(beforeRun) && evidence.person === 0 &&
      /^\s+$/u.test(tokens[from + 1]!.gap) && isCapitalised(tokens[from + 1]!.text) &&
      !tokens.slice(from, to + 1).some((t) => isOrgWord(t.text, this.lang)) &&
      !/&/u.test(sliceText(tokens, from, to)) && !(isCompoundOrg && restNamesPlace)
    ) {
      evidence.person += 2;
      from++;
      isInitial = false;
    }
    // A sentence-initial run: its first word may be an ordinary capitalised word ("Neighbouring Cameroon").
    if (isInitial && from < to) {
      const first = tokens[from]!.text;
      const restText = sliceText(tokens, from + 1, to);
      if (
        this.lowerVocab.has(first.toLowerCase()) ||
        (this.lang === 'en' && /(?:ing|ed|ly)$/u.test(first)) ||
        (lookUpGazetteer(restText) && !lookUpGazetteer(sliceText(tokens, from, to)))
      ) {
        from++;
        isInitial = false;
      }
    }
    const runTokens = tokens.slice(from, to + 1);
    const texts = runTokens.map((t) => t.text);
    const surface = sliceText(tokens, from, to);
    const single = runTokens.length === 1 ? texts[0]! : null;
    if (single && (NON_ENTITY_WORDS.has(single.toLowerCase()) || NON_ENTITY_ACRONYMS.has(single.toLowerCase()))) return;
    if (single && isTitle(single, this.lang) && evidence.person === 0) return;
    // A job line ("Local Government Reporter", "Chief Political Correspondent") names a role, not an organisation.
    if (JOB_HEADS.has(lower(texts[texts.length - 1]!))) return;

    const gazetteer = lookUpGazetteer(surface) ?? this.compassPlace(single);
    // A street is a place, never a person ("Marsh Lane", "rue de la Paix", "calle Mayor", "Bahnhofstraße").
    const streetWord = lower(ROMANCE.has(this.lang) ? texts[0]! : texts[texts.length - 1]!);
    const isStreet =
      (texts.length > 1 && STREET_WORDS.has(streetWord)) ||
      (!!single && this.isGermanStreet(single));
    const isRomanceOrg = ROMANCE.has(this.lang) && texts.length > 1 &&
      ((ORG_HEADS_ROMANCE.has(texts[0]!.toLowerCase()) && texts.some((t) => /^\p{Ll}/u.test(t) && !ALL_STOP.has(t.toLowerCase()))) ||
        LOWERCASE_ORG_HEADS.has(texts[0]!));
    const hasOrgWord = !isStreet && (isRomanceOrg || texts.some((t) => isOrgWord(t, this.lang)));
    const hasPlaceWord = texts.some((t, i) => {
      const l = lower(t);
      if (!PLACE_WORDS.has(l)) return false;
      if (this.lang !== 'en' || texts.length === 1) return true;
      if (PLACE_WORDS_ANYWHERE_EN.has(l)) return true;
      return PLACE_WORDS_FIRST_EN.has(l) ? i === 0 : i === texts.length - 1;
    });
    // A lone organisation or place word ("Council", "Street", "Gewerkschaft") is a common noun, not a name.
    if (single && !gazetteer && (hasOrgWord || hasPlaceWord) && !isHyphenatedOrg(single)) return;
    if (isStreet) evidence.place += 4;
    else if (hasOrgWord) evidence.organization += 4;
    else if (hasPlaceWord) evidence.place += 3;
    if (texts.some(isAcronym) && !gazetteer) evidence.organization += 3;
    if (/&/u.test(surface)) evidence.organization += 2;

    const prev = tokens[from - 1];
    const prev2 = tokens[from - 2];
    const next = tokens[to + 1];
    const prevWord = prev && /^\s+$/u.test(tokens[from]!.gap) ? prev.text.toLowerCase() : null;
    const afterArticle = prevWord !== null && (ARTICLES.has(prevWord) || (this.lang === 'de' && CONTRACTIONS_DE.has(prevWord)));
    const afterNumber = prevWord !== null && NUMBER_WORDS.test(prevWord);
    const afterPossessive = !!prev?.isPossessive && /^\s+$/u.test(tokens[from]!.gap);
    // "en Alhaurín de la Torre", "in Stanford Cross": a multi-word name after these is no person.
    const afterPlacePrep = prevWord !== null && ['in', 'en', 'nach'].includes(prevWord);

    if (runTokens.length >= 2 && runTokens.length <= 4 && !hasOrgWord && !hasPlaceWord && !gazetteer && !isStreet) {
      // German nouns pair up too ("vier Monate Zeit"): a German name needs its last word repeated elsewhere
      // and none of its words seen after an article or a number.
      const isGermanNoun =
        this.lang === 'de' &&
        (texts.some((t) => NOUN_SUFFIX_DE.test(t) || t.length > 14 || this.articleBefore.has(t)) ||
          (this.capitalCount.get(texts[texts.length - 1]!) ?? 0) < 2);
      // Sentence-initial "Ähnliche Schäden" is an adjective and a noun unless the name recurs.
      const isGermanAdjective = this.lang === 'de' && ADJECTIVE_DE.test(texts[0]!.toLowerCase()) &&
        !(isInitial && (this.capitalCount.get(texts[texts.length - 1]!) ?? 0) < 2);
      if (isGermanAdjective || (this.lang !== 'de' && (afterArticle || afterPossessive))) evidence.organization += 1.5;
      else if (!isGermanNoun && !afterNumber && !afterArticle && !texts.some(isAcronym) && !afterPlacePrep) evidence.person += 1.5;
    }

    // Context before the name.
    if (prevWord !== null) {
      const placeSuffix = PLACE_SUFFIXES[this.lang as SupportedLanguage];
      const germanSingleOk = this.lang !== 'de' || !single || !!gazetteer || !!placeSuffix?.test(single.toLowerCase());
      // "Kassel und Marburg" after "in": the second name shares the preposition.
      const prep3 = tokens[from - 3];
      const isSharedPrep = CONJUNCTIONS.has(prevWord) && !!prev2 && isCapitalised(prev2.text) && /^\s+$/u.test(prev?.gap ?? "") &&
        !!prep3 && /^\s+$/u.test(prev2.gap) && ALL_PLACE_PREPS.has(prep3.text.toLowerCase());
      const prepWord = isSharedPrep ? prep3.text.toLowerCase() : prevWord;
      if (ALL_PLACE_PREPS.has(prepWord) && (germanSingleOk || this.isGermanTownAfter(prepWord, single!))) {
        const weak = prepWord === 'at' || prepWord === 'to' || prepWord === 'from';
        if (!(prepWord === 'to' && prev2?.text.toLowerCase() === 'according')) evidence.place += weak ? 0.75 : 1.5;
      }
      if (PERSON_NOUNS.has(prevWord)) evidence.person += 2;
      if (ORG_NOUNS.has(prevWord)) evidence.organization += 2;
      if (isPlaceNoun(prevWord)) evidence.place += 2.5;
      if (SPEECH_VERBS.has(prevWord)) evidence.person += 1;
      const ofWords = ['of', 'de', 'del', 'du', 'des', 'd', 'von'];
      const isOf = ofWords.includes(prevWord) || /[dl]['’]\s*$/u.test(tokens[from]!.gap);
      const isOfArticle = ARTICLES.has(prevWord) && ofWords.includes(prev2?.text.toLowerCase() ?? '');
      if (isOf || isOfArticle) {
        // "villages of Millbrook", "barrio de San Basilio", "maire de Caluire-et-Cuire", "gare de la Part-Dieu".
        const back = isOfArticle ? 1 : 0;
        // German capitalises the head ("Bürgermeister von Kassel").
        const isHead = (t: Token | undefined) =>
          !!t && !ARTICLES.has(t.text) && (/^\p{Ll}/u.test(t.text) || (this.lang === 'de' && PLACE_OFFICE_NOUNS.has(t.text.toLowerCase())));
        const head = [tokens[from - 2 - back], tokens[from - 3 - back]].find(isHead);
        const headWord = head?.text.toLowerCase();
        if (headWord && (isPlaceNoun(headWord) || PLACE_PART_NOUNS.has(headWord))) evidence.place += 2.5;
        else if (headWord && PLACE_OFFICE_NOUNS.has(headWord)) evidence.place += 2;
      }
      if (ARTICLES.has(prevWord) && prev2 && ALL_PLACE_PREPS.has(prev2.text.toLowerCase()) && prevWord === 'the') {
        evidence.place += 0.75;
      }
    } else if (prev && /,\s*$/u.test(tokens[from]!.gap) && PERSON_NOUNS.has(prev.text.toLowerCase())) {
      // "the council leader, Margaret Ellison, said".
      evidence.person += 2;
    } else if (prev && /^\s*,\s*$/u.test(tokens[from]!.gap) && this.isAfterRolePhrase(tokens, from) && runTokens.length >= 2 &&
      runTokens.length <= 3 && !hasOrgWord && !gazetteer && /^\s*,/u.test(next?.gap ?? '')) {
      // "Der Oberbürgermeister von Trier, Markus Theisen, sprach": a role phrase, then the name between commas.
      evidence.person += 2;
    }
    // Context after the name.
    if (next) {
      const nextWord = next.text.toLowerCase();
      const next2 = tokens[to + 2]?.text.toLowerCase();
      if (/^\s+$/u.test(next.gap)) {
        if (SPEECH_VERBS.has(nextWord) || ((nextWord === 'a' || nextWord === 'has' || nextWord === 'hat') && next2 && SPEECH_VERBS.has(next2))) {
          evidence.person += 1;
        }
        if (isPlaceNoun(nextWord)) evidence.place += 1.5;
      } else if (/^\s*,\s*$/u.test(next.gap)) {
        // Apposition: "Maiduguri, the Borno state capital", "Corvane Systems, the cloud software company".
        const appos = tokens.slice(to + 1, to + 6);
        const firstWord = appos[0]?.text.toLowerCase() ?? '';
        if (['a', 'an', 'the', 'un', 'une', 'le', 'la', 'el', 'der', 'die', 'das', 'ein', 'eine'].includes(firstWord)) {
          for (const t of appos.slice(1)) {
            if (!/^\s+$/u.test(t.gap)) break;
            const w = t.text.toLowerCase();
            if (PERSON_NOUNS.has(w)) { evidence.person += 1.5; break; }
            if (ORG_NOUNS.has(w)) { evidence.organization += 1.5; break; }
            if (PLACE_NOUNS.has(w)) { evidence.place += 1.5; break; }
          }
        }
      }
    }
    if (single && !gazetteer) {
      const suffix = PLACE_SUFFIXES[this.lang as SupportedLanguage];
      if (suffix?.test(single.toLowerCase())) evidence.place += 0.5;
    }
    // A portfolio, not a person: "la ministra de Transición Ecológica", "consejero de Agricultura".
    const roleBefore = tokens[from - 2]?.text.toLowerCase() ?? '';
    if (prevWord && ['de', 'del', 'of', 'for', 'für', 'des', 'du'].includes(prevWord) && (TITLES.has(roleBefore) || PERSON_NOUNS.has(roleBefore))) {
      evidence.person = 0;
    }
    const total = evidence.person + evidence.place + evidence.organization;
    let isWeak = isWeakSentence || (isInitial && runTokens.length === 1);
    // English modifiers: "Chinese officials", "Turkish lira" (a name followed by a noun is weak on its own).
    const isDemonym = /(?:ian|ean|ese|ish|ic|an|i)$/u.test(single ?? '');
    if (
      this.lang === 'en' && single && (total === 0 || isDemonym) && next && /^\s+$/u.test(next.gap) &&
      /^\p{Ll}/u.test(next.text) && !ALL_STOP.has(next.text.toLowerCase())
    ) {
      isWeak = true;
    }
    // German: a lone capitalised word is a noun unless something says otherwise.
    if (this.lang === 'de' && single && !gazetteer && total < 1 && !isAcronym(single)) isWeak = true;
    if (!this.isSupported && !gazetteer && runTokens.length === 1 && !isAcronym(single ?? '')) isWeak = true;
    this.push({ surface, evidence, gazetteer, isWeak, sentence });
  }

  /**
   * German: whether a capitalised word after "in", "nach" or "aus" is likely a town rather than one of
   * the nouns German capitalises ("in Kassel" but not "in Zukunft", "nach Angaben", "aus Sorge"):
   * never seen after an article or a number, no abstract-noun ending, not a known prepositional noun.
   */
  private isGermanTownAfter(prep: string, word: string): boolean {
    if (this.lang !== 'de' || !word || !['in', 'nach', 'aus', 'bei', 'zwischen'].includes(prep)) return false;
    const l = word.toLowerCase();
    return (
      !this.articleBefore.has(word) && !NOUN_SUFFIX_DE.test(l) && !PREPOSITIONAL_NOUNS_DE.has(l) && word.length <= (word.includes('-') ? 24 : 14) &&
      // Compounds of those nouns too ("nach Polizeiangaben").
      ![...PREPOSITIONAL_NOUNS_DE].some((n) => n.length >= 6 && l.endsWith(n)) &&
      !isAcronym(word) && !isTitle(word, this.lang) && !isOrgWord(word, this.lang) && !ADJECTIVE_DE.test(l)
    );
  }

  /** Whether the words before the comma at `from` are a role phrase: a title within four words ("The mayor of X, …"). */
  private isAfterRolePhrase(tokens: Token[], from: number): boolean {
    for (let i = from - 1; i >= Math.max(0, from - 4); i--) {
      const t = tokens[i]!;
      if (isTitle(t.text, this.lang) || PERSON_NOUNS.has(t.text.toLowerCase())) return true;
      if (i < from - 1 && !/^\s+$/u.test(tokens[i + 1]!.gap)) return false;
    }
    return false;
  }

  /** A German street compound ("Bahnhofstraße", "Innpromenade"), not the bare word ("Straße"). */
  private isGermanStreet(word: string): boolean {
    const l = word.toLowerCase();
    return this.lang === 'de' && STREET_SUFFIXES_DE.test(l) && !STREET_WORDS.has(l) && !/^(?:promenade|ufer)$/u.test(l);
  }

  /** A gazetteer place, also in the German genitive ("Hessens", "Europas"). */
  private gazetteerPlace(text: string): GazetteerEntry | undefined {
    const hit = lookUpGazetteer(text) ?? (this.lang === 'de' && /s$/u.test(text) ? lookUpGazetteer(text.slice(0, -1)) : undefined);
    return hit?.type === 'place' ? hit : undefined;
  }

  /** "Ostbayern", "Nordkorea"-style compounds of a compass word and a gazetteer place. */
  private compassPlace(single: string | null): GazetteerEntry | undefined {
    if (!single) return undefined;
    const folded = single.toLowerCase();
    const m = COMPASS.exec(folded);
    if (!m || folded.length - m[0].length < 4) return undefined;
    const rest = single.slice(m[0].length);
    const hit = lookUpGazetteer(rest);
    return hit?.type === 'place' ? { name: single, type: 'place' } : undefined;
  }

  private push(m: Omit<Mention, 'keys'>): void {
    const surface = m.surface.replace(/['’]s$/u, '').replace(/['’]$/u, '').trim();
    const keys = splitKeys(surface);
    if (keys.length === 0) return;
    this.mentions.push({ ...m, surface, keys });
  }
}

function sliceText(tokens: Token[], from: number, to: number): string {
  // Rebuild the surface from token texts and the gaps between them (keeps "Caldwell & Finch", "d'Ivoire").
  const word = (i: number) => tokens[i]!.text + (tokens[i]!.isPossessive && i < to ? "'s" : '');
  let out = word(from);
  for (let i = from + 1; i <= to; i++) out += tokens[i]!.gap + word(i);
  return out.replace(/\s+/g, ' ');
}

const keyOf = (m: Mention) => m.keys.join(' ');
/** German adjective endings in names vary with case ("Deutsche Bahn" / "Deutschen Bahn"): stem them for merging. */
const stemKey = (m: Mention, lang: string) =>
  lang === 'de' && m.keys.length > 1
    ? m.keys.map((k, i) => (i < m.keys.length - 1 ? k.replace(/(?:en|er|es|em|e)$/u, '') : k)).join(' ')
    : keyOf(m);

const sumEvidence = (c: Cluster): Evidence => c.evidence;

function leaning(c: Cluster): EntityType {
  const gazetteer = c.gazetteer;
  const e = c.evidence;
  if (gazetteer && e.person < 4) return gazetteer.type;
  const best = (Object.entries(e) as Array<[Typed, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] >= 1 ? best[0] : 'other';
}

/** Whether two multi-token person names are the same person ("Sergei Shoigu" / "Sergey Shoigu"). */
function isSamePerson(a: string[], b: string[]): boolean {
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.every((k) => long.includes(k))) return true;
  if (short.length !== long.length) return false;
  return short.slice(0, -1).every((k, i) => {
    const other = long[i]!;
    return k === other || (k.length === 1 && other.startsWith(k)) || (other.length === 1 && k.startsWith(other)) ||
      (Math.min(k.length, other.length) >= 4 && editDistance(k, other) <= 2 && k[0] === other[0]);
  });
}

/** Whether `short` is a contiguous part of `long` (organisations: "Security Council" in "United Nations Security Council"). */
function isContiguousPart(short: string[], long: string[]): boolean {
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

function clusterMentions(mentions: Mention[], lang: string): Cluster[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const byToken = new Map<string, Cluster[]>();
  const index = (c: Cluster, m: Mention) => {
    addMention(c, m);
    for (const k of [keyOf(m), stemKey(m, lang), m.keys.join('')]) {
      c.keys.add(k);
      byKey.set(k, c);
    }
    for (const k of m.keys) {
      if (c.tokenKeys.has(k)) continue;
      c.tokenKeys.add(k);
      byToken.set(k, [...(byToken.get(k) ?? []), c]);
    }
  };
  const create = (m: Mention) => {
    const c = newCluster();
    clusters.push(c);
    index(c, m);
    return c;
  };
  // A weak multi-word run (Title Case headline, shouting) only confirms names known from elsewhere.
  const confirmKnownParts = (m: Mention) => {
    for (let i = 0; i < m.keys.length; ) {
      let matched = 0;
      for (let n = Math.min(6, m.keys.length - i); n >= 1 && !matched; n--) {
        const c = byKey.get(m.keys.slice(i, i + n).join(' '));
        if (c && c.mentions.some((x) => !x.isWeak)) {
          addMention(c, { ...m, keys: m.keys.slice(i, i + n), surface: c.mentions.find((x) => !x.isWeak)!.surface });
          matched = n;
        }
      }
      i += matched || 1;
    }
  };
  const find = (m: Mention) => byKey.get(keyOf(m)) ?? byKey.get(stemKey(m, lang)) ?? byKey.get(m.keys.join(''));

  // 1. Multi-word names, longest first, so shorter forms can join them.
  const multi = mentions.filter((m) => m.keys.length > 1 && !m.isWeak).sort((a, b) => b.keys.length - a.keys.length);
  for (const m of multi) {
    const existing = find(m);
    if (existing) { index(existing, m); continue; }
    const lastKey = m.keys[m.keys.length - 1]!;
    const candidates = (byToken.get(lastKey) ?? []).filter((c) => c.mentions[0]!.keys.length > 1);
    const probe = newCluster();
    addMention(probe, m);
    const type = leaning(probe);
    const same = candidates.find((c) => {
      const t = leaning(c);
      if (t === 'person' && type !== 'organization' && type !== 'place') {
        return c.mentions.some((o) => isSamePerson(o.keys, m.keys));
      }
      return t === 'organization' && (type === 'organization' || type === 'other') &&
        c.mentions.some((o) => isContiguousPart(m.keys, o.keys));
    });
    if (same) index(same, m);
    else create(m);
  }
  // 2. Single words (and weak mentions): join a known name, else stand alone when there is evidence.
  const rest = mentions.filter((m) => m.keys.length === 1 || m.isWeak);
  const ordered = [...rest.filter((m) => !m.isWeak), ...rest.filter((m) => m.isWeak)];
  for (const m of ordered) {
    const existing = find(m);
    if (existing) { index(existing, m); continue; }
    if (m.isWeak && m.keys.length > 1) {
      confirmKnownParts(m);
      continue;
    }
    if (m.keys.length === 1) {
      const k = m.keys[0]!;
      let options = byToken.get(k) ?? [];
      // German genitive: "Kellermanns" → "Kellermann".
      if (options.length === 0 && lang === 'de' && k.endsWith('s')) options = byToken.get(k.slice(0, -1)) ?? [];
      if (options.length > 0) {
        const score = (c: Cluster) => {
          const first = c.mentions[0]!.keys;
          const type = leaning(c);
          // Organisations are shortened to their first word ("Corvane" for "Corvane Systems"), never to a
          // modifier like "Chinese" in "Chinese Ministry of National Defense".
          if (type === 'organization' && (first[0] !== k || /(?:ian|ean|ese|ish|ic|an|i)$/u.test(k))) return -1;
          // "in Harwick" is the town, not "Harwick Borough Council".
          if (type === 'organization' && (m.gazetteer || m.evidence.place >= 1)) return -1;
          // "Harwick Chamber of Commerce": a qualifier before a generic "X of Y" name is not the organisation.
          if (type === 'organization' && first.length >= 4 && ['of', 'for', 'de', 'für', 'des', 'du', 'del'].includes(first[2]!)) return -1;
          const isPersonLast = type === 'person' && first[first.length - 1] === k;
          return (isPersonLast ? 1000 : 0) + c.mentions.length;
        };
        const best = [...options].sort((a, b) => score(b) - score(a))[0]!;
        if (score(best) >= 0) {
          index(best, m);
          continue;
        }
      }
    }
    if (!m.isWeak || m.gazetteer) create(m);
  }
  return clusters;
}

/**
 * Finds the people, places and organisations named in the sentences of an article (headline
 * first), merges their variants and returns them most salient first.
 */
export function extractEntities(sentences: Sentence[], options: EntityOptions): Entity[] {
  const { lang } = options;
  const extractor = new Extractor(sentences, lang, options.isTitleCase ?? false, options.titleSentences ?? 0);
  extractor.run();
  const mentions = extractor.mentions;
  if (mentions.length === 0 && /^(?:ja|zh|ko|th)$/.test(lang)) return uncasedEntities(sentences);
  const clusters = clusterMentions(mentions, lang);
  // Coordination: a weakly typed name inherits the type of a strongly typed partner.
  const clusterOf = new Map<Mention, Cluster>();
  for (const c of clusters) for (const m of c.mentions) clusterOf.set(m, c);
  const partnerBonus = new Map<Cluster, Evidence>();
  for (const m of mentions) {
    if (m.partner === undefined) continue;
    const own = clusterOf.get(m);
    const other = clusterOf.get(mentions[m.partner]!);
    if (!own || !other || own === other) continue;
    const t = leaning(other);
    const strength = Math.max(...Object.values(sumEvidence(other)));
    if (t !== 'other' && (strength >= 2 || other.mentions.some((x) => x.gazetteer))) {
      const bonus = partnerBonus.get(own) ?? zero();
      bonus[t] = 2;
      partnerBonus.set(own, bonus);
    }
  }
  const entities: Array<Entity & { score: number }> = [];
  for (const c of clusters) {
    const bonus = partnerBonus.get(c);
    if (bonus) addMention(c, { surface: '', keys: [], evidence: bonus, isWeak: true, sentence: -1 });
    const real = c.mentions.filter((m) => m.surface);
    if (real.every((m) => m.isWeak) && !real.some((m) => m.gazetteer)) continue;
    const type = leaning(c);
    const isMultiWord = real.some((m) => m.keys.length > 1);
    if (type === 'other' && (real.length < 2 || lang === 'de')) continue;
    if (type !== 'other' && !isMultiWord && !real.some((m) => m.gazetteer)) {
      const strength = Math.max(...Object.values(sumEvidence(c)));
      if (strength < 1 && real.length < 2) continue;
    }
    const surfaces = new Map<string, { count: number; first: number; tokens: number }>();
    real.forEach((m, i) => {
      const s = surfaces.get(m.surface) ?? { count: 0, first: i, tokens: m.keys.length };
      s.count++;
      surfaces.set(m.surface, s);
    });
    const ranked = [...surfaces.entries()].sort(
      (a, b) => b[1].tokens - a[1].tokens || b[1].count - a[1].count || a[1].first - b[1].first,
    );
    const name = ranked[0]![0];
    const inTitle = real.some((m) => m.sentence < (options.titleSentences ?? 0));
    const firstSentence = Math.min(...real.map((m) => m.sentence));
    const score = real.length + (inTitle ? 3 : 0) + (firstSentence <= 3 ? 1 : 0) + (type === 'other' ? -2 : 0);
    entities.push({ name, type, mentions: real.length, variants: ranked.slice(1).map(([s]) => s), score });
  }
  entities.sort((a, b) => b.score - a.score || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return entities.map(({ score: _score, ...e }) => e);
}

/** Scripts without letter case (Japanese, Chinese, …): only gazetteer names are reasonably certain. */
function uncasedEntities(sentences: Sentence[]): Entity[] {
  const text = sentences.map((s) => s.text).join('\n');
  const found = new Map<string, Entity>();
  for (const [key, entry] of uncasedGazetteerNames()) {
    let count = 0;
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) count++;
    if (count === 0) continue;
    const e = found.get(entry.name) ?? { name: key, type: entry.type, mentions: 0, variants: [] };
    if (e.name !== key) e.variants.push(key);
    e.mentions += count;
    found.set(entry.name, e);
  }
  return [...found.values()].sort((a, b) => b.mentions - a.mentions);
}
