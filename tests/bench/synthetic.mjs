// Seeded synthetic customer files for the benchmark: 12 columns as a French CRM exports them
// (`;`, decimal comma, dd/mm/yyyy), about 90 bytes a row.

/**
 * mulberry32, the same generator as src/lib/domain/random.ts.
 * @param {number} seed
 */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (/** @type {number} */ min, /** @type {number} */ max) =>
      min + Math.floor(next() * (max - min + 1)),
    pick: (/** @type {string[]} */ xs) => xs[Math.floor(next() * xs.length)],
    normal: () => Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12))) * Math.cos(2 * Math.PI * next())
  };
}

const SECTORS = [
  'Industrie',
  'Commerce de gros',
  'Construction',
  'Transport',
  'Santé',
  'Conseil',
  'Énergie',
  'Hôtellerie'
];
const REGIONS = [
  'Île-de-France',
  'Auvergne-Rhône-Alpes',
  'Occitanie',
  'Bretagne',
  'Grand Est',
  'Normandie'
];
const REPS = [
  'Camille Martin',
  'Julien Bernard',
  'Sophie Lefèvre',
  'Mehdi Benali',
  'Élodie Moreau',
  'Thomas Dubois'
];
const CITIES = [
  'Paris',
  'Lyon',
  'Toulouse',
  'Rennes',
  'Strasbourg',
  'Rouen',
  'Lille',
  'Évry',
  'Besançon'
];

export const SYNTHETIC_HEADER =
  'SIREN;Raison sociale;CA 2025;CA 2024;Effectif;Secteur;Région;Commercial;Ville;Code postal;Date de création;Nb commandes';

/**
 * The file's text; `rows` data rows after the header.
 * @param {number} rows
 * @param {number} [seed]
 */
export function syntheticCsv(rows, seed = 42) {
  const r = rng(seed);
  const out = [SYNTHETIC_HEADER];
  for (let i = 0; i < rows; i++) {
    const rev = Math.round(Math.exp(8 + 1.5 * r.normal()) * 100) / 100;
    const prev = Math.round(rev * (0.8 + 0.4 * r.next()) * 100) / 100;
    out.push(
      [
        String(r.int(1_000_000, 999_999_999)).padStart(9, '0'),
        `Société ${i} ${r.pick(CITIES)}`,
        rev.toFixed(2).replace('.', ','),
        prev.toFixed(2).replace('.', ','),
        String(r.int(1, 900)),
        r.pick(SECTORS),
        r.pick(REGIONS),
        r.pick(REPS),
        r.pick(CITIES),
        String(r.int(1000, 95999)).padStart(5, '0'),
        `${String(r.int(1, 28)).padStart(2, '0')}/${String(r.int(1, 12)).padStart(2, '0')}/${r.int(2000, 2025)}`,
        String(r.int(0, 300))
      ].join(';')
    );
  }
  return out.join('\r\n') + '\r\n';
}
