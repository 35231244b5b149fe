/**
 * Column model shared by import, storage, the worker and the UI.
 *
 * An account table is a set of typed columns (never row objects): numbers and dates as
 * Float64Array (NaN = empty), booleans as Uint8Array (0 false, 1 true, 255 empty), text as
 * string arrays, categories as dictionary codes. Every column keeps its original header name.
 */

/** What a column means to the method (method.md, step 1). */
export type ColumnRole =
  | 'id' // identifiant, SIREN, SIRET, code client
  | 'name' // raison sociale, nom
  | 'revenue' // CA de l'année (with us), €
  | 'revenuePrev' // CA N-1 (with us), €
  | 'companyRevenue' // CA de l'entreprise (firmographic), €
  | 'headcount' // effectif
  | 'sector' // secteur, activité
  | 'naf' // code NAF / APE
  | 'purchaseType' // type d'achats
  | 'region' // région
  | 'department' // département
  | 'postcode' // code postal
  | 'city' // ville
  | 'rep' // commercial assigné
  | 'accountType' // client / prospect
  | 'createdAt'; // date de création / premier achat

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'id',
  'name',
  'revenue',
  'revenuePrev',
  'companyRevenue',
  'headcount',
  'sector',
  'naf',
  'purchaseType',
  'region',
  'department',
  'postcode',
  'city',
  'rep',
  'accountType',
  'createdAt'
];

/** Storage type of a column. `id` is text that must never be reinterpreted (leading zeros). */
export type ColumnType = 'number' | 'date' | 'boolean' | 'id' | 'category' | 'text';

export interface ColumnMeta {
  /** Stable key inside a dataset: `c0`, `c1`, … (never the header, which may be `__proto__`). */
  key: string;
  /** Header as it appeared in the file (made unique). */
  name: string;
  type: ColumnType;
  role: ColumnRole | null;
}

/** Values of one column for a run of rows, in the form the worker keeps resident. */
export type ColumnValues =
  | { kind: 'f64'; values: Float64Array }
  | { kind: 'u8'; values: Uint8Array }
  | { kind: 'str'; values: string[] }
  | { kind: 'dict'; codes: Uint32Array; dict: string[] };

/** Days since 1970-01-01 (UTC) are how dates are stored: integral, timezone-free. */
export type EpochDay = number;

export const BOOL_EMPTY = 255;
