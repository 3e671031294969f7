/**
 * Compact word lists for English, German, French and Spanish: stop words and the cue words the
 * entity heuristics rely on. All lists are generic language knowledge, written by hand; none is
 * derived from the test fixtures. Entries are lowercase and diacritics-folded only where noted.
 */

/** Languages with full support (stop words, cue words). Others get script- and gazetteer-based analysis. */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;

/** A supported language. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Function words per language (lowercase, with diacritics). Used for key terms, language detection, run edges. */
export const STOP_WORDS: Record<SupportedLanguage, Set<string>> = {
  en: words(`
    a about above after again against all almost also although always am among an and another any anyone anything are
    around as at back be became because been before being below between both but by can cannot could did do does doing
    done down during each either else even ever every few for from further get gets got had has have having he her here
    hers herself him himself his how however i if in into is it its itself just last least less like made make many may
    me might more most much must my myself neither never no nor not now of off often on once one only onto or other
    others our ours ourselves out over own per perhaps rather same several she should since so some still such than
    that the their theirs them themselves then there these they this those though through thus to too toward towards
    under until up upon us very via was we were what whatever when where whether which while who whom whose why will
    with within without would yet you your yours yourself yourselves mr mrs ms dr near again
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december`),
  de: words(`
    aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bereits
    bin bis bisher bist da dabei dadurch dafür dagegen daher damit dann darauf darum das dass dem den denen denn der des
    deren dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines
    einige einigen einiger er es etwa euch für gegen gewesen hat hatte hatten haben hier hin hinter ich ihm ihn ihnen
    ihr ihre ihrem ihren ihrer im immer in indem ins ist ja jede jedem jeden jeder jedes jedoch jetzt kann kein keine
    keinem keinen keiner können könnte machen man manche mehr mehrere mein mit muss müssen nach nachdem nein nicht nichts
    noch nun nur ob oder ohne schon sehr sei seien sein seine seinem seinen seiner seit sich sie sind so solche soll
    sollen sollte sondern sowie über um und uns unser unter viel viele vom von vor wann war waren warum was weil weiter
    weitere welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar
    zwischen rund laut
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september
    oktober november dezember`),
  fr: words(`
    à ai aie aient ainsi alors après as au aucun aucune aujourd'hui auprès aussi autre autres aux avait avaient avant
    avec avoir ayant c ça car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment
    contre d dans de depuis des dès deux donc dont du elle elles en encore entre est et été être eu eux fait faire fois
    ici il ils j je jusqu l la là le les leur leurs lors lorsque lui m ma mais me même mes moi moins mon n ne ni non nos
    notre nous on ont ou où par parce pas peu peut plus plusieurs pour pourquoi qu quand que quel quelle quelles quels
    qui s sa sans se selon ses si sien son sont sous sur t ta tandis te tes toi ton tous tout toute toutes très tu un
    une vers vos votre vous y
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre
    octobre novembre décembre`),
  es: words(`
    a al algo algunas algunos ante antes aquí así aunque bajo bien cada casi como con contra cual cuales cuando cuándo
    de del desde donde dos durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta está estaba
    estado están estar estas este esto estos fue fueron ha había han hasta hay la las le les lo los más me mi mientras
    muy nada ni no nos nosotros o otra otras otro otros para pero poco por porque que qué quien quienes se según ser
    si sí sin sido sino sobre su sus también tan tanto te tiene tienen todo todos tras tu un una uno unos unas y ya
    yo hace este
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre
    setiembre octubre noviembre diciembre`),
};

