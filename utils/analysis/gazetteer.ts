/**
 * Small multilingual gazetteers: countries, capitals and major cities, large regions, major rivers
 * and mountain ranges, international organisations and a few national institutions. Exonyms in
 * English, German, French and Spanish where they differ, a few Russian and Japanese forms so that
 * unsupported languages still yield the most certain entities.
 *
 * These are generic world knowledge, not tuned to any test fixture. Entries are separated by ";",
 * variants of one entry by "|" (first = canonical English form). Parsed lazily on first use.
 */
import { foldName } from './text';
import type { EntityType } from './types';

const COUNTRIES = `Afghanistan|Afghanistan|Afganistán;Albania|Albanien|Albanie;Algeria|Algerien|Algérie|Argelia;
Angola;Argentina|Argentinien|Argentine;Armenia|Armenien|Arménie;Australia|Australien|Australie;Austria|Österreich|Autriche;
Azerbaijan|Aserbaidschan|Azerbaïdjan|Azerbaiyán;Bahrain|Bahreïn|Baréin;Bangladesh|Bangladesch;Belarus|Weißrussland|Biélorussie|Bielorrusia;
Belgium|Belgien|Belgique|Bélgica;Benin|Bénin;Bolivia|Bolivien|Bolivie;Bosnia and Herzegovina|Bosnia|Bosnien|Bosnie;Botswana;
Brazil|Brasilien|Brésil|Brasil;Bulgaria|Bulgarien|Bulgarie;Burkina Faso;Burundi;Cambodia|Kambodscha|Cambodge|Camboya;
Cameroon|Kamerun|Cameroun|Camerún;Canada|Kanada|Canadá;Central African Republic|Centrafrique;Chad|Tschad|Tchad;Chile|Chili;
China|Chine|Китай|中国;Colombia|Kolumbien|Colombie;Congo|Kongo|Democratic Republic of the Congo|DRC;Costa Rica;Croatia|Kroatien|Croatie|Croacia;
Cuba|Kuba;Cyprus|Zypern|Chypre|Chipre;Czech Republic|Czechia|Tschechien|Tchéquie|Chequia|República Checa;Denmark|Dänemark|Danemark|Dinamarca;
Ecuador|Équateur;Egypt|Ägypten|Égypte|Egipto;El Salvador;Eritrea|Érythrée;Estonia|Estland|Estonie;Ethiopia|Äthiopien|Éthiopie|Etiopía;
Finland|Finnland|Finlande|Finlandia;France|Frankreich|Francia|Франция;Gabon|Gabun|Gabón;Georgia|Georgien|Géorgie;Germany|Deutschland|Allemagne|Alemania|Германия|ドイツ;
Ghana;Greece|Griechenland|Grèce|Grecia;Guatemala;Guinea|Guinée;Haiti|Haïti|Haití;Honduras;Hungary|Ungarn|Hongrie|Hungría;
Iceland|Island|Islande|Islandia;India|Indien|Inde|Индия;Indonesia|Indonesien|Indonésie;Iran|Irán|Иран;Iraq|Irak;Ireland|Irland|Irlande|Irlanda;
Israel|Israël;Italy|Italien|Italie|Italia|Италия;Ivory Coast|Côte d'Ivoire|Elfenbeinküste|Costa de Marfil;Jamaica|Jamaika|Jamaïque;
Japan|Japon|Japón|Япония|日本;Jordan|Jordanien|Jordanie|Jordania;Kazakhstan|Kasachstan|Kazajistán;Kenya|Kenia;Kosovo;Kuwait|Koweït;
Kyrgyzstan|Kirgisistan|Kirghizistan;Laos;Latvia|Lettland|Lettonie|Letonia;Lebanon|Libanon|Liban|Líbano;Liberia;Libya|Libyen|Libye|Libia;
Lithuania|Litauen|Lituanie|Lituania;Luxembourg|Luxemburg|Luxemburgo;Madagascar|Madagaskar;Malawi;Malaysia|Malaisie|Malasia;Mali|Malí;
Malta|Malte;Mauritania|Mauretanien|Mauritanie;Mexico|Mexiko|Mexique|México;Moldova|Moldau|Moldavie|Moldavia;Mongolia|Mongolei|Mongolie;
Montenegro|Monténégro;Morocco|Marokko|Maroc|Marruecos;Mozambique|Mosambik;Myanmar|Burma;Namibia|Namibie;Nepal|Népal;
Netherlands|Niederlande|Pays-Bas|Países Bajos|Holland;New Zealand|Neuseeland|Nouvelle-Zélande|Nueva Zelanda;Nicaragua;Niger|Níger;
Nigeria|Nigéria;North Korea|Nordkorea|Corée du Nord|Corea del Norte|Северная Корея|北朝鮮;North Macedonia|Nordmazedonien|Macédoine du Nord;
Norway|Norwegen|Norvège|Noruega;Oman;Pakistan|Pakistán;Palestine|Palästina|Palestina;Panama|Panamá;Paraguay;Peru|Pérou|Perú;
Philippines|Philippinen|Filipinas;Poland|Polen|Pologne|Polonia|Польша;Portugal;Qatar|Katar;Romania|Rumänien|Roumanie|Rumania;
Russia|Russland|Russie|Rusia|Россия|ロシア;Rwanda|Ruanda;Saudi Arabia|Saudi-Arabien|Arabie saoudite|Arabia Saudita;Senegal|Sénégal;
Serbia|Serbien|Serbie;Sierra Leone;Singapore|Singapur|Singapour;Slovakia|Slowakei|Slovaquie|Eslovaquia;Slovenia|Slowenien|Slovénie|Eslovenia;
Somalia|Somalie;South Africa|Südafrika|Afrique du Sud|Sudáfrica;South Korea|Südkorea|Corée du Sud|Corea del Sur|Южная Корея|韓国;
South Sudan|Südsudan|Soudan du Sud|Sudán del Sur;Spain|Spanien|Espagne|España|Испания;Sri Lanka;Sudan|Soudan|Sudán;Sweden|Schweden|Suède|Suecia;
Switzerland|Schweiz|Suisse|Suiza;Syria|Syrien|Syrie|Siria|Сирия;Taiwan|Taïwan|Taiwán|台湾;Tajikistan|Tadschikistan|Tadjikistan;
Tanzania|Tansania|Tanzanie;Thailand|Thaïlande|Tailandia;Togo;Tunisia|Tunesien|Tunisie|Túnez;Turkey|Türkiye|Türkei|Turquie|Turquía|Турция;
Turkmenistan|Turkménistan;Uganda|Ouganda;Ukraine|Ucrania|Украина;United Arab Emirates|UAE|Vereinigte Arabische Emirate|Émirats arabes unis|Emiratos Árabes Unidos;
United Kingdom|UK|Britain|Great Britain|Großbritannien|Vereinigtes Königreich|Royaume-Uni|Reino Unido|Великобритания|イギリス;
United States|US|USA|U.S.|America|United States of America|Vereinigte Staaten|États-Unis|Estados Unidos|EEUU|EE.UU|США|アメリカ;
Uruguay;Uzbekistan|Usbekistan|Ouzbékistan|Uzbekistán;Venezuela;Vietnam|Viêt Nam;Yemen|Jemen|Yémen;Zambia|Sambia|Zambie;Zimbabwe|Simbabwe`;

