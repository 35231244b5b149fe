/**
 * Header → column role guesses from French and English export names, and a signature to
 * remember a confirmed mapping for the next file with the same headers.
 */
import type { ColumnRole } from '../domain/columns';
import { COLUMN_ROLES } from '../domain/columns';

/**
 * Accent-, case- and punctuation-insensitive form of a header: NFD without marks, lower case,
 * `œ`→`oe`, every run of non-alphanumerics → one space. `N° client` → `n client`,
 * `Chiffre d'affaires` → `chiffre d affaires`, `CA N-1` → `ca n 1`.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Rule = readonly [RegExp, number];

/** A regexp matching exactly one of the given normalised names. */
const exact = (...names: string[]): RegExp => new RegExp(`^(?:${names.join('|')})$`);

/** `(?:a|b|c)` source fragment for composing patterns. */
const alt = (...names: string[]): string => `(?:${names.join('|')})`;

const CA = alt(
  'ca',
  'c a',
  'chiffre d affaires?',
  'chiffres d affaires',
  'revenue',
  'revenues',
  'sales',
  'ventes',
  'turnover'
);
const TAX = String.raw`(?: ht| ttc| net| hors taxes?)?`;
const ID_OF = alt(
  'client',
  'compte',
  'tiers',
  'societe',
  'entreprise',
  'account',
  'customer',
  'company'
);
const NUMBER_WORD = alt('code', 'ref', 'reference', 'n', 'no', 'num', 'numero', 'nr');
const ACCOUNT = alt('client', 'compte', 'tiers', 'societe', 'entreprise');
const NAME_OF = alt(
  'client',
  'societe',
  'entreprise',
  'compte',
  'account',
  'company',
  'etablissement',
  'tiers'
);
const CURRENT = alt(
  'n',
  'annee n',
  'annee en cours',
  '12 mois',
  '12 derniers mois',
  'ytd',
  'exercice',
  'exercice en cours'
);
const PREVIOUS = alt(
  'n 1',
  'annee n 1',
  'annee precedente',
  'annee derniere',
  'an dernier',
  'precedent',
  'exercice precedent',
  'prev',
  'previous',
  'previous year',
  'last year',
  'prior year',
  'py'
);
const FIRM = alt('entreprise', 'societe', 'company', 'groupe', 'etablissement');