/** Frequent words of news prose that say nothing about the story, per language (kept out of key terms). */
export const NEWS_WORDS: Record<SupportedLanguage, Set<string>> = {
  en: words(`said says say told added according also including year years day days week weeks month months time
    people percent per cent new first last next one two three four five six seven eight nine ten million billion
    thousand hundred would could should may might will must can like just well much many more most told asked
    statement official officials spokesperson spokesman spokeswoman reporters mr mrs ms dr morning evening night
    today yesterday tomorrow week's early late since ago`),
  de: words(`sagte sagt sagten erklärte teilte mit laut jahr jahre jahren tag tage tagen woche wochen monat monaten
    prozent millionen milliarden uhr heute gestern morgen frau herr dabei sowie bereits dafür seit gibt gab geben
    worden wurde wird müsse sei seien habe haben hatte zwei drei vier fünf sechs sieben acht neun zehn angaben
    nachmittag vormittag abend ende anfang mitte`),
  fr: words(`a déclaré dit selon ans an année années jour jours semaine mois heure heures pourcent millions milliards
    lors fait faire doit peut ainsi également aussi deux trois quatre cinq six sept huit neuf dix premier première
    déjà encore entre plus moins estime estimé mme m`),
  es: words(`dijo dice afirmó aseguró según año años día días semana mes meses hora horas por ciento millones mil
    también además dos tres cuatro cinco seis siete ocho nueve diez primer primera ya aún puede pueden debe sr sra`),
};

/** Honorifics and courtesy titles (lowercase, without a final full stop). */
export const HONORIFICS = words(`mr mrs ms miss mx dr prof sir dame lord lady herr frau hr fr m mme mlle mm me mgr
  sr sra srta sres dra don doña señor señora monsieur madame`);

/**
 * Titles and role nouns that can stand right before a name ("President", "Minister", "Kanzlerin",
 * "ministre", "alcalde"). Lowercase. German compounds are matched by their ending (see `TITLE_SUFFIXES_DE`).
 */
export const TITLES = words(`president vice prime minister chancellor secretary general governor mayor senator
  congressman congresswoman representative rep sen gov ambassador judge justice chief director ceo chairman chairwoman
  chair commissioner councillor councilor alderman king queen prince princess pope cardinal bishop archbishop rabbi
  imam sheikh emir sultan colonel general gen lieutenant lt major captain capt sergeant sgt admiral commander marshal
  inspector detective officer professor prof doctor coach manager striker midfielder goalkeeper defender leader
  spokesman spokeswoman spokesperson deputy foreign interior defence defense finance health justice economy trade
  premier president-elect
  präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin bürgermeister
  bürgermeisterin oberbürgermeister oberbürgermeisterin ministerpräsident ministerpräsidentin sprecher sprecherin
  vorsitzende vorsitzender chef chefin direktor direktorin professor professorin trainer trainerin richter richterin
  abgeordnete abgeordneter landrat landrätin senator senatorin botschafter botschafterin general generalin vorstand
  studentin student wirtin wirt anwalt anwältin
  président présidente ministre maire premier sénateur sénatrice député députée directeur directrice général générale
  ambassadeur ambassadrice juge général préfet préfète porte-parole
  presidente presidenta ministro ministra alcalde alcaldesa gobernador gobernadora senador senadora diputado diputada
  director directora embajador embajadora juez jueza consejero consejera secretario secretaria portavoz general`);

/** German title endings: "Bundesverkehrsminister", "Innenministerin", "Landesvorsitzende", "Personalvorstand". */
export const TITLE_SUFFIXES_DE = [
  'minister', 'ministerin', 'präsident', 'präsidentin', 'kanzler', 'kanzlerin', 'bürgermeister', 'bürgermeisterin',
  'sprecher', 'sprecherin', 'vorsitzende', 'vorsitzender', 'chef', 'chefin', 'vorstand', 'direktor', 'direktorin',
  'trainer', 'trainerin', 'abgeordnete', 'abgeordneter', 'botschafter', 'botschafterin', 'sekretär', 'sekretärin',
  'führer', 'führerin', 'leiter', 'leiterin',
];

