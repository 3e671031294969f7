import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../utils/analysis/analyse';
import { detectLanguage } from '../../../utils/analysis/language';

// Short news-like sentences in each language, the way an article without <html lang> arrives.
const SAMPLES: Record<string, string> = {
  en: 'The council said on Tuesday that the new bridge would be finished by the end of the year.',
  de: 'Die Stadt hat am Dienstag mitgeteilt, dass die neue Brücke bis zum Ende des Jahres fertig sein wird.',
  fr: 'La mairie a annoncé mardi que le nouveau pont sera terminé avant la fin de l’année, selon le maire.',
  es: 'El ayuntamiento dijo el martes que el nuevo puente estará terminado antes del final del año.',
  ru: 'Мэрия заявила во вторник, что новый мост будет достроен до конца года.',
  ja: '市は火曜日、新しい橋が年末までに完成すると発表した。',
};

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    it(`recognises ${lang}`, () => {
      expect(detectLanguage(text)).toBe(lang);
    });
  }
  it('returns "und" when there is nothing to go on', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12345 67 — 89')).toBe('und');
    expect(detectLanguage('Acme Widget Pro Max')).toBe('und');
  });
});

describe('analyseArticle language', () => {
  it('uses the article language when given, reduced to its primary tag', () => {
    expect(analyseArticle({ title: '', text: SAMPLES.de!, lang: 'en-GB' }).lang).toBe('en');
  });
  it('detects the language when the article has none', () => {
    expect(analyseArticle({ title: '', text: SAMPLES.fr!, lang: null }).lang).toBe('fr');
    expect(analyseArticle({ title: '', text: SAMPLES.es!, lang: 'und' }).lang).toBe('es');
  });
});
