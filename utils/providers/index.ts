/**
 * The one list of news providers reached over HTTP, in the order their results are
 * preferred when the same story comes from several. (The reader's own feeds are parsed by
 * `utils/related/feed-parse.ts` and searched locally, not queried per article.)
 * Wikipedia explains names rather than finding coverage: it has its own list.
 */
import { bingNewsProvider } from './bing-news';
import { gdeltProvider } from './gdelt';
import { googleNewsProvider } from './google-news';
import type { NewsProvider } from './types';
import { wikipediaProvider, type WikipediaProvider } from './wikipedia';

/** All providers, in preference order; look one up by id with {@link getProvider}. */
export const PROVIDERS: readonly NewsProvider[] = [googleNewsProvider, gdeltProvider, bingNewsProvider];

/** Explainer sources (who/what is X): not news searches, so not in {@link PROVIDERS}. */
export const EXPLAINER_PROVIDERS: readonly WikipediaProvider[] = [wikipediaProvider];

/** The provider with this id, or undefined. */
export function getProvider(id: string): NewsProvider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

/** The explainer source with this id, or undefined. */
export function getExplainerProvider(id: string): WikipediaProvider | undefined {
  return EXPLAINER_PROVIDERS.find((p) => p.id === id);
}
