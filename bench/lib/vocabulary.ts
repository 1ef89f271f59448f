// Words for the generated centre: names, trades, organisations and the phrases people type as the
// purpose of a booking. Lists are ordered from common to rare and drawn with Zipf's law, so a few
// names and words are everywhere and most are rare, as in a real centre.
import { zipf, type Random } from './random'

// prettier-ignore
export const FIRST_NAMES = [
  'Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Noah', 'Sophie', 'Levi', 'Tess', 'Finn', 'Zoë', 'Bram', 'Sara', 'Luuk',
  'Anna', 'Jesse', 'Eva', 'Thijs', 'Lotte', 'Milan', 'Saar', 'Ruben', 'Noor', 'Thomas', 'Fleur', 'Gijs', 'Lieke', 'Jan', 'Anouk',
  'Pieter', 'Marieke', 'Hendrik', 'Sanne', 'Joost', 'Femke', 'Mohamed', 'Fatima', 'Youssef', 'Amira', 'Mehmet', 'Elif', 'Kevin',
  'Iris', 'Tim', 'Roos', 'Stijn', 'Vera', 'Koen', 'Maud', 'Niels', 'Jasmijn', 'Wouter', 'Esther', 'Bas', 'Ilse', 'Gerrit', 'Hanneke',
  'Joris', 'Merel', 'Sven', 'Floor', 'Rik', 'Lisa', 'Dirk', 'Marloes', 'Arjen', 'Carlijn', 'Maarten', 'Inge', 'Ahmed', 'Samira',
  'Priya', 'Wei', 'Mei', 'Olga', 'Piotr', 'Agnieszka', 'João', 'Inês', 'Mateo', 'Lucía', 'Chloé', 'Benoît', 'Søren', 'Ingrid',
  'Aïcha', 'Kofi', 'Ama', 'Tjeerd', 'Hylke', 'Sjoukje', 'Wietske', 'Geert', 'Janneke', 'Teun', 'Ties', 'Olivier', 'Rosalie', 'Otto',
  'Willemijn', 'Cornelis', 'Margriet', 'Reinier', 'Bregje', 'Siebe', 'Djamila', 'Yara', 'Rayan', 'Nadia', 'Ömer', 'Zeynep',
]

/** Family names; "van", "de" and friends are part of the name, as in Dutch address books. */
// prettier-ignore
export const SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
  'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf',
  'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek',
  'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas',
  'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Jonge', 'Kuipers', 'van Veen', 'Post',
  'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk', 'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans',
  'Groen', 'Gerritsen', 'Jonker', 'van Loon', 'Boer', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch',
  'van Dongen', 'Schipper', 'de Koning', 'van der Laan', 'Koning', 'van der Velden', 'Driessen', 'van Doorn', 'Hermans', 'Evers',
  'van den Bosch', 'van der Meulen', 'Hofman', 'Bosman', 'Wolters', 'Sanders', 'van der Horst', 'Mol', 'Kuijpers', 'Molenaar',
  'van de Pol', 'de Leeuw', 'Verbeek', 'El Amrani', 'Yilmaz', 'Kaya', 'Öztürk', 'El Idrissi', 'Bouzid', 'Nguyen', 'Tran', 'Wang',
  'Kowalski', 'Nowak', 'Silva', 'Santos', 'García', 'Müller', 'Schmidt', 'Dubois', 'Lefèvre', 'Ramdin', 'Sewnath', 'Mensah',
  'Adjei', 'Boateng', 'Hoogendoorn', 'Zwart', 'Terpstra', 'Wiersma', 'Bijl', 'Ploeg', 'Spijkerman', 'Timmer', 'Houtman',
]

// prettier-ignore
export const TRADES = [
  'Meubelmaker', 'Interieurbouwer', 'Timmerman', 'Smid', 'Glazenier', 'Goudsmid', 'Zilversmid', 'Pianotechnicus', 'Instrumentmaker',
  'Restaurateur', 'Houtdraaier', 'Stoffeerder', 'Edelsmid', 'Lijstenmaker', 'Orgelbouwer', 'Vioolbouwer', 'Scheepstimmerman',
  'Kunstsmid', 'Leerbewerker', 'Modelmaker', 'Industrieel ontwerper', 'Architect', 'Beeldhouwer', 'Keramist', 'Glasblazer',
]

// prettier-ignore
export const SCHOOLS = [
  'Hout- en Meubileringscollege', 'Grafisch Lyceum', 'Koninklijke Academie van Beeldende Kunsten', 'Hogeschool Rotterdam',
  'Design Academy', 'Technische Universiteit Delft', 'ROC Midden Nederland', 'Gerrit Rietveld Academie',
  'Vakschool Schoonhoven', 'Instrumentmakersschool Leiden',
]