/** Lowercase role nouns that introduce or describe a person ("said spokeswoman X", "X, a researcher"). */
export const PERSON_NOUNS = words(`spokesman spokeswoman spokesperson analyst researcher economist adviser advisor
  fellow professor lawyer attorney engineer owner resident founder executive officer minister president governor
  mayor leader director chairman chairwoman candidate senator coach player singer actor actress author writer
  journalist reporter student teacher nurse doctor farmer councillor secretary-general secretary envoy diplomat
  commander general colonel coordinator manager chief head deputy representative activist campaigner scientist
  expert official worker victim witness son daughter wife husband mother father brother sister woman man
  porte-parole chercheur chercheuse économiste avocat avocate maire ministre député députée délégué déléguée
  conseiller conseillère directeur directrice président présidente lycéen lycéenne étudiant étudiante homologue
  portavoz investigador investigadora economista abogado abogada alcalde alcaldesa ministro ministra consejero
  consejera presidente presidenta candidata candidato empresario empresaria politóloga politólogo registrador
  registradora comerciante jubilado jubilada secretaria secretario exconcejala exconcejal concejal concejala`);

/** Lowercase nouns that introduce or describe an organisation ("the firm X", "la société X", "X, the company"). */
export const ORG_NOUNS = words(`company firm group bank agency charity organisation organization union party
  ministry department institute university council committee regulator broadcaster newspaper airline carrier
  insurer lender startup start-up maker manufacturer retailer operator developer producer supplier network alliance
  coalition movement trust foundation association federation fund club team court
  société entreprise groupe banque agence association fédération syndicat parti institut université opérateur
  constructeur assureur compagnie
  empresa compañía grupo banco agencia asociación federación sindicato partido instituto universidad operadora
  constructora aseguradora aerolínea organización
  konzern unternehmen firma gruppe bank agentur verband gewerkschaft partei institut universität`);

/** Lowercase nouns that introduce a place ("the town of X", "la ville de X", "die Stadt X", "X province"). */
export const PLACE_NOUNS = words(`city town village villages towns cities region province state states county
  district capital port island islands river rivers lake valley area suburb neighbourhood neighborhood borough
  municipality country countries republic kingdom coast border airport station street
  mountains range residents inhabitants sierra montaña montañas macizo massif monts habitants résidents vecinos
  habitantes einwohner bewohner
  ville villes village villages commune communes région province département pays capitale port île fleuve rivière
  lac vallée quartier gare aéroport
  ciudad ciudades pueblo pueblos municipio municipios región provincia departamento país capital puerto isla río
  lago valle barrio barrios cuenca comuna aeropuerto localidad
  stadt städte dorf gemeinde region provinz land hauptstadt hafen insel fluss see tal bezirk landkreis kreis`);

/**
 * Words that make a capitalised run an organisation (matched per token, case-insensitively, and as
 * German compound endings for the `de` list). Legal forms included.
 */
export const ORG_WORDS = words(`ministry department council party parliament congress senate commission committee
  agency authority bank university college institute institution foundation trust association union federation
  organization organisation office board bureau service services court tribunal police army navy forces guard corps
  group company corporation corp inc ltd llc plc co holdings capital partners systems technologies airlines airways
  motors energy pharmaceuticals media news times post journal press network centre center fund club society league
  alliance coalition front movement church hospital academy museum chamber assembly cabinet government
  administration democrats republicans conservatives socialists liberals greens workers affairs exchange chiefs
  gmbh ag kg se ev sa sas sarl spa nv bv srl sl
  ministerium partei gewerkschaft verband bund verein institut universität hochschule stiftung amt behörde gericht
  kommission agentur konzern gruppe polizei regierung rat vereinigung
  ministère assemblée sénat conseil agence banque parti syndicat communauté organisation fédération société groupe
  cour métropole mairie préfecture gouvernement fondation confédération compagnie
  ministerio gobierno junta consejo congreso senado comisión agencia banco partido unión instituto universidad
  confederación federación asociación fundación organización sindicato tribunal corte policía ejército ayuntamiento
  generalitat fiscalía defensoría procuraduría contraloría registraduría misión`);

/** German compound endings that make a single capitalised word an organisation ("Bundesbank", "Hilfswerk"). */
export const ORG_SUFFIXES_DE = [
  'ministerium', 'bank', 'partei', 'gewerkschaft', 'verband', 'verein', 'institut', 'universität', 'stiftung',
  'behörde', 'gericht', 'kommission', 'agentur', 'konzern', 'dienst', 'hilfswerk', 'werke', 'polizei', 'amt',
  'vereinigung', 'kammer', 'verbund', 'betrieb', 'büro',
];

