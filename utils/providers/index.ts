/**
 * The one list of news providers reached over HTTP, in the order their results are
 * preferred when the same story comes from several. (The reader's own feeds are parsed by
 * `utils/related/feed-parse.ts` and searched locally, not queried per article.)
 */
import { bingNewsProvider } from './bing-news';
import { gdeltProvider } from './gdelt';
import { googleNewsProvider } from './google-news';
import type { NewsProvider } from './types';

/** All providers, in preference order; look one up by id with {@link getProvider}. */
export const PROVIDERS: readonly NewsProvider[] = [googleNewsProvider, gdeltProvider, bingNewsProvider];

/** The provider with this id, or undefined. */
export function getProvider(id: string): NewsProvider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}
