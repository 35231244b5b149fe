/**
 * The built-in sample customer file: a seeded, realistic French SME export (clients and
 * prospects of a B2B supplier). The app's "Essayer avec des données d'exemple" and the tests use
 * this same code, so what a test checks is what a visitor sees.
 */
import type { ColumnMeta, ColumnValues } from './columns';
import { createRng } from './random';

export interface SampleAccount {
  siren: string; // 9 digits, leading zeros kept
  name: string;
  sector: string;
  naf: string;
  headcount: number;
  /** Company revenue (firmographic), € per year. */
  companyRevenue: number;
  region: string;
  department: string;
  postcode: string;
  city: string;
  rep: string;
  type: 'Client' | 'Prospect';
  /** Our revenue with the account this year, € (0 for prospects). */
  revenue: number;
  /** Our revenue with the account last year, €. */
  revenuePrev: number;
  /** Account creation, epoch days. */
  createdAt: number;
}

const SECTORS: ReadonlyArray<readonly [string, string, number]> = [
  ['Industrie agroalimentaire', '10.89Z', 12],
  ['Métallurgie', '25.62B', 10],
  ['Construction', '41.20A', 14],
  ['Commerce de gros', '46.69B', 13],
  ['Transport et logistique', '49.41A', 9],
  ['Hôtellerie-restauration', '56.10A', 7],
  ['Édition de logiciels', '58.29C', 6],
  ['Conseil et ingénierie', '71.12B', 8],
  ['Santé', '86.10Z', 6],
  ['Enseignement', '85.59A', 4],
  ['Chimie', '20.59Z', 5],
  ['Énergie', '35.14Z', 3],
  ['Services aux entreprises', '82.99Z', 3]
];

/** Region, department code, postcode prefix pool, cities. */
const PLACES: ReadonlyArray<readonly [string, string, readonly string[], number]> = [
  ['Île-de-France', '75', ['Paris'], 14],
  ['Île-de-France', '92', ['Nanterre', 'Boulogne-Billancourt', 'Courbevoie'], 8],
  ['Île-de-France', '93', ['Saint-Denis', 'Montreuil', 'Aubervilliers'], 5],
  ['Auvergne-Rhône-Alpes', '69', ['Lyon', 'Villeurbanne', 'Vénissieux'], 9],
  ['Auvergne-Rhône-Alpes', '38', ['Grenoble', 'Échirolles', 'Voiron'], 5],
  ['Auvergne-Rhône-Alpes', '01', ['Bourg-en-Bresse', 'Oyonnax', 'Ambérieu-en-Bugey'], 3],
  ["Provence-Alpes-Côte d'Azur", '13', ['Marseille', 'Aix-en-Provence', 'Aubagne'], 7],
  ["Provence-Alpes-Côte d'Azur", '06', ['Nice', 'Cannes', 'Antibes'], 4],
  ['Occitanie', '31', ['Toulouse', 'Blagnac', 'Colomiers'], 6],
  ['Occitanie', '34', ['Montpellier', 'Béziers', 'Sète'], 4],
  ['Nouvelle-Aquitaine', '33', ['Bordeaux', 'Mérignac', 'Pessac'], 6],
  ['Hauts-de-France', '59', ['Lille', 'Roubaix', 'Tourcoing', 'Dunkerque'], 7],
  ['Grand Est', '67', ['Strasbourg', 'Haguenau', 'Sélestat'], 4],
  ['Grand Est', '57', ['Metz', 'Thionville', 'Forbach'], 3],
  ['Pays de la Loire', '44', ['Nantes', 'Saint-Nazaire', 'Rezé'], 5],
  ['Bretagne', '35', ['Rennes', 'Saint-Malo', 'Fougères'], 4],
  ['Normandie', '76', ['Rouen', 'Le Havre', 'Dieppe'], 4],
  ['Bourgogne-Franche-Comté', '21', ['Dijon', 'Beaune', 'Chenôve'], 3],
  ['Centre-Val de Loire', '45', ['Orléans', 'Montargis', 'Gien'], 2],
  ['Corse', '2A', ['Ajaccio', 'Porto-Vecchio'], 1]
];

/** Reps: field reps cover regions, inside reps everything else. */
const REPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Camille Martin', ['Île-de-France']],
  ['Julien Bernard', ['Île-de-France', 'Centre-Val de Loire', 'Normandie']],
  ['Sophie Lefèvre', ['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté']],
  ['Mehdi Benali', ["Provence-Alpes-Côte d'Azur", 'Occitanie', 'Corse']],
  ['Élodie Moreau', ['Nouvelle-Aquitaine', 'Pays de la Loire', 'Bretagne']],
  ['Thomas Dubois', ['Hauts-de-France', 'Grand Est']],
  ['Chloé Garnier', []],
  ['Antoine Roux', []]
];