/** Words that make a capitalised run a place ("River Wend", "Quay Street", "Isla Mayor", "Steinerne Brücke"). */
export const PLACE_WORDS = words(`river lake mount mountains sea ocean gulf bay island islands street road avenue port
  square bridge park valley county province district desert canal strait peninsula coast cape harbour harbor
  lane drive crescent terrace boulevard highway motorway wharf embankment
  straße platz brücke see wald gebirge tal insel fluss hafen ufer
  rue place pont lac mont île boulevard golfe mer vallée
  calle plaza avenida puente río lago isla sierra monte parque barrio comuna provincia valle mar golfo`);

/** Place-name endings used as weak evidence for a single unknown word (German and English toponymy). */
export const PLACE_SUFFIXES: Partial<Record<SupportedLanguage, RegExp>> = {
  de: /(?:burg|berg|dorf|stadt|hausen|heim|furt|kirchen|bach|ingen|hafen|brück|rode|stedt|leben|weiler|walde|see|[^bfs]au|straße|platz|promenade|ufer)$/u,
  en: /(?:ton|ford|ham|borough|bury|field|wick|mouth|chester|caster|shire|brook|gate|ville|burg|polis|stan|land|minster)$/u,
};

/**
 * Street types: a run ending in one (English "Marsh Lane", German compounds "Hauptstraße") or starting
 * with one (French and Spanish "rue de la Paix", "calle Mayor") names a street, i.e. a place, never a
 * person. "Quai" is left out on purpose: French news uses "Quai d'Orsay" for the foreign ministry.
 */
export const STREET_WORDS = words(`street road lane avenue drive crescent terrace boulevard highway
  straße strasse gasse allee platz chaussee
  rue avenue boulevard place allée impasse chemin cours
  calle avenida plaza paseo camino ronda travesía carretera`);

/**
 * German street-name endings, for single compound words ("Bahnhofstraße", "Lindenallee"). Not "-platz",
 * "-gasse", "-weg": "Arbeitsplatz", "Sackgasse" and "Ausweg" are common nouns.
 */
export const STREET_SUFFIXES_DE = /(?:straße|strasse|allee|chaussee|promenade)$/u;

/**
 * Lowercase nouns for a part of a place, followed by "of"/"de"/"von" + the place ("the interior of
 * Castellón", "le nord de la Loire", "el sur de Sevilla", "the outskirts of Kharkiv").
 */
export const PLACE_PART_NOUNS = words(`outskirts interior north south east west centre center heart suburbs
  outskirt edge
  interior norte sur este oeste centro afueras alrededores periferia corazón
  nord sud est ouest centre banlieue périphérie cœur environs
  norden süden osten westen zentrum rand umland stadtrand`);

/**
 * Heads of place-bound offices: "mayor of X", "maire de X", "alcalde de X", "Bürgermeister von X",
 * "la préfecture de la Côte-d'Or", "Landrat von X". The X is a place.
 */
export const PLACE_OFFICE_NOUNS = words(`mayor governor maire gouverneur préfet préfète préfecture mairie alcalde
  alcaldesa gobernador gobernadora ayuntamiento bürgermeister bürgermeisterin oberbürgermeister
  oberbürgermeisterin landrat landrätin stadtrat gemeinderat`);

/**
 * Lowercase heads of French and Spanish institution names written before "de" + a capitalised name
 * ("ministère de l'Économie", "conseil départemental des Vosges", "université de Lorraine").
 */
export const LOWERCASE_ORG_HEADS = words(`ministère université conseil cour tribunal
  ministerio universidad consejería tribunal`);

/**
 * Heads of organisation names that French and Spanish continue in lowercase ("Institut d'études de
 * sécurité", "Bureau interprofessionnel des vins de Bourgogne", "Instituto de estudios fiscales").
 */
