import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../utils/analysis/analyse';
import type { Entity, EntityType } from '../../../utils/analysis/types';

const entitiesOf = (title: string, text: string, lang: string | null) => analyseArticle({ title, text, lang }).entities;
const byName = (entities: Entity[], name: string) =>
  entities.find((e) => e.name === name || e.variants.includes(name));
const typeOf = (entities: Entity[], name: string): EntityType | undefined => byName(entities, name)?.type;

describe('entity merging', () => {
  it('merges Kim Jong Un, Kim Jong-un and Kim into one person', () => {
    // Wire copy on a missile test: the same leader in three spellings.
    const entities = entitiesOf(
      'North Korea fires missile',
      'State media said Kim Jong Un watched the launch near Pyongyang.\n\n' +
        'Analysts said Kim Jong-un wants a faster design. Photographs showed Kim beside a launcher, and later Kim Jong Un spoke to officers.',
      'en',
    );
    const kims = entities.filter((e) => [e.name, ...e.variants].some((n) => n.startsWith('Kim')));
    expect(kims).toHaveLength(1);
    expect(kims[0]).toMatchObject({ name: 'Kim Jong Un', type: 'person', mentions: 4 });
    expect(kims[0]!.variants.sort()).toEqual(['Kim', 'Kim Jong-un']);
  });

  it('merges transliterations Sergei / Sergey Shoigu and the bare surname, also sentence-initial', () => {
    // Russian name romanised two ways by different agencies in one article.
    const entities = entitiesOf(
      'Shoigu visits Beijing',
      'Sergei Shoigu, a senior Russian official, arrived in Beijing on Wednesday.\n\n' +
        'Officials said that Sergey Shoigu would meet generals. Shoigu is expected to fly on to Astana.',
      'en',
    );
    const shoigu = entities.filter((e) => [e.name, ...e.variants].some((n) => n.includes('Shoigu')));
    expect(shoigu).toHaveLength(1);
    expect(shoigu[0]!.type).toBe('person');
    expect(shoigu[0]!.mentions).toBe(4);
    expect([shoigu[0]!.name, ...shoigu[0]!.variants].sort()).toEqual(['Sergei Shoigu', 'Sergey Shoigu', 'Shoigu']);
  });

  it('matches names regardless of diacritics (Erdoğan / Erdogan, Öztürk / Ozturk)', () => {
    // Turkish names typed with and without diacritics in the same report.
    const entities = entitiesOf(
      '',
      'President Recep Tayyip Erdoğan criticised the bank in Ankara. Investors thought Erdogan would stay quiet.\n\n' +
        'The finance minister, Kerem Öztürk, disagreed. Speaking later, Mr Ozturk said the plan stood.',
      'en',
    );
    expect(byName(entities, 'Erdogan')).toMatchObject({ name: 'Recep Tayyip Erdoğan', type: 'person', mentions: 2 });
    expect(byName(entities, 'Ozturk')).toMatchObject({ name: 'Kerem Öztürk', type: 'person', mentions: 2 });
  });

  it('keeps different people with the same surname apart', () => {
    const entities = entitiesOf('', 'Anna Berger met Thomas Berger in Vienna. Anna Berger said they disagreed.', 'en');
    expect(byName(entities, 'Anna Berger')).not.toBe(byName(entities, 'Thomas Berger'));
  });
});

