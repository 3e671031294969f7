/**
 * Language detection for articles whose markup does not say: by script first, then, for Latin
 * script, by counting frequent function words of a handful of languages. Cheap and good enough
 * for news prose of a paragraph or more; returns "und" (BCP 47 "undetermined") when unsure.
 */

/** Frequent, distinctive function words; the language whose words cover most tokens wins. */
const PROFILES: Record<string, string[]> = {
  en: 'the of and to in is that for it was on with as by at from this be are have has said which were'.split(' '),
  de: 'der die und das den nicht ist mit von sich des auf für dem ein eine auch zu im sie wird nach bei sagte'.split(' '),
  fr: 'le la les de des et est une un du que dans pour pas sur qui au avec a été sont il elle ont déclaré'.split(' '),
  es: 'el la los las de del y en que es por un una para con se su al como más fue dijo'.split(' '),
  it: 'il lo gli della di che è per non con una sono del nel alla anche ha dei questo'.split(' '),
  pt: 'o os as de do da dos das que em para com não uma um é foi pelo pela ao também'.split(' '),
  nl: 'de het een van en is dat op te zijn niet met voor ook door aan bij werd heeft'.split(' '),
};

const SCRIPTS: Array<[RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

/** Sample size: enough for a stable vote, small enough to keep detection cheap on very long texts. */
const SAMPLE_CHARS = 5000;

/**
 * Guesses the language of a text: a script-based guess for non-Latin scripts (ja, ko, zh, ru, el,
 * ar, he, th, hi), a function-word vote for Latin (en, de, fr, es, it, pt, nl), else "und".
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'und';
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters < 0.5) {
    // Japanese mixes Han with kana: test kana before Han. Count only the dominant non-Latin script.
    let best: [string, number] = ['und', 0];
    for (const [pattern, lang] of SCRIPTS) {
      const count = sample.match(new RegExp(pattern.source, 'gu'))?.length ?? 0;
      if (count > best[1] && !(lang === 'zh' && best[0] === 'ja')) best = [lang, count];
    }
    return best[0];
  }
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let best: [string, number] = ['und', 0];
  for (const [lang, list] of Object.entries(PROFILES)) {
    const set = new Set(list);
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > best[1]) best = [lang, hits];
  }
  // Require a minimum share of function words so that lists of names or code do not get a language.
  return best[1] >= Math.max(2, words.length * 0.05) ? best[0] : 'und';
}