// prettier-ignore
export const COMPANIES = [
  'Atelier Eikenhout', 'Smederij Het Aambeeld', 'Glasatelier Lichtval', 'Pianohuis Van Dam', 'Goudsmederij Kleinood',
  'Meubelmakerij De Zaagbok', 'Restauratieatelier Oud Hout', 'Orgelmakerij Bakker', 'Studio Vorm & Veer', 'Houtwerk Noord',
  'Edelsmidse Facet', 'Leerwerkplaats Zadel', 'Interieurbouw Strak', 'Modelbouw Schaal', 'Kunstsmederij Vonk',
]

export const COORDINATOR_ORGANISATION = 'Kenniscentrum Werkbank'

// prettier-ignore
const ACTIVITIES = [
  'testen', 'snijden', 'frezen', 'graveren', 'prototype', 'mal', 'les', 'proefstuk', 'serie', 'fineren', 'afkanten', 'printen',
  'uitlijnen', 'kalibreren', 'schuren', 'vormverlijmen', 'inleggen', 'nesten', 'boren', 'zagen', 'lijmen', 'lakken', 'polijsten',
  'restauratie', 'reparatie', 'onderzoek', 'examen', 'opdracht', 'workshop', 'demonstratie',
]
// prettier-ignore
const OBJECTS = [
  'tafelblad', 'stoelzitting', 'kastfront', 'lampenkap', 'mallen', 'onderdelen', 'pianohamers', 'scharnier', 'sieraden', 'ring',
  'glas-in-lood', 'raam', 'deur', 'la', 'zwaluwstaart', 'pen-en-gat', 'rand', 'werkblad', 'panelen', 'letters', 'logo', 'bord',
  'kist', 'doos', 'kandelaar', 'hanger', 'broche', 'viool', 'klankkast', 'toetsen', 'mechaniek', 'leuning', 'poot', 'ornament',
  'gevelsteen', 'bank', 'bureau', 'boekenkast', 'spiegel', 'lijst',
]
// prettier-ignore
const MATERIALS = [
  'eiken', 'multiplex', 'MDF', 'noten', 'essen', 'beuken', 'acryl', 'PLA', 'leer', 'messing', 'zilver', 'glas', 'berken', 'kersen',
  'mahonie', 'esdoorn', 'vilt', 'karton', 'ABS', 'PETG', 'aluminium', 'koper', 'kurk', 'bamboe', 'linoleum', 'laminaat',
]
const THICKNESS = ['3 mm', '4 mm', '6 mm', '9 mm', '12 mm', '18 mm', '22 mm', '30 mm']
const CLIENTS = ['klant', 'school', 'tentoonstelling', 'symposium', 'museum', 'kerk', 'theater', 'gemeente']

const activity = zipf(ACTIVITIES)
const object = zipf(OBJECTS)
const material = zipf(MATERIALS)
const thickness = zipf(THICKNESS, 0.8)
const client = zipf(CLIENTS)

/** What someone types as the purpose of a booking: short, repetitive, a few words from a long tail. */
export function bookingPurpose(random: Random): string | null {
  const shape = random()
  if (shape < 0.18) return null
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
  if (shape < 0.45) return capital(`${activity(random)} ${object(random)}`)
  if (shape < 0.7) return capital(`${activity(random)} ${material(random)} ${thickness(random)}`)
  if (shape < 0.9) return capital(`${object(random)} ${material(random)}, ${activity(random)}`)
  return capital(`${activity(random)} ${object(random)} voor ${client(random)} (${material(random)})`)
}

// prettier-ignore
export const MAINTENANCE_PURPOSES = [
  'Lens en spiegels reinigen, uitlijnen', 'Jaarlijkse inspectie', 'Spindel smeren', 'Filters vervangen', 'Kalibratie',
  'Software-update', 'Afzuiging reinigen', 'Zaagblad wisselen', 'Storing verhelpen', 'Nozzle vervangen',
]
export const TRAINING_PURPOSES = ['Introductie', 'Veilig werken', 'Basistraining', 'Vervolgtraining', 'Examen vakbekwaamheid']
// prettier-ignore
export const CANCEL_REASONS = [
  'Ziek', 'Materiaal niet geleverd', 'Ontwerp nog niet klaar', 'Dubbel geboekt', 'Les vervalt', 'Andere afspraak',
  'Machine in storing', 'Planning gewijzigd',
]
