/** Local article analysis: language, entities, key terms and a three-sentence summary. Pure, no network. */
import type { Article } from '../article/types';
import { extractEntities } from './entities';
import { extractKeyTerms } from './key-terms';
import { detectLanguage } from './language';
import { summarise } from './summary';
import { primaryLanguage, segmentText, tokenize, type Sentence } from './text';
import type { Analysis } from './types';

/** Headlines in Title Case ("Council Approves Flood Barrier") say nothing through their capitals. */
function isTitleCase(title: string, lang: string): boolean {
  if (lang === 'de') return false;
  const words = title.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length > 0.7;
}

/**
 * Analyses an article locally: the language (the article's own, else detected), the people, places
 * and organisations it names, its key terms and a three-sentence extractive summary.
 * Linear in the text length; never throws on empty or unusual input.
 */
export function analyseArticle(article: Pick<Article, 'title' | 'text' | 'lang'>): Analysis {
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim();
  const text = article.text ?? '';
  const declared = primaryLanguage(article.lang);
  const lang = declared && declared !== 'und' ? declared : detectLanguage(`${title}\n\n${text}`);
  const headline: Sentence[] = title ? [{ text: title, tokens: tokenize(title, lang), paragraph: -1 }] : [];
  const body = segmentText(text, lang);
  const entities = extractEntities([...headline, ...body], {
    lang,
    isTitleCase: title ? isTitleCase(title, lang) : false,
    titleSentences: headline.length,
  });
  const keyTerms = extractKeyTerms([...headline, ...body], { lang, entities });
  const summary = summarise(body, { lang, title });
  return { lang, entities, keyTerms, summary };
}
