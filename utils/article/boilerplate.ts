/**
 * Lines of extracted text that are page furniture rather than article prose, recognised by
 * their wording alone: date stamps, interface labels, photo credits. Used after the
 * element-level filter, for furniture that carries no telling class name. Patterns
 * cover the languages of the fixture pages; none is keyed to a site.
 */

/** Month and weekday names, full and abbreviated: en, de, fr, es, pt, it, nl, id. */
const CALENDAR_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo ' +
    'janeiro fevereiro março maio junho julho setembro outubro dezembro segunda terça quarta quinta sexta feira ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica ' +
    'ene abr ago dic fev out dez gen mag giu lug ott ' +
    'januari februari maart mei augustus juni juli oktober maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ' +
    'agustus desember senin selasa rabu kamis jumat sabtu minggu'
  ).split(' '),
);

/** Words that label a date stamp ("Posted:", "Updated on", "às", "GMT"), not prose. */
const DATE_LABEL_WORDS = new Set(
  (
    'posted updated published first last modified date on at am pm a.m p.m gmt utc est edt cst cdt pst pdt ist cet cest bst ' +
    'de del às as le à il alle ore el a las um uhr am veröffentlicht aktualisiert publié mis jour publicado atualizado em ' +
    'pubblicato aggiornato il diperbarui dipublikasikan wib'
  ).split(' '),
);

const YEAR = /\b(?:19|20)\d{2}\b/;
const DATE_TOKEN = /[\p{L}.]+/gu;

/**
 * A short line that is only a date or time stamp, possibly labelled: "Posted: Fri 6:45 PM,
 * Feb 16, 2018 |", "Published November 20th, 2019 - 07:50 GMT", "02 Ago 2017",
 * "sexta-feira, 22 de outubro de 2010 às 20:13", "2019年11月20日". A bare time ("10 p.m.",
 * a live blog's entry heading) is not: it needs a year or a month name.
 */
export function isDateLine(line: string): boolean {
  if (line.length > 100) return false;
  if (/(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/.test(line)) {
    return !/[\p{L}]/u.test(line.replace(/[年月日時分秒]/g, '').replace(/\p{Script=Han}{0,4}[:：]/u, ''));
  }
  let hasMonth = false;
  for (const raw of line.toLowerCase().match(DATE_TOKEN) ?? []) {
    const word = raw.replace(/^\.+|\.+$/g, '');
    if (!word) continue;
    if (CALENDAR_WORDS.has(word)) {
      hasMonth = true;
      continue;
    }
    if (DATE_LABEL_WORDS.has(word) || /^(?:st|nd|rd|th|h)$/.test(word)) continue;
    return false;
  }
  return hasMonth ? /\d/.test(line) : YEAR.test(line) && /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}/.test(line);
}

/**
 * Whole-line interface labels: advert markers, sign-in and subscribe buttons, share and
 * comment prompts, "continue reading" breaks, "related"/"more stories" headers. Lower case,
 * without trailing punctuation; several languages.
 */
const INTERFACE_LABELS = new Set([
  'advertisement', 'advertisements', 'advert', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content',
  'anzeige', 'werbung', 'publicité', 'publicidad', 'publicidade', 'pubblicità', 'iklan', 'reklama', 'реклама', 'advertentie',
  'skip to content', 'skip to main content', 'jump to content', 'sign in', 'log in', 'login', 'sign up', 'register',
  'subscribe', 'subscribe now', 'menu', 'search', 'close', 'home', 'back to top', 'print', 'email', 'tweet',
  'share', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter',
  'comments', 'comment', 'post comment', 'post a comment', 'leave a comment', 'show comments', 'view comments',
  'loading', 'loading content', 'continue reading', 'continue reading below', 'story continues below',
  'article continues below', 'content continues below', 'read more', 'read more below', 'see more', 'show more',
  'you may also like', 'you might also like', 'recommended', 'recommended for you', 'related', 'related news',
  'related articles', 'related stories', 'related posts', 'related content', 'more stories', 'more news',
  'most popular', 'most read', 'trending', 'trending now', 'breaking news', 'latest news', 'top stories',
  'leia também', 'leia mais', 'veja também', 'lesen sie auch', 'mehr zum thema', 'à lire aussi', 'lire aussi',
  'sur le même sujet', 'lee también', 'leer más', 'leggi anche', 'baca juga', 'читайте также',
]);

/** Whether `line` is nothing but an interface label (see {@link INTERFACE_LABELS}). */
export function isInterfaceLabel(line: string): boolean {
  if (line.length > 40) return false;
  const key = line
    .toLowerCase()
    .replace(/[\s.…:!>»›|()+\-–—]+$/u, '')
    .replace(/^[\s<«‹|(+\-–—]+/u, '')
    .replace(/\s+/g, ' ');
  return INTERFACE_LABELS.has(key);
}

/** Picture agencies and credit words that end a photo credit or caption. */
const CREDIT_TAIL =
  /(?:\((?:AP|AFP|Reuters|EPA|Getty|dpa)?\s*(?:Photo|Foto|Image|Picture)s?\b[^()]*\)|\b(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy|AFP|Reuters|EPA|AP Photo|Associated Press)\s*\)?)\.?$/;
const CREDIT_LEAD = /^(?:photo|photograph|picture|image|foto|bild|crédit|credit|source)s?(?:\s+credit)?\s*[:|©]/i;

/**
 * A photo caption or credit line: "Photo: …", "Name | Agency | Getty Images", a caption
 * ending "(AP Photo/Name)". Readability keeps these when they are plain paragraphs.
 */
export function isCreditLine(line: string): boolean {
  if (line.length > 400) return false;
  if (CREDIT_LEAD.test(line) && line.length < 150) return true;
  if (!CREDIT_TAIL.test(line)) return false;
  // "… told Reuters." ends a sentence of prose; a credit is set off by a bar, slash or brackets.
  return /\)\.?$/.test(line) || (/[|/]/.test(line) && line.length < 150);
}

/** Headings that introduce other stories rather than continue this one. */
const RELATED_HEADING =
  /^(?:(?:related|recommended)(?:\s+(?:for you|news|stories|articles|posts|content|coverage|reading|links))?\s*[:.…]*$|more\b.{0,30}\b(?:stories|news|articles|posts|reads?|coverage)\b|more from\b|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:also|next)|also read|don't miss|leia (?:também|mais)|veja também|você (?:também )?pode (?:gostar|se interessar)|lesen sie (?:auch|mehr)|mehr zum thema|das könnte sie auch interessieren|à lire aussi|lire aussi|vous aimerez|sur le même sujet|lee también|te puede interesar|también te puede|leggi anche|potrebbe interessarti|baca juga|berita terkait|читайте также)/i;

/** Whether a heading's text announces related stories ("You may also like", "Leia também", …). */
export function isRelatedHeading(text: string): boolean {
  return text.length <= 60 && RELATED_HEADING.test(text);
}