const CITIES = `Abidjan;Abu Dhabi;Abuja;Accra;Addis Ababa|Addis-Abeba|Adís Abeba;Algiers|Algier|Alger|Argel;Almaty;Amman;Amsterdam;Ankara;Antwerp|Antwerpen|Anvers|Amberes;
Astana;Athens|Athen|Athènes|Atenas;Atlanta;Auckland;Baghdad|Bagdad;Baku|Bakou;Bamako;Bangkok;Bangalore|Bengaluru;Barcelona|Barcelone;
Barranquilla;Beijing|Peking|Pékin|Pekín|Пекин|北京;Beirut|Beyrouth;Belgrade|Belgrad|Belgrado;Berlin|Berlín|Берлин;Bern|Berne|Berna;Bilbao;Birmingham;Bogotá|Bogota;Bonn;
Bordeaux|Burdeos;Boston;Brasília|Brasilia;Bratislava;Bremen|Brême;Brussels|Brüssel|Bruxelles|Bruselas;Bucharest|Bukarest|Bucarest;Budapest;
Buenos Aires;Busan|Pusan;Cairo|Kairo|Le Caire|El Cairo;Calgary;Cali;Cape Town|Kapstadt|Le Cap|Ciudad del Cabo;Caracas;Casablanca;Chicago;
Chennai;Cologne|Köln|Colonia;Copenhagen|Kopenhagen|Copenhague;Córdoba|Cordoba|Cordoue;Dakar;Dallas;Damascus|Damaskus|Damas|Damasco;
Dar es Salaam;Delhi|New Delhi|Neu-Delhi|New Delhi;Denver;Detroit;Dhaka|Dacca;Doha;Dortmund;Dresden|Dresde;Dubai|Dubaï;Dublin|Dublín;
Düsseldorf;Edinburgh|Édimbourg|Edimburgo;Essen;Florence|Florenz|Firenze|Florencia;Frankfurt|Frankfurt am Main|Francfort|Fráncfort;Geneva|Genf|Genève|Ginebra;
Glasgow;Gothenburg|Göteborg;Guadalajara;Hamburg|Hambourg|Hamburgo;Hanoi;Hanover|Hannover|Hanovre;Havana|Havanna|La Havane|La Habana;
Helsinki|Helsingfors;Ho Chi Minh City;Hong Kong|Hongkong;Houston;Islamabad;Istanbul|İstanbul|Estambul;Izmir|İzmir|Esmirna;Jakarta|Djakarta|Yakarta;
Jerusalem|Jérusalem|Jerusalén;Johannesburg;Kabul|Kaboul;Kampala;Karachi;Kathmandu;Khartoum|Khartum|Jartum;Kyiv|Kiev|Kiew|Kiev|Киев|Київ;
Kinshasa;Kolkata|Calcutta;Kuala Lumpur;Kyoto|京都;Lagos;Lahore;La Paz;Las Vegas;Leipzig;Lille;Lima;Lisbon|Lissabon|Lisbonne|Lisboa;
Liverpool;Ljubljana;London|Londres|Londra|Лондон|ロンドン;Los Angeles;Luanda;Lusaka;Lyon|Lyons;Madrid|Мадрид;Málaga|Malaga;Managua;Manchester;Manila|Manille;
Maputo;Marseille|Marseilles|Marsella;Medellín|Medellin;Melbourne;Mexico City|Mexiko-Stadt|Mexico|Ciudad de México;Miami;Milan|Mailand|Milano|Milán;
Minsk;Mogadishu|Mogadischu|Mogadiscio;Monterrey;Montevideo;Montpellier;Montreal|Montréal;Moscow|Moskau|Moscou|Moscú|Москва;Mumbai|Bombay;Munich|München|Múnich;
Nairobi;Nantes;Naples|Neapel|Napoli|Nápoles;N'Djamena|Ndjamena;New Orleans;New York|New York City|Nueva York;Nice|Nizza|Niza;Nicosia|Nikosia|Nicosie;
Nuremberg|Nürnberg|Nuremberg|Núremberg;Osaka|大阪;Oslo;Ottawa;Palermo;Paris|París|Париж|パリ;Philadelphia;Phnom Penh;Phoenix;Porto|Oporto;Prague|Prag|Praga;
Pretoria;Pyongyang|Pjöngjang|Pyongyang;Quito;Rabat;Reykjavik;Riga;Rio de Janeiro;Riyadh|Riad|Riyad;Rome|Rom|Roma|Рим;Rotterdam;
Saint Petersburg|St. Petersburg|Sankt Petersburg|Saint-Pétersbourg|San Petersburgo|Санкт-Петербург;San Francisco;San José;Santiago;
Santo Domingo;São Paulo|Sao Paulo;Sarajevo;Seattle;Seoul|Séoul|Seúl|Сеул|ソウル;Seville|Sevilla|Séville;Shanghai|上海;Shenzhen;Singapore City;Skopje;
Sofia|Sofía;Stockholm|Estocolmo;Strasbourg|Straßburg|Estrasburgo;Stuttgart;Sydney;Taipei;Tallinn;Tashkent|Taschkent;Tbilisi|Tiflis;
Tehran|Teheran|Téhéran|Teherán|Тегеран;Tel Aviv;The Hague|Den Haag|La Haye|La Haya;Tirana;Tokyo|Tokio|東京|Токио;Toronto;Toulouse;Tripoli|Tripolis;
Tunis|Túnez;Turin|Turin|Torino;Valencia|Valence;Vancouver;Vienna|Wien|Vienne|Viena;Vilnius;Warsaw|Warschau|Varsovie|Varsovia;
Washington|Washington D.C.|Washington, D.C.;Wellington;Yangon|Rangoon;Yerevan|Eriwan|Erevan;Zagreb;Zaragoza|Saragossa;Zurich|Zürich|Zúrich`;

