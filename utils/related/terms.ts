/**
 * A small multilingual dictionary of common news concepts, so that coverage in another
 * language counts as sharing a term: "strike" ~ "Streik" ~ "grève" ~ "huelga" ~ "sciopero" ~
 * "greve" ~ "staking". Generic news vocabulary only (disasters, elections, courts, labour,
 * economy, conflict, transport), never a story's or a site's own words.
 *
 * Each concept lists folded words (lower case, no accents) in English, German, French, Spanish,
 * Italian, Portuguese and Dutch. A token belongs to a concept when it is one of the words or one
 * of them with another common inflectional ending, or — for German and
 * Dutch compounds ("Präsidentschaftswahl", "Waldbrand", "presidentsverkiezingen") — when it ends
 * with one of the concept's compound heads. `+word` is a word and a compound head ("Krieg",
 * "Bürgerkrieg"); `*word` is a compound head only ("*brand": "Waldbrand" is a fire, "brand"
 * alone is English for a make; "+wahl": "Wahl" and "Stichwahl").
 */

/** Concept → words. Ambiguous short words ("vol", "taux", "fallo", "paro", "rente") are left out on purpose. */
const CONCEPTS: Record<string, string> = {
  earthquake: `earthquake earthquakes quake quakes tremor tremors erdbeben +beben seisme seismes tremblement terremoto terremotos
    sismo sismos scossa scosse aardbeving aardbevingen`,
  flood: `flood floods flooding flooded +hochwasser uberschwemmung uberschwemmungen +flut inondation inondations crue crues
    inundacion inundaciones riada alluvione alluvioni inondazione inundacao inundacoes enchente enchentes cheia cheias
    overstroming overstromingen`,
  fire: `fire fires wildfire wildfires blaze blazes bushfire *brand *brande +feuer incendie incendies incendio incendios fuego
    incendi rogo fogo bosbrand`,
  storm: `storm storms hurricane typhoon cyclone sturm orkan unwetter tempete ouragan tormenta huracan tempesta uragano
    tempestade furacao`,
  landslide: `landslide landslides erdrutsch glissement deslizamiento frana frane deslizamento aardverschuiving`,
  volcano: `volcano eruption vulkan vulkanausbruch volcan eruzione vulcano vulcao erupcao vulkaan uitbarsting`,
  drought: `drought durre secheresse sequia siccita seca droogte`,
  heatwave: `heatwave hitzewelle canicule canicula hittegolf`,
  dead: `dead death deaths died kill kills killed killing fatalities tote toten todesopfer getotet mort morts deces
    muertos muerto muertes fallecidos morti morto mortos mortes doden dode dodental omgekomen`,
  injured: `injured injuries wounded verletzte verletzten verletzt blesse blesses heridos herido feriti ferito feridos gewonden`,
  missing: `missing vermisst vermisste vermissten disparus disparu desaparecidos dispersi desaparecido vermisten`,
  rescue: `rescue rescuers rescued rescuer retter rettung rettungskrafte bergung secours secouristes sauveteurs rescate rescatistas
    socorristas soccorsi soccorritori resgate redding reddingswerkers`,
  evacuation: `evacuate evacuated evacuation evacuations evakuierung evakuiert evakuierungen evacues evacuacion evacuados
    evacuazione evacuati evacuacao evacuatie geevacueerd`,
  homeless: `homeless displaced obdachlos obdachlose obdachlosen sinistres desplazados damnificados sfollati senzatetto
    desalojados desabrigados dakloos`,
  victims: `victims victim opfer victimes victime victimas victima vittime vittima vitimas vitima slachtoffers slachtoffer`,
  emergency: `emergency notstand notfall ausnahmezustand urgence emergencia emergenza noodtoestand`,
  vote: `vote votes voted voting ballot ballots referendum abstimmung abstimmungen stimmen voix votos voti stemming stemmen`,
  election: `election elections elect elects elected electoral voters polls +wahl +wahlen gewahlt wahlt
    wahler scrutin elu elue elus electeurs eleccion elecciones comicios elige elegido elegida electores elezione elezioni
    eletto eletta elettori ballottaggio eleicao eleicoes elege eleito eleita eleitores +verkiezing +verkiezingen gekozen kiezers`,
  president: `president presidents presidential presidency prasident prasidentin prasidenten prasidentschaft presidente presidenta
    presidentielle presidentiel presidenziale presidenziali presidencial presidenciais presidentschap`,
  turnout: `turnout wahlbeteiligung participation participacion affluenza participacao opkomst`,
  victory: `victory wins won sieg siegt gewinnt gewonnen victoire gagne remporte victoria gana gano vittoria vince vinto vitoria
    vence venceu winst wint`,
  defeat: `defeat defeated concede concedes niederlage defaite derrota sconfitta nederlaag`,
  resign: `resign resigns resigned resignation rucktritt zurucktreten zuruckgetreten demission demissionne dimision dimite
    dimette dimissioni demissao demite ontslag`,
  ceasefire: `ceasefire truce +waffenruhe +waffenstillstand cessez treve tregua cessate bestand wapenstilstand
    wapenbestand`,
  talks: `talks negotiations negotiators verhandlungen gesprache negociations pourparlers negociaciones conversaciones trattative
    negoziati negociacoes onderhandelingen`,
  agreement: `deal agreement accord einigung abkommen vereinbarung acuerdo accordo acordo akkoord overeenkomst`,
  sanctions: `sanctions sanktionen sanciones sanzioni sancoes sancties`,
  war: `war wars +krieg guerre guerra guerras oorlog`,
  attack: `attack attacks attacked +angriff +anschlag angriffe attaque attentat ataque atentado attacco attentato aanslag aanval`,
  explosion: `explosion explosions blast explosionen explosao esplosione explosie`,
  hostages: `hostages hostage geiseln otages rehenes ostaggi refens gijzelaars`,
  refugees: `refugees migrants asylum fluchtlinge migranten asyl refugies demandeurs refugiados migrantes asilo rifugiati migranti
    vluchtelingen asielzoekers`,
  border: `border borders grenze frontiere frontera confine fronteira grens`,
  protest: `protest protests protesters demonstrators demonstration proteste demonstranten kundgebung manifestation manifestants
    protesta protestas manifestantes manifestazione protestos betoging betogers`,
  strike: `strike strikes striking walkout walkouts +streik +streiks ausstand greve greves grevistes debrayage huelga huelgas
    huelguistas sciopero scioperi +staking +stakingen`,
  union: `union unions gewerkschaft gewerkschaften syndicat syndicats intersyndicale sindicato sindicatos sindacato
    sindacati sindicatos vakbond vakbonden`,
  wages: `wages pay salary salaries lohn lohne lohnen gehalt gehalter salaire salaires salario salarios salari stipendi
    loon lonen`,
  workers: `workers employees staff beschaftigte arbeiter mitarbeiter belegschaft travailleurs employes ouvriers trabajadores
    empleados lavoratori dipendenti trabalhadores funcionarios werknemers personeel`,
  layoffs: `layoffs redundancies stellenabbau entlassungen licenciements suppressions despidos licenziamenti esuberi
    demissoes despedimentos ontslagen`,
  factory: `factory factories plant plants fabrik usine usines fabrica planta fabbrica stabilimento fabriek`,
  takeover: `takeover acquisition acquire acquires acquired buyout ubernahme ubernimmt rachat rachete adquisicion adquiere
    acquisizione acquisisce aquisicao overname`,
  bankruptcy: `bankruptcy insolvency insolvent bankrupt insolvenz pleite faillite quiebra bancarrota fallimento falencia
    faillissement failliet`,
  tariff: `tariff tariffs +zoll +zolle +zollen douane douanes arancel aranceles dazi dazio tarifas tarief tarieven
    invoerheffingen`,
  inflation: `inflation inflacion inflazione inflacao inflatie teuerung`,
  interest: `interest +zins +zinsen leitzins zinssatz interet interes interesse juros`,
  prices: `prices price preise preis prix precios precio prezzi prezzo precos preco prijzen prijs`,
  tax: `tax taxes +steuer +steuern impot impots impuesto impuestos imposta imposte imposto impostos belasting belastingen`,
  budget: `budget budgets haushalt presupuesto presupuestos bilancio orcamento begroting`,
  unemployment: `unemployment jobless arbeitslosigkeit arbeitslose chomage desempleo disoccupazione desemprego werkloosheid`,
  pension: `pension pensions retirement renten rentenreform retraite retraites jubilacion pensiones pensioni pensao pensoes
    pensioen`,
  court: `court courts +gericht gerichts tribunal tribunaux tribunales tribunale corte juzgado rechtbank`,
  ruling: `ruling rulings verdict judgment judgement +urteil urteile jugement sentencia veredicto sentenza verdetto sentenca
    vonnis uitspraak`,
  trial: `trial +prozess proces proceso processo`,
  arrest: `arrest arrests arrested festnahme festgenommen verhaftet arrestation interpelle detenido detenidos detencion arrestato
    arrestati arresto detido detidos gearresteerd arrestatie`,
  prison: `prison jail imprisonment gefangnis haft haftstrafe carcel prision prigione carcere prisao gevangenis`,
  fine: `fined penalty geldstrafe bussgeld amende multa multas multe boete`,
  investigation: `investigation probe inquiry ermittlungen ermittlung untersuchung enquete investigacion indagine inchiesta
    investigacao onderzoek`,
  police: `police polizei policia polizia politie`,
  outage: `outage outages blackout panne pannen ausfall storung apagon guasto falha storing`,
  cancelled: `cancelled canceled cancels cancellation cancellations annulliert gestrichen annule annules annulation annulations
    cancelados cancelado cancela cancelacion cancellati cancellato cancelamento geannuleerd`,
  flights: `flight flights flug fluge vuelo vuelos volo voli voo voos vlucht vluchten`,
  airport: `airport airports flughafen aeroport aeropuerto aeroporto luchthaven`,
  airline: `airline airlines fluggesellschaft airline compagnie aerolinea aerolineas compagnia companhia luchtvaartmaatschappij`,
  passengers: `passengers passenger passagiere fahrgaste passagers voyageurs pasajeros viajeros passeggeri passageiros
    passagiers reizigers`,
  train: `train trains rail railway railways *zug *zuge +bahn tren trenes treno treni ferroviario comboio comboios trem trein
    treinen spoorwegen`,
  hospital: `hospital hospitals krankenhaus klinik hopital hopitaux ospedale ospedali ziekenhuis`,
  mayor: `mayor burgermeister burgermeisterin maire alcalde alcaldesa sindaco prefeito burgemeester`,
  minister: `minister ministers ministerin ministre ministro ministra`,
  parliament: `parliament parliamentary parlament parlement parlamento parlamentare`,
  recall: `recall recalls ruckruf ruckrufaktion rappel richiamo terugroepactie`,
  climate: `climate klima climat clima klimaat`,
};