const NAME_FIRST = [
  'Atelier',
  'Groupe',
  'Société',
  'Ets',
  'Maison',
  'Compagnie',
  'Laboratoires',
  'Transports',
  'Fonderie',
  'Boulangeries',
  'Imprimerie',
  'Menuiserie',
  'Garage',
  'Clinique',
  'Cabinet',
  'Studio'
];
const NAME_CORE = [
  'Lefèvre',
  'Durand',
  'Mercier',
  'Fontaine',
  'Chevalier',
  'Gauthier',
  'Rousseau',
  'Bonnet',
  'Lambert',
  'Faure',
  'André',
  'Girard',
  'Mathieu',
  'Clément',
  'Renaud',
  'Brun',
  'Aubert',
  'Perrin',
  'Noël',
  'Héraud',
  'Besançon',
  'Océane',
  'Cévennes',
  'Léman',
  'Provençale',
  "d'Armor",
  'Étoile',
  'Vallée',
  'Côte',
  'Forêt'
];
const NAME_SUFFIX = [
  '',
  '',
  '',
  ' & Fils',
  ' SA',
  ' SAS',
  ' SARL',
  ' Industries',
  ' Services',
  ' et Cie'
];

const HEADCOUNT_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 9, 30],
  [10, 49, 38],
  [50, 249, 22],
  [250, 999, 8],
  [1000, 5000, 2]
];

/** Default size of the sample workspace. */
export const SAMPLE_SIZE = 2000;
export const SAMPLE_SEED = 20260301;

/** Generates `count` sample accounts, deterministically from `seed`. */
export function generateSampleAccounts(count = SAMPLE_SIZE, seed = SAMPLE_SEED): SampleAccount[] {
  const rng = createRng(seed);
  const sectorWeights = SECTORS.map((s) => s[2]);
  const placeWeights = PLACES.map((p) => p[3]);
  const usedSiren = new Set<string>();
  const accounts: SampleAccount[] = [];
  const day2015 = Date.UTC(2015, 0, 1) / 86_400_000;
  const day2025 = Date.UTC(2025, 11, 31) / 86_400_000;
  for (let i = 0; i < count; i++) {
    let siren: string;
    do {
      // About 8 % of SIRENs start with 0: the leading zero must survive everything.
      siren = String(
        rng.next() < 0.08 ? rng.int(1_000_000, 99_999_999) : rng.int(300_000_000, 999_999_999)
      ).padStart(9, '0');
    } while (usedSiren.has(siren));
    usedSiren.add(siren);
    const [sector, naf] = SECTORS[rng.weighted(sectorWeights)];
    const [region, department, cities] = PLACES[rng.weighted(placeWeights)];
    const city = rng.pick(cities);
    const postcode =
      department === '75'
        ? `750${String(rng.int(1, 20)).padStart(2, '0')}`
        : department === '2A'
          ? `20${rng.pick(['000', '090', '137'])}`
          : `${department}${String(rng.int(0, 9) * 100).padStart(3, '0')}`;
    const band = HEADCOUNT_BANDS[rng.weighted(HEADCOUNT_BANDS.map((b) => b[2]))];
    const headcount = rng.int(band[0], band[1]);
    // Company revenue ≈ 120 k€ per head, lognormal spread, rounded to the thousand.
    const companyRevenue =
      Math.round((headcount * 120_000 * Math.exp(0.5 * rng.normal())) / 1000) * 1000;
    const isClient = rng.next() < 0.62;
    // Pareto-like spread: lognormal revenue that grows with the company's size.
    const revenue = isClient
      ? Math.round(
          Math.min(2_500_000, 900 * Math.pow(headcount, 0.55) * Math.exp(1.25 * rng.normal())) * 100
        ) / 100
      : 0;
    const growth = Math.exp(0.18 * rng.normal());
    const revenuePrev = isClient
      ? rng.next() < 0.1
        ? 0 // new client this year
        : Math.round((revenue / growth) * 100) / 100
      : rng.next() < 0.05
        ? Math.round(rng.int(500, 20_000) * 100) / 100 // lost client, now a prospect
        : 0;
    const fieldReps = REPS.filter((r) => r[1].includes(region)).map((r) => r[0]);
    const insideReps = REPS.filter((r) => r[1].length === 0).map((r) => r[0]);
    // Small accounts and prospects lean towards inside reps.
    const rep =
      fieldReps.length > 0 && (headcount >= 50 || rng.next() < 0.45)
        ? rng.pick(fieldReps)
        : rng.pick(insideReps);
    const name = `${rng.pick(NAME_FIRST)} ${rng.pick(NAME_CORE)}${rng.pick(NAME_SUFFIX)}`;
    accounts.push({
      siren,
      name,
      sector,
      naf,
      headcount,
      companyRevenue,
      region,
      department,
      postcode,
      city,
      rep,
      type: isClient ? 'Client' : 'Prospect',
      revenue,
      revenuePrev,
      createdAt: rng.int(day2015, day2025)
    });
  }
  return accounts;
}