const REGIONS = `Europe|Europa|Европа;Asia|Asien|Asie;Africa|Afrika|Afrique;North America|Nordamerika|Amérique du Nord|América del Norte;
South America|Südamerika|Amérique du Sud|América del Sur;Latin America|Lateinamerika|Amérique latine|América Latina;Oceania|Ozeanien|Océanie;
Antarctica|Antarktis|Antarctique|Antártida;Arctic|Arktis|Arctique|Ártico;Middle East|Nahost|Naher Osten|Moyen-Orient|Oriente Medio|Oriente Próximo;
Balkans|Balkan|Balkans|Balcanes;Caucasus|Kaukasus|Caucase|Cáucaso;Scandinavia|Skandinavien|Scandinavie|Escandinavia;Sahel;Sahara;
West Africa|Westafrika|Afrique de l'Ouest|África Occidental;East Africa|Ostafrika|Afrique de l'Est|África Oriental;
Southeast Asia|Südostasien|Asie du Sud-Est|Sudeste Asiático;Central Asia|Zentralasien|Asie centrale|Asia Central;
Gaza|Gaza Strip|Gazastreifen|bande de Gaza|Franja de Gaza;West Bank|Westjordanland|Cisjordanie|Cisjordania;Crimea|Krim|Crimée;
Donbas|Donbass;Kashmir|Kaschmir|Cachemire|Cachemira;Siberia|Sibirien|Sibérie;Tibet;Xinjiang;Kurdistan;Catalonia|Katalonien|Catalogne|Cataluña|Catalunya;
Andalusia|Andalusien|Andalousie|Andalucía;Basque Country|Baskenland|Pays basque|País Vasco|Euskadi;Galicia|Galicien|Galice;Madrid Region|Comunidad de Madrid;
Valencian Community|Comunidad Valenciana;Castile and León|Castilla y León;Castilla-La Mancha;Aragon|Aragón;Asturias;Murcia;Navarre|Navarra;Extremadura;
Canary Islands|Kanarische Inseln|Canaries|Canarias;Balearic Islands|Balearen|Baléares|Baleares;Cantabria;La Rioja;
Bavaria|Bayern|Bavière|Baviera;Baden-Württemberg;Brandenburg|Brandebourg;Hesse|Hessen;Lower Saxony|Niedersachsen|Basse-Saxe;
Mecklenburg-Vorpommern;North Rhine-Westphalia|Nordrhein-Westfalen|Rhénanie-du-Nord-Westphalie;Rhineland-Palatinate|Rheinland-Pfalz;
Saarland|Sarre;Saxony|Sachsen|Saxe|Sajonia;Saxony-Anhalt|Sachsen-Anhalt;Schleswig-Holstein;Thuringia|Thüringen|Thuringe;
Île-de-France;Brittany|Bretagne|Bretaña;Normandy|Normandie|Normandía;Provence;Provence-Alpes-Côte d'Azur;Occitanie;Nouvelle-Aquitaine;
Auvergne-Rhône-Alpes;Grand Est;Hauts-de-France;Corsica|Korsika|Corse|Córcega;Alsace|Elsass|Alsacia;
England|Angleterre|Inglaterra;Scotland|Schottland|Écosse|Escocia;Wales|Pays de Galles|Gales;Northern Ireland|Nordirland|Irlande du Nord|Irlanda del Norte;
Quebec|Québec;Ontario;British Columbia;Alberta;Kurdistan;Patagonia;Amazon|Amazonas|Amazonie|Amazonia;
Alabama;Alaska;Arizona;Arkansas;California|Kalifornien|Californie;Colorado;Connecticut;Delaware;Florida|Floride;Hawaii;Idaho;Illinois;
Indiana;Iowa;Kansas;Kentucky;Louisiana;Maine;Maryland;Massachusetts;Michigan;Minnesota;Mississippi;Missouri;Montana;Nebraska;Nevada;
New Hampshire;New Jersey;New Mexico;North Carolina;North Dakota;Ohio;Oklahoma;Oregon;Pennsylvania;Rhode Island;South Carolina;South Dakota;
Tennessee;Texas|Tejas;Utah;Vermont;Virginia;West Virginia;Wisconsin;Wyoming;
Alps|Alpen|Alpes;Pyrenees|Pyrenäen|Pyrénées|Pirineos;Andes|Anden;Himalaya|Himalayas;Urals|Ural|Oural;Rockies|Rocky Mountains;
Danube|Donau|Danube|Danubio;Rhine|Rhein|Rhin|Rin;Elbe;Thames|Themse|Tamise|Támesis;Seine|Sena;Loire;Rhône|Rhone|Ródano;Nile|Nil|Nilo;Congo River;
Niger River;Amazon River;Mississippi River;Ebro;Tagus|Tajo|Tejo;Volga;Dnipro|Dnieper|Dnjepr;Euphrates|Euphrat|Euphrate|Éufrates;Tigris|Tigre;
Ganges|Gange;Yangtze|Jangtse;Mekong;Mediterranean|Mittelmeer|Méditerranée|Mediterráneo;Black Sea|Schwarzes Meer|mer Noire|mar Negro;
Baltic|Baltic Sea|Ostsee|Baltique|Báltico;North Sea|Nordsee|mer du Nord|mar del Norte;Red Sea|Rotes Meer|mer Rouge|mar Rojo;
Atlantic|Atlantik|Atlantique|Atlántico;Pacific|Pazifik|Pacifique|Pacífico;Indian Ocean|Indischer Ozean|océan Indien|océano Índico;
Persian Gulf|Persischer Golf|golfe Persique|golfo Pérsico;South China Sea|Südchinesisches Meer|mer de Chine méridionale;Taiwan Strait`;