/** Concept keys look like `~strike`: never equal to a stem or a name key. */
const PREFIX = '~';

interface Tables {
  /** Folded word, and its inflection key, → concept key. */
  words: Map<string, string>;
  /** Compound heads: word → concept key. */
  heads: Map<string, string>;
  /** Distinct head lengths, longest first. */
  headLengths: number[];
}

let tables: Tables | null = null;

/**
 * A word without one common inflectional ending ("strikes" → "strik", "elected" → "elect",
 * "scioperi" → "scioper"), for words of 6+ letters; null when nothing is left to strip or fewer
 * than 5 letters remain ("rules" is not "ruling", "store" is not "storing"). Whole words are compared, never prefixes:
 * "investors" is not "investigation", "politics" is not "politie".
 */
function inflectionKey(word: string): string | null {
  if (word.length < 6) return null;
  const key = word.replace(/(?:ing|ed|es|en|s|e|n|d|i|a|o)$/, '');
  return key.length >= 5 && key !== word ? key : null;
}

function build(): Tables {
  const words = new Map<string, string>();
  const heads = new Map<string, string>();
  for (const [concept, list] of Object.entries(CONCEPTS)) {
    const key = PREFIX + concept;
    for (const raw of list.split(/\s+/)) {
      if (!raw) continue;
      const head = raw[0] === '+' || raw[0] === '*';
      const word = head ? raw.slice(1) : raw;
      if (head) heads.set(word, key);
      if (raw[0] === '*') continue;
      words.set(word, key);
      const k = inflectionKey(word);
      if (k && !words.has(k)) words.set(k, key);
    }
  }
  const headLengths = [...new Set([...heads.keys()].map((w) => w.length))].sort((a, b) => b - a);
  return { words, heads, headLengths };
}