/** Scores: 100 exact name, 80–95 strong pattern, 50–70 weak hint. Below 50 = no guess. */
const RULES: Record<ColumnRole, readonly Rule[]> = {
  id: [
    [new RegExp(`^(id|identifiant|ident)( ${ID_OF})?$`), 100],
    [new RegExp(`^${NUMBER_WORD}( de| du)? ${ACCOUNT}$`), 100],
    [/^(client|customer|account|company|record) (id|number|no|code|ref)$/, 95],
    [/^(n |no |numero )?(siren|siret)( .*)?$/, 90],
    [/\b(siren|siret)\b/, 80],
    [exact('code', 'reference', 'ref'), 70]
  ],
  name: [
    [
      exact(
        'raison sociale',
        'societe',
        'entreprise',
        'company',
        'denomination',
        'denomination sociale',
        'nom commercial',
        'organisation',
        'organization'
      ),
      100
    ],
    [exact('nom', 'client', 'compte', 'account', 'customer', 'enseigne', 'etablissement'), 95],
    [new RegExp(`^(nom|raison sociale|denomination)( de la| du| de l| de| des)? ${NAME_OF}$`), 100],
    [/^(account|company|customer|organization|organisation|business) name$/, 100],
    [/^(raison sociale|denomination)\b/, 85],
    [/^nom\b/, 55]
  ],
  revenue: [
    [new RegExp(`^${CA}${TAX}( annuel| total| realise| facture| cumule| clients?)?${TAX}$`), 100],
    [new RegExp(`^${CA}${TAX} ${CURRENT}${TAX}$`), 100],
    [new RegExp(`^${CA}${TAX} (19|20)\\d{2}${TAX}$`), 100],
    [/^(total|montant) (des )?ventes$/, 90],
    [new RegExp(`^${CA}\\b`), 60]
  ],
  revenuePrev: [
    [new RegExp(`^${CA}${TAX} ${PREVIOUS}${TAX}$`), 100],
    [/^(previous|prev|last year|prior year|py|previous year) (revenue|sales|turnover)$/, 100],
    [/^(revenue|sales) (prev|previous|py|last year|prior year|previous year)$/, 100]
  ],
  companyRevenue: [
    [
      new RegExp(
        `^${CA}${TAX}( total| global| annuel)? (de l |de la |du |de |des )?${FIRM}${TAX}$`
      ),
      100
    ],
    [/^(company|annual|total company|entreprise|societe) (revenue|turnover|sales)$/, 100],
    [new RegExp(`^${CA}${TAX} (global|consolide|consolidated)$`), 90]
  ],
  headcount: [
    [
      exact(
        'effectif',
        'effectifs',
        'salaries',
        'nb salaries',
        'nombre de salaries',
        'nombre salaries',
        'nb employes',
        'nb d employes',
        'nombre d employes',
        'nombre employes',
        'employes',
        'headcount',
        'employees',
        'number of employees',
        'nb of employees',
        'staff',
        'tranche d effectif',
        'tranche effectif',
        'tranche d effectifs',
        'effectif salarie',
        'effectif total',
        'taille entreprise'
      ),
      100
    ],
    [/\b(effectifs?|salaries|employes|employees|headcount)\b/, 70]
  ],
  sector: [
    [
      exact(
        'secteur',
        'secteurs',
        'secteur d activite',
        'secteur activite',
        'activite',
        'industry',
        'industrie',
        'sector',
        'branche',
        'branche d activite',
        'domaine d activite',
        'activite principale',
        'metier',
        'vertical'
      ),
      100
    ],
    [/\b(secteur|industry|sector)\b/, 60]
  ],
  naf: [
    [/^(code )?(naf|ape)( (code|rev 2|2008|2025|ape|naf))?$/, 100],
    [/^code (ape|naf) (naf|ape)$/, 100],
    [/^activite principale exercee$/, 90],
    [/\b(naf|ape)\b/, 85]
  ],
  purchaseType: [
    [/^(type|types|famille|familles|categorie|nature)( d| de| des)? achats?$/, 100],
    [
      exact(
        'purchase type',
        'purchase category',
        'product family',
        'famille produits?',
        'famille de produits',
        'gamme',
        'gamme de produits'
      ),
      90
    ],
    [/\bachats?\b/, 70]
  ],
  region: [
    [
      exact(
        'region',
        'regions',
        'region commerciale',
        'zone',
        'zone commerciale',
        'zone geographique',
        'secteur geographique',
        'territoire',
        'territory',
        'region administrative'
      ),
      100
    ],
    [/\bregion\b/, 70]
  ],
  department: [
    [
      exact(
        'departement',
        'dept',
        'dep',
        'dpt',
        'department',
        'code departement',
        'n departement',
        'no departement',
        'numero departement',
        'num departement'
      ),
      100
    ],
    [/\bdepartement\b/, 70]
  ],
  postcode: [
    [
      exact(
        'code postal',
        'cp',
        'zip',
        'zip code',
        'zipcode',
        'postcode',
        'postal code',
        'code postale',
        'cp ville'
      ),
      100
    ],
    [/\b(code postal|zip|postcode|postal code)\b/, 80]
  ],
  city: [
    [exact('ville', 'commune', 'city', 'localite', 'town', 'agglomeration'), 100],
    [/\b(ville|commune|city)\b/, 70]
  ],
  rep: [
    [
      exact(
        'commercial',
        'commerciale',
        'commerciaux',
        'vendeur',
        'vendeuse',
        'rep',
        'sales rep',
        'owner',
        'attache commercial',
        'attachee commerciale',
        'account owner',
        'account manager',
        'proprietaire',
        'proprietaire du compte',
        'responsable',
        'responsable commercial',
        'responsable du compte',
        'charge d affaires',
        'charge de clientele',
        'kam',
        'key account manager',
        'technico commercial',
        'commercial assigne',
        'commercial affecte',
        'ingenieur commercial',
        'salesperson',
        'sales owner',
        'representant',
        'representant commercial'
      ),
      100
    ],
    [/\b(commercial|vendeur|owner|proprietaire)\b/, 60]
  ],
  accountType: [
    [
      exact(
        'type',
        'statut',
        'status',
        'client prospect',
        'prospect client',
        'clients prospects',
        'type client',
        'type de client',
        'type de compte',
        'type compte',
        'account type',
        'nature',
        'nature du compte',
        'type de tiers',
        'type tiers',
        'lifecycle stage',
        'cycle de vie',
        'etape du cycle de vie'
      ),
      100
    ],
    [/\bprospects?\b/, 80],
    [exact('categorie', 'categorie client'), 60]
  ],
  createdAt: [
    [
      exact(
        'date( de)? creation',
        'date creation client',
        'date de creation du compte',
        'date de creation client',
        'date premier achat',
        'date du premier achat',
        'date de premier achat',
        'date premiere commande',
        'date de premiere commande',
        'date de la premiere commande',
        'created',
        'created at',
        'created date',
        'creation date',
        'date created',
        'date d entree',
        'client depuis',
        'customer since',
        'date ouverture',
        'date d ouverture',
        'date ouverture compte',
        'date d ouverture du compte',
        'cree le',
        'date de saisie',
        'first purchase date',
        'first order date'
      ),
      100
    ],
    [/\b(creation|created|premier achat|premiere commande)\b/, 60]
  ]
};