const ORGANIZATIONS = `United Nations|UN|U.N.|Vereinte Nationen|UNO|Nations unies|Organisation des Nations unies|ONU|Naciones Unidas|Organización de las Naciones Unidas|ООН|国連;
European Union|EU|Europäische Union|Union européenne|UE|Unión Europea|Евросоюз;NATO|Nato|OTAN|НАТО;
World Health Organization|WHO|Weltgesundheitsorganisation|OMS|Organisation mondiale de la santé|Organización Mundial de la Salud;
International Monetary Fund|IMF|Internationaler Währungsfonds|IWF|FMI|Fonds monétaire international|Fondo Monetario Internacional;
World Bank|Weltbank|Banque mondiale|Banco Mundial;World Trade Organization|WTO|OMC;European Central Bank|ECB|EZB|BCE|Europäische Zentralbank|Banque centrale européenne|Banco Central Europeo;
European Commission|EU Commission|EU-Kommission|Europäische Kommission|Commission européenne|Comisión Europea;European Parliament|Europäisches Parlament|Parlement européen|Parlamento Europeo;
African Union|AU|Afrikanische Union|Union africaine|UA|Unión Africana;ECOWAS|Cédéao|CEDEAO|Ecowas;ASEAN;OPEC|Opec|OPEP;G7;G20;OECD|OCDE;OSCE|OSZE;
UNICEF|Unicef;UNHCR;UNESCO|Unesco;International Criminal Court|ICC|Internationaler Strafgerichtshof|CPI|Cour pénale internationale|Corte Penal Internacional;
Red Cross|Rotes Kreuz|Croix-Rouge|Cruz Roja;Amnesty International;Human Rights Watch;Médecins Sans Frontières|MSF|Ärzte ohne Grenzen|Doctors Without Borders|Médicos Sin Fronteras;
Federal Reserve|Fed;Pentagon;White House|Weißes Haus|Maison Blanche|Casa Blanca;Kremlin|Kreml|Кремль;Élysée|Elysee|Élysée Palace;Downing Street;
Congress|US Congress;Bundestag;Bundesrat;Landtag;Bundeswehr;Bundesbank;Bundesregierung;Bundesverfassungsgericht;Knesset;Duma|State Duma|Госдума;
Assemblée nationale;Sénat;Cortes Generales|Congreso de los Diputados;Moncloa;Nasdaq|NASDAQ;New York Stock Exchange|NYSE;London Stock Exchange|LSE;
Reuters;Associated Press|AP;Agence France-Presse|AFP;dpa;BBC;CNN;Interpol;Europol;Hamas;Hezbollah|Hisbollah;Taliban;
CDU;CSU;SPD;FDP;AfD;Grüne|Grünen|Die Grünen|Bündnis 90/Die Grünen;Linke|Die Linke;Labour|Labour Party;Conservative Party|Tories;
Democratic Party|Democrats;Republican Party|Republicans|GOP;PSOE;Partido Popular|PP;Vox;Podemos;Sumar;Rassemblement national|RN;
La France insoumise|LFI;Les Républicains;Parti socialiste|PS;Google;Apple;Microsoft;Amazon.com;Meta;Tesla;OpenAI`;