/** Shortest compound looked into: a head of 3+ letters after a modifier of 3+. */
const MIN_COMPOUND = 6;

/** The concept key (`~election`) of a folded token, or null. */
export function conceptOf(token: string): string | null {
  const t = (tables ??= build());
  const direct = t.words.get(token);
  if (direct) return direct;
  const k = inflectionKey(token);
  const inflected = k ? t.words.get(k) : undefined;
  if (inflected) return inflected;
  if (token.length < MIN_COMPOUND) return null;
  // German and Dutch compounds: the head (last part) carries the meaning ("Präsidentschaftswahl" is an election).
  // The longest head wins ("Waffenstillstand" before "stand"), after a modifier of 3+ letters.
  for (const length of t.headLengths) {
    if (token.length - length < 3) continue;
    const head = t.heads.get(token.slice(token.length - length));
    if (head) return head;
  }
  return null;
}

/** Every concept word, for tests: concept key → folded words. */
export function conceptWords(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [concept, list] of Object.entries(CONCEPTS)) {
    out.set(PREFIX + concept, list.split(/\s+/).filter(Boolean).map((w) => w.replace(/^[+*]/, '')));
  }
  return out;
}

/** Whether a key is a concept key (as returned by {@link conceptOf}). */
export function isConceptKey(key: string): boolean {
  return key.startsWith(PREFIX);
}

/** The concept's display name ("~ceasefire" → "ceasefire"). */
export function conceptName(key: string): string {
  return key.slice(PREFIX.length);
}