export const ORG_HEADS_ROMANCE = words(`institut bureau agence office observatoire centre conseil comité commission
  fédération confédération syndicat association fondation autorité haut haute école
  instituto oficina agencia observatorio centro consejo comité comisión federación confederación sindicato
  asociación fundación autoridad escuela`);

/**
 * Common German nouns that follow "in", "nach", "aus" without an article ("in Zukunft", "nach Angaben",
 * "aus Sicht"): after these prepositions a capitalised word is only a town when it is not one of them.
 */
export const PREPOSITIONAL_NOUNS_DE = words(`zukunft kraft frage gefahr betrieb richtung höhe ruhe haft not zeit kürze
  summe angaben ansicht sicht sorge angst furcht protest reaktion folge anspruch anbetracht abstimmung bezug
  erwartung hinblick hinsicht teilen grund gründen eile panik ordnung rente pension urlaub kauf auftrag besitz
  gang arbeit schule rente planung zusammenarbeit verbindung verantwortung vollzeit teilzeit deutsch englisch
  französisch übrigen einzelnen wirklichkeit wahrheit ausnahme anwesenheit abwesenheit beispiel vorbereitung
  erinnerung fahrt bar wasser luft boden land stadt feuer flammen trümmern ruinen schutt hause versehen
  sachen bedarf regen nacht tag tagen gelegenheit bund ländern`);

/** Prepositions after which a capitalised word is likely a place ("in", "nach", "à", "en"). */
export const PLACE_PREPOSITIONS: Record<SupportedLanguage, Set<string>> = {
  en: words('in at from to near across outside inside into towards toward throughout around via'),
  de: words('in nach aus bei von zwischen'),
  fr: words('à en au aux depuis vers près'),
  es: words('en desde hacia hasta cerca'),
};

/** Verbs of speech (lowercase); a name right before or after one is probably a person. */
export const SPEECH_VERBS = words(`said says told added warned stated argued insisted explained noted wrote asked
  replied announced claimed acknowledged admitted urged tweeted posted
  sagte sagt sagten erklärte betonte meinte warnte kritisierte forderte fügte kündigte schrieb teilte sprach
  déclaré dit affirmé expliqué ajouté estimé souligné assuré indiqué averti annoncé précisé rappelé
  dijo afirmó aseguró explicó añadió advirtió señaló declaró indicó subrayó anunció insistió bromeaba pidió`);

/** Month and weekday names and other capitalised non-entities (lowercase, several languages). */
export const NON_ENTITY_WORDS = words(`monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december christmas easter ramadan god internet i
  montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober dezember
  weihnachten ostern
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre
  octobre novembre décembre noël
  lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre
  octubre noviembre diciembre navidad`);

/** All-caps words that are common nouns, not organisations. */
export const NON_ENTITY_ACRONYMS = words(`ai ceo cfo coo cto gdp tv pm am ok dna rna hiv aids covid ngo ngos mp mps vat
  ipo lgbt lgbtq pdf usb gps sms faq diy uv co2 it ii iii iv vip id eu-wide km kg cm mm gmt utc bc ad pr hr`);

/** Definite articles and contractions: a capitalised run right after one is not a person's name. */
export const ARTICLES = words(`the der die das den dem des le la les du des au aux el la los las del al`);

/** Conjunctions that coordinate names ("Cameroon and Chad", "Sevilla y Córdoba"). */
export const CONJUNCTIONS = words('and or und oder et ou y e o');

/** Lowercase particles that may sit inside a name ("Ursula von der Leyen", "Junta de Andalucía", "Bank of England"). */
export const NAME_CONNECTORS = words(`of for the and on upon de del della di da dos das do du des la le los las l d y
  e et von van der den zu am an im für para pour en sur bin ibn al el`);

/** Connectors that belong in personal names (the others only in organisations and places). */
export const NAME_PARTICLES = words('von van der den de del della di da dos das do du la le zu bin ibn al el ter ten');

/** Possessive English words that belong inside a name ("Republican People's Party"). */
export const NAME_POSSESSIVES = words('people workers women children citizens farmers men veterans');