/** An entry of the gazetteer. */
export interface GazetteerEntry {
  /** Canonical English form ("Germany"). */
  name: string;
  type: EntityType;
}

let index: Map<string, GazetteerEntry> | null = null;

/** Key used for gazetteer look-ups: folded, hyphens and dots as spaces, single spaces. */
export function gazetteerKey(text: string): string {
  return foldName(text)
    .replace(/[-‐‑.’']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ACRONYM = /^[\p{Lu}\p{N}.&]+$/u;

/** Acronyms only match when written in capitals ("WHO", not "Who"); they get their own key space. */
const acronymKey = (text: string) => `=${text.replace(/\./g, '')}`;

function build(): Map<string, GazetteerEntry> {
  const map = new Map<string, GazetteerEntry>();
  const add = (list: string, type: EntityType) => {
    for (const entry of list.split(';')) {
      const variants = entry.split('|').map((v) => v.trim()).filter(Boolean);
      const name = variants[0];
      if (!name) continue;
      for (const v of variants) {
        const key = ACRONYM.test(v) && v.length <= 6 ? acronymKey(v) : gazetteerKey(v);
        if (key && !map.has(key)) map.set(key, { name, type });
      }
    }
  };
  add(ORGANIZATIONS, 'organization');
  add(COUNTRIES, 'place');
  add(CITIES, 'place');
  add(REGIONS, 'place');
  return map;
}

/** The gazetteer entry for a name (any listed language, diacritics-insensitive), or undefined. */
export function lookUpGazetteer(text: string): GazetteerEntry | undefined {
  index ??= build();
  if (ACRONYM.test(text)) {
    const hit = index.get(acronymKey(text));
    if (hit) return hit;
  }
  return index.get(gazetteerKey(text));
}

/** All gazetteer names written in a script without letter case (CJK), for scanning such texts. */
export function uncasedGazetteerNames(): Array<[string, GazetteerEntry]> {
  index ??= build();
  return [...index.entries()].filter(([key]) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(key));
}