/** Words that make a "name" column a person's name, not the account's. */
const PERSON_RE =
  /\b(contact|prenom|interlocuteur|commercial|vendeur|utilisateur|fichier|responsable)\b/;
const YEAR_RE = /\b(19|20)\d{2}\b/;

function ruleScore(norm: string, role: ColumnRole): number {
  let best = 0;
  for (const [re, score] of RULES[role]) if (score > best && re.test(norm)) best = score;
  return best;
}

/** Score (0–100) of `role` for a header; years are also tried removed (`CA 2024 entreprise`). */
export function roleScore(header: string, role: ColumnRole): number {
  const norm = normalizeHeader(header);
  if (norm === '') return 0;
  let score = ruleScore(norm, role);
  // `Nom du contact`, `Prénom` are people; an exact `Nom commercial` (trade name) is not.
  if (role === 'name' && score < 100 && PERSON_RE.test(norm)) return 0;
  const noYear = norm.replace(YEAR_RE, ' ').replace(/\s+/g, ' ').trim();
  if (noYear !== norm && noYear !== '') score = Math.max(score, ruleScore(noYear, role) - 5);
  return score;
}

/** Minimum score for a guess. */
export const MIN_SCORE = 50;

/**
 * Best role for one header on its own (score ≥ `MIN_SCORE`), or null. Ties go to the earlier role
 * in `COLUMN_ROLES`. See `guessMapping` for a whole file (one column per role, CA years).
 */
export function guessRole(header: string): ColumnRole | null {
  let best: ColumnRole | null = null;
  let bestScore = MIN_SCORE - 1;
  for (const role of COLUMN_ROLES) {
    const s = roleScore(header, role);
    if (s > bestScore) {
      best = role;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Roles for every header of a file: each role used at most once, best score first (ties → earlier
 * column, then earlier role). Revenue columns that differ only by a year (`CA 2023`, `CA 2024`):
 * the latest year → `revenue`, the one before → `revenuePrev`, older ones → unmapped.
 */
export function guessMapping(headers: readonly string[]): Array<ColumnRole | null> {
  const scores = headers.map((h) => COLUMN_ROLES.map((role) => roleScore(h, role)));
  const rev = COLUMN_ROLES.indexOf('revenue');
  const prev = COLUMN_ROLES.indexOf('revenuePrev');

  // Revenue-by-year columns: header whose best role is revenue and that carries a year.
  const years: Array<{ col: number; year: number }> = [];
  headers.forEach((h, col) => {
    const y = YEAR_RE.exec(normalizeHeader(h));
    const best = Math.max(...scores[col]);
    if (y && best >= MIN_SCORE && scores[col][rev] === best)
      years.push({ col, year: Number(y[0]) });
  });
  const distinct = [...new Set(years.map((y) => y.year))].sort((a, b) => b - a);
  if (distinct.length >= 2) {
    for (const { col, year } of years) {
      if (year === distinct[0]) continue;
      scores[col][rev] = 0;
      scores[col][prev] = year === distinct[1] ? 100 : 0;
    }
  }

  const candidates: Array<{ col: number; role: number; score: number }> = [];
  scores.forEach((row, col) =>
    row.forEach((score, role) => {
      if (score >= MIN_SCORE) candidates.push({ col, role, score });
    })
  );
  candidates.sort((a, b) => b.score - a.score || a.col - b.col || a.role - b.role);
  const result: Array<ColumnRole | null> = headers.map(() => null);
  const usedRoles = new Set<number>();
  for (const c of candidates) {
    if (result[c.col] !== null || usedRoles.has(c.role)) continue;
    result[c.col] = COLUMN_ROLES[c.role];
    usedRoles.add(c.role);
  }
  return result;
}

/** cyrb53: small, fast, well-mixed 53-bit string hash (public domain, bryc). */
function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Order-independent key of a header set, to remember a confirmed mapping: `h<count>-<hash>` where
 * the hash covers the sorted `normalizeHeader` forms (so accents, case, punctuation and column
 * order do not matter; a renamed, added or removed column does). Deterministic across runs.
 */
export function headerSignature(headers: readonly string[]): string {
  const key = headers.map(normalizeHeader).sort().join('\u001f');
  return `h${headers.length}-${cyrb53(key).toString(16).padStart(14, '0')}`;
}
