/** Kinds of named entity Backstory distinguishes. */
export type EntityType = 'person' | 'place' | 'organization' | 'other';

/** A person, place or organisation named in an article, with its name variants merged. */
export interface Entity {
  /** Canonical (longest, most complete) form, e.g. "Kim Jong Un". */
  name: string;
  type: EntityType;
  /** Mentions in title and text, all variants counted. */
  mentions: number;
  /** Other forms seen in the article ("Kim", "Kim Jong-un"), without `name`. */
  variants: string[];
}

/** What the background computes locally from an article. Plain JSON. */
export interface Analysis {
  /** Language used for the analysis (article lang or detected), e.g. "en". */
  lang: string;
  /** Entities, most salient first. */
  entities: Entity[];
  /** Words and phrases that characterise the article, most characteristic first. */
  keyTerms: string[];
  /** Up to three sentences from the article, in article order. */
  summary: string[];
}