describe('entity typing', () => {
  it('types English people, places and organisations from cues', () => {
    // Local-government story with an invented town (no gazetteer help for Harwick or Millbrook).
    const entities = entitiesOf(
      '',
      'Councillor Daniel Okoro said residents in Harwick had not been consulted. ' +
        'The villages of Millbrook and Stanford Cross would flood, Mr Okoro said, according to Caldwell & Finch Ltd. ' +
        'The Environment Agency and NATO officials were not involved.',
      'en',
    );
    expect(typeOf(entities, 'Daniel Okoro')).toBe('person');
    expect(typeOf(entities, 'Harwick')).toBe('place');
    expect(typeOf(entities, 'Millbrook')).toBe('place');
    expect(typeOf(entities, 'Stanford Cross')).toBe('place');
    expect(typeOf(entities, 'Caldwell & Finch Ltd')).toBe('organization');
    expect(typeOf(entities, 'Environment Agency')).toBe('organization');
    expect(typeOf(entities, 'NATO')).toBe('organization');
  });

  it('types German names and does not take German nouns for entities', () => {
    // German rail strike: every noun is capitalised, names need cues (titles, "sagte", "nach", adjectives).
    const entities = entitiesOf(
      'Streik legt Fernverkehr lahm',
      'Die Gewerkschaft hat den Fernverkehr der Deutschen Bahn am Donnerstag lahmgelegt. Hunderte Reisende warteten am Hauptbahnhof in Hamburg.\n\n' +
        '„Wir haben vier Monate Zeit gegeben“, sagte Gewerkschaftschef Stefan Kellermann in Frankfurt. ' +
        'Frau Lichtenberg von der Bahn nannte die Forderungen unbezahlbar. Kellermann will nach Regensburg reisen.',
      'de',
    );
    expect(typeOf(entities, 'Stefan Kellermann')).toBe('person');
    expect(byName(entities, 'Kellermann')?.mentions).toBe(2);
    expect(typeOf(entities, 'Lichtenberg')).toBe('person');
    expect(typeOf(entities, 'Hamburg')).toBe('place');
    expect(typeOf(entities, 'Regensburg')).toBe('place');
    expect(typeOf(entities, 'Deutschen Bahn')).toBe('organization');
    const names = entities.flatMap((e) => [e.name, ...e.variants]);
    for (const noun of ['Gewerkschaft', 'Fernverkehr', 'Reisende', 'Hauptbahnhof', 'Monate Zeit', 'Forderungen', 'Streik']) {
      expect(names).not.toContain(noun);
    }
  });

  it('types French names from M./Mme, "a déclaré" and "à"', () => {
    // French municipal story with honorifics carrying a full stop.
    const entities = entitiesOf(
      '',
      'M. Patrick Renaud a déclaré que le réseau tiendrait. « C’est possible », a déclaré Mme Hélène Duclos à Villeurbanne. ' +
        'La société Keolis exploite le réseau depuis Lyon.',
      'fr',
    );
    expect(typeOf(entities, 'Patrick Renaud')).toBe('person');
    expect(typeOf(entities, 'Hélène Duclos')).toBe('person');
    expect(typeOf(entities, 'Villeurbanne')).toBe('place');
    expect(typeOf(entities, 'Keolis')).toBe('organization');
    expect(typeOf(entities, 'Lyon')).toBe('place');
  });

  it('types Spanish names from Sr./Sra., "dijo" and "en"', () => {
    // Spanish drought story: regional government, mayor, a village with a two-word name.
    const entities = entitiesOf(
      '',
      'La Junta de Andalucía aprobó restricciones en Isla Mayor. «No hay agua», dijo el Sr. Molina en Sevilla. ' +
        'La portavoz, Sra. Lucía Herrera, pidió ayudas al Gobierno central.',
      'es',
    );
    expect(typeOf(entities, 'Junta de Andalucía')).toBe('organization');
    expect(typeOf(entities, 'Isla Mayor')).toBe('place');
    expect(typeOf(entities, 'Molina')).toBe('person');
    expect(typeOf(entities, 'Lucía Herrera')).toBe('person');
    expect(typeOf(entities, 'Sevilla')).toBe('place');
    expect(typeOf(entities, 'Gobierno central')).toBe('organization');
  });

  it('does not take sentence-initial words, months or demonyms for entities', () => {
    const entities = entitiesOf(
      '',
      'Officials in Kyiv reacted on Monday. Neighbouring Cameroon reported cases in March. Chinese officials and Russian diplomats met.',
      'en',
    );
    const names = entities.flatMap((e) => [e.name, ...e.variants]);
    expect(names).toEqual(expect.arrayContaining(['Kyiv', 'Cameroon']));
    for (const word of ['Officials', 'Neighbouring', 'Neighbouring Cameroon', 'Monday', 'March', 'Chinese', 'Russian']) {
      expect(names).not.toContain(word);
    }
  });

  it('only confirms known names from a Title Case headline', () => {
    const entities = entitiesOf('Harwick Council Approves Flood Barrier', 'Residents in Harwick welcomed the plan.', 'en');
    const names = entities.flatMap((e) => [e.name, ...e.variants]);
    expect(names).not.toContain('Flood Barrier');
    expect(byName(entities, 'Harwick')?.mentions).toBe(2);
  });
});