/** Column layout of the sample file, with the headers a French CRM export would use. */
export const SAMPLE_COLUMNS: readonly ColumnMeta[] = [
  { key: 'c0', name: 'SIREN', type: 'id', role: 'id' },
  { key: 'c1', name: 'Raison sociale', type: 'text', role: 'name' },
  { key: 'c2', name: 'Secteur', type: 'category', role: 'sector' },
  { key: 'c3', name: 'Code NAF', type: 'category', role: 'naf' },
  { key: 'c4', name: 'Effectif', type: 'number', role: 'headcount' },
  { key: 'c5', name: 'CA entreprise (€)', type: 'number', role: 'companyRevenue' },
  { key: 'c6', name: 'Région', type: 'category', role: 'region' },
  { key: 'c7', name: 'Département', type: 'category', role: 'department' },
  { key: 'c8', name: 'Code postal', type: 'id', role: 'postcode' },
  { key: 'c9', name: 'Ville', type: 'category', role: 'city' },
  { key: 'c10', name: 'Commercial', type: 'category', role: 'rep' },
  { key: 'c11', name: 'Type', type: 'category', role: 'accountType' },
  { key: 'c12', name: 'CA 2025', type: 'number', role: 'revenue' },
  { key: 'c13', name: 'CA 2024', type: 'number', role: 'revenuePrev' },
  { key: 'c14', name: 'Date de création', type: 'date', role: 'createdAt' }
];

function dictColumn(values: string[]): ColumnValues {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Uint32Array(values.length);
  values.forEach((v, i) => {
    let code = index.get(v);
    if (code === undefined) {
      code = dict.length;
      dict.push(v);
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { kind: 'dict', codes, dict };
}

/** The sample accounts as typed columns keyed like SAMPLE_COLUMNS. */
export function sampleToColumns(accounts: readonly SampleAccount[]): Record<string, ColumnValues> {
  const f64 = (get: (a: SampleAccount) => number): ColumnValues => ({
    kind: 'f64',
    values: Float64Array.from(accounts, get)
  });
  return {
    c0: { kind: 'str', values: accounts.map((a) => a.siren) },
    c1: { kind: 'str', values: accounts.map((a) => a.name) },
    c2: dictColumn(accounts.map((a) => a.sector)),
    c3: dictColumn(accounts.map((a) => a.naf)),
    c4: f64((a) => a.headcount),
    c5: f64((a) => a.companyRevenue),
    c6: dictColumn(accounts.map((a) => a.region)),
    c7: dictColumn(accounts.map((a) => a.department)),
    c8: { kind: 'str', values: accounts.map((a) => a.postcode) },
    c9: dictColumn(accounts.map((a) => a.city)),
    c10: dictColumn(accounts.map((a) => a.rep)),
    c11: dictColumn(accounts.map((a) => a.type)),
    c12: f64((a) => a.revenue),
    c13: f64((a) => a.revenuePrev),
    c14: f64((a) => a.createdAt)
  };
}

/** The sample file as a French Excel would export it: `;`, decimal comma, dd/mm/yyyy. */
export function sampleToFrenchCsv(accounts: readonly SampleAccount[]): string {
  const money = (n: number): string => n.toFixed(2).replace('.', ',');
  const date = (d: number): string => {
    const iso = new Date(d * 86_400_000).toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  };
  const quote = (s: string): string => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [SAMPLE_COLUMNS.map((c) => c.name).join(';')];
  for (const a of accounts) {
    lines.push(
      [
        a.siren,
        quote(a.name),
        a.sector,
        a.naf,
        String(a.headcount),
        money(a.companyRevenue),
        quote(a.region),
        a.department,
        a.postcode,
        a.city,
        a.rep,
        a.type,
        money(a.revenue),
        money(a.revenuePrev),
        date(a.createdAt)
      ].join(';')
    );
  }
  return lines.join('\r\n') + '\r\n';
}