describe('other languages', () => {
  it('returns gazetteer names for Russian without crashing, with Cyrillic names kept as found', () => {
    const entities = entitiesOf('', 'Президент Франции прибыл в Москву. Во вторник министр Сергей Шойгу встретился с ним. Россия и Китай подписали соглашение.', 'ru');
    expect(typeOf(entities, 'Китай')).toBe('place');
    expect(entities.some((e) => e.name === 'Сергей Шойгу')).toBe(true);
  });
  it('finds gazetteer names in Japanese text without word spaces', () => {
    const entities = entitiesOf('', '東京で日本と韓国の首脳が会談した。東京の天気は晴れ。', 'ja');
    expect(byName(entities, '東京')).toMatchObject({ type: 'place', mentions: 2 });
    expect(byName(entities, '日本')?.type).toBe('place');
  });
});

describe('streets, small towns and long organisation names', () => {
  it('types streets as places, never as people, in all four languages', () => {
    // A two-word street looks like "Firstname Surname"; its street word says otherwise.
    const en = entitiesOf('', 'Water reached the windows in Cobbler Lane again. Cobbler Lane has flooded twice, residents said.', 'en');
    expect(typeOf(en, 'Cobbler Lane')).toBe('place');
    const de = entitiesOf('', 'Die Sperrung der Lindenstraße dauert an. Anwohner der Lindenstraße beklagten sich.', 'de');
    expect(typeOf(de, 'Lindenstraße')).toBe('place');
    const fr = entitiesOf('', "Les commerçants de la rue Saint-Martin ont manifesté. Selon eux, la rue Saint-Martin se vide.", 'fr');
    expect(typeOf(fr, 'rue Saint-Martin') ?? typeOf(fr, 'Saint-Martin')).not.toBe('person');
    const es = entitiesOf('', 'Los vecinos de la calle Mayor protestaron. La calle Mayor seguirá cortada.', 'es');
    expect(es.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('keeps a German street apart from the noun written after it', () => {
    const entities = entitiesOf('', 'Sie stapelte an der Uferpromenade Sandsäcke, sagte die Wirtin Erna Blum.', 'de');
    expect(typeOf(entities, 'Uferpromenade')).toBe('place');
    expect(entities.map((e) => e.name)).not.toContain('Uferpromenade Sandsäcke');
  });

  it('finds German towns after in/nach/aus, also the second of a pair, but not nouns like "in Zukunft"', () => {
    const entities = entitiesOf(
      '',
      'Die Patienten sollen künftig in Fulda und Gießen behandelt werden. Ein Bus fährt nach Alsfeld. ' +
        'In Zukunft wolle man nach Angaben der Klinik sparen, aus Sorge vor Verlusten, sagte Direktor Jan Roth.',
      'de',
    );
    expect(typeOf(entities, 'Fulda')).toBe('place');
    expect(typeOf(entities, 'Gießen')).toBe('place');
    expect(typeOf(entities, 'Alsfeld')).toBe('place');
    const names = entities.map((e) => e.name);
    for (const noun of ['Zukunft', 'Angaben', 'Sorge']) expect(names).not.toContain(noun);
  });

  it('does not take a German noun after "nach" for a town when it is a compound of one ("Polizeiangaben")', () => {
    const entities = entitiesOf('', 'Nach Polizeiangaben wurde niemand verletzt. Ein Sprecher bestätigte das am Abend.', 'de');
    expect(entities.map((e) => e.name)).not.toContain('Polizeiangaben');
  });

  it('types a place after a part-of-place noun or a local office ("interior de", "Bürgermeister von")', () => {
    const es = entitiesOf('', 'Las llamas avanzaron por el interior de Teruel durante la noche.', 'es');
    expect(typeOf(es, 'Teruel')).toBe('place');
    const de = entitiesOf('', 'Der Bürgermeister von Wetzlar sprach von einem schwarzen Tag.', 'de');
    expect(typeOf(de, 'Wetzlar')).toBe('place');
    const fr = entitiesOf('', "La préfecture de la Haute-Marne a pris un arrêté. La sécheresse touche le nord de Chaumont.", 'fr');
    expect(typeOf(fr, 'Haute-Marne')).toBe('place');
    expect(typeOf(fr, 'Chaumont')).toBe('place');
  });

  it('reads French and Spanish organisation names continued in lowercase', () => {
    const fr = entitiesOf('', "Selon une chercheuse de l'Institut d'études politiques, estime que le vote change tout.", 'fr');
    expect(byName(fr, "Institut d'études politiques")?.type).toBe('organization');
    const es = entitiesOf('', 'El Instituto de estudios fiscales publicó el informe el lunes.', 'es');
    expect(byName(es, 'Instituto de estudios fiscales')?.type).toBe('organization');
    // A verb after the name ends it: "Observatoire des prix", not "… des prix estime".
    const verb = entitiesOf('', "L'Observatoire des prix estime que la hausse ralentit.", 'fr');
    expect(byName(verb, 'Observatoire des prix')?.type).toBe('organization');
  });

  it('stops a lowercase organisation name at five words, so lookups never quote six words of the article', () => {
    const entities = entitiesOf('', "Selon le Comité interprofessionnel des fromages de Savoie, la production recule.", 'fr');
    const names = entities.flatMap((e) => [e.name, ...e.variants]);
    for (const name of names) expect(name.match(/[\p{L}\p{N}]+/gu)!.length).toBeLessThanOrEqual(5);
    expect(names).not.toContain('Comité interprofessionnel des fromages de Savoie');
  });

  it('keeps "of"-joined names whose head is "Chiefs" whole', () => {
    const entities = entitiesOf('', "The launch was confirmed by Seoul's Joint Chiefs of Staff on Friday.", 'en');
    expect(byName(entities, 'Joint Chiefs of Staff')?.type).toBe('organization');
    expect(entities.map((e) => e.name)).not.toContain('Joint Chiefs');
  });

  it('ignores the first half of a suspended German compound ("ICE- und Intercity-Züge")', () => {
    const entities = entitiesOf('', 'Rund 80 Prozent der ICE- und Intercity-Züge fielen aus, teilte die Deutsche Bahn mit.', 'de');
    expect(entities.map((e) => e.name)).not.toContain('ICE');
    expect(typeOf(entities, 'Deutsche Bahn')).toBe('organization');
  });

  it('does not take a byline job title for an organisation ("Local Government Reporter")', () => {
    const entities = entitiesOf('', 'By Ruth Adeyemi, Local Government Reporter. The Borough Council met on Monday.', 'en');
    expect(entities.map((e) => e.name)).not.toContain('Local Government Reporter');
    expect(typeOf(entities, 'Borough Council')).toBe('organization');
  });

  it('strips German role compounds ending in -führerin or -leiter before a name', () => {
    const entities = entitiesOf('', 'Das sagte Geschäftsführerin Ilse Brandt am Mittwoch. Amtsleiter Kurt Vogel widersprach.', 'de');
    expect(byName(entities, 'Ilse Brandt')?.type).toBe('person');
    expect(byName(entities, 'Kurt Vogel')?.type).toBe('person');
  });
});

describe('cues added after the second held-out batch', () => {
  it('joins a suspended compound into an organisation name ("Industrie- und Handelskammer")', () => {
    const entities = entitiesOf('', 'Auch die Industrie- und Handelskammer Ulm warnte vor den Folgen für Spediteure.', 'de');
    expect(typeOf(entities, 'Industrie- und Handelskammer Ulm')).toBe('organization');
    expect(entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('finds German towns after "bei" and "zwischen", and keeps long hyphenated ones', () => {
    const entities = entitiesOf('', 'Der Stau reichte bis Hagen und dann bei Hemer weiter. Züge fahren zwischen Lüdenscheid und Plettenberg. Die Brücke in Rheda-Wiedenbrück bleibt zu.', 'de');
    expect(typeOf(entities, 'Hemer')).toBe('place');
    expect(typeOf(entities, 'Lüdenscheid')).toBe('place');
    expect(typeOf(entities, 'Plettenberg')).toBe('place');
    expect(typeOf(entities, 'Rheda-Wiedenbrück')).toBe('place');
  });

  it('types a name set off by commas after a role phrase as a person, also in German', () => {
    const entities = entitiesOf('', 'Der Oberbürgermeister von Ulm, Jonas Ebert, sprach von einem Rückschlag.', 'de');
    expect(typeOf(entities, 'Jonas Ebert')).toBe('person');
    expect(typeOf(entities, 'Ulm')).toBe('place');
  });

  it('keeps a descriptor when the rest of the name is a place, and "&" names are no people', () => {
    const entities = entitiesOf('', 'Das teilte der Landesbetrieb Straßenbau Niedersachsen mit. Das Gutachten stammt vom Ingenieurbüro Weber & Sohn.', 'de');
    expect(typeOf(entities, 'Landesbetrieb Straßenbau Niedersachsen')).toBe('organization');
    expect(entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('takes the party from a German party compound ("SPD-Politikerin")', () => {
    const entities = entitiesOf('', 'Das sagte die SPD-Politikerin am Dienstag im Landtag.', 'de');
    expect(typeOf(entities, 'SPD')).toBe('organization');
    expect(typeOf(entities, 'Landtag')).toBe('organization');
  });

  it('does not make a sentence-initial German adjective and noun an organisation', () => {
    const entities = entitiesOf('', 'Ähnliche Probleme gab es schon im Vorjahr. Der Verkehr staute sich.', 'de');
    expect(entities.map((e) => e.name)).not.toContain('Ähnliche Probleme');
  });

  it('types a multi-word place after "en" as a place, not a person', () => {
    const entities = entitiesOf('', 'Desde enero vive con sus padres en Arroyo de la Encomienda, a media hora.', 'es');
    expect(typeOf(entities, 'Arroyo de la Encomienda')).toBe('place');
  });

  it('includes lowercase street types and institution heads in French and Spanish names', () => {
    const fr = entitiesOf('', "Il a été reçu au ministère de l'Intérieur. Elle enseigne à l'université de Bordeaux, rue de la Paix.", 'fr');
    expect(typeOf(fr, "ministère de l'Intérieur")).toBe('organization');
    expect(typeOf(fr, 'université de Bordeaux')).toBe('organization');
    expect(typeOf(fr, 'rue de la Paix')).toBe('place');
    const es = entitiesOf('', 'La marcha partió de la plaza de la Constitución y terminó en la avenida de América.', 'es');
    expect(typeOf(es, 'plaza de la Constitución')).toBe('place');
    expect(typeOf(es, 'avenida de América')).toBe('place');
  });

  it('adds no lowercase part at all when the name would pass five words', () => {
    const entities = entitiesOf('', "Selon l'Agence de développement économique des Ardennes, le site peut rouvrir.", 'fr');
    const names = entities.flatMap((e) => [e.name, ...e.variants]);
    expect(names.some((n) => n.startsWith('Agence de'))).toBe(false);
  });

  it('keeps a town apart from a "Town Chamber of Commerce"-style organisation', () => {
    const entities = entitiesOf(
      '',
      'The Brackley Chamber of Commerce backed the plan. Critics warned that Brackley would pay the bill alone.',
      'en',
    );
    expect(byName(entities, 'Brackley Chamber of Commerce')?.mentions).toBe(1);
    expect(byName(entities, 'Brackley')).not.toBe(byName(entities, 'Brackley Chamber of Commerce'));
    // A company is still shortened to its first word.
    const firm = entitiesOf('', 'Shares in Corvane Systems fell. Corvane said it would cut jobs. Corvane declined to comment.', 'en');
    expect(byName(firm, 'Corvane')?.name).toBe('Corvane Systems');
  });

  it('reads "Stadtwerke X" as a municipal organisation and X as its town', () => {
    const entities = entitiesOf('', 'Die Stadtwerke Heidenau erhöhen die Preise. In Heidenau sind 9.000 Haushalte betroffen.', 'de');
    expect(typeOf(entities, 'Stadtwerke Heidenau')).toBe('organization');
    expect(byName(entities, 'Heidenau')).toMatchObject({ name: 'Heidenau', type: 'place' });
  });
});
