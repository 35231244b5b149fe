import { fold as foldText } from '../domain/text';
/**
 * Client / prospect status from the values of an `accountType` column.
 */

export type AccountType = 'client' | 'prospect';

/** Folded, with anything but letters and digits made one space. */
function fold(s: string): string {
  return foldText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CLIENT: ReadonlySet<string> = new Set([
  'client',
  'clients',
  'cl',
  'cli',
  'customer',
  'customers',
  'actif',
  'active',
  'client actif',
  'compte client',
  'client existant',
  'existing customer'
]);

const PROSPECT: ReadonlySet<string> = new Set([
  'prospect',
  'prospects',
  'pr',
  'lead',
  'leads',
  'suspect',
  'suspects',
  'prospect chaud',
  'prospect froid',
  'prospect tiede',
  'nouveau prospect',
  'opportunite'
]);

/**
 * `client` for client / clients / CL / customer / actif (and a few spelled-out variants),
 * `prospect` for prospect / PR / lead / suspect / opportunité (idem); case, accents and
 * punctuation are ignored. Anything else — blank, `inactif`, `ancien client`, `partenaire` —
 * → null, so the caller can list unrecognised values instead of guessing.
 */
export function parseAccountType(raw: string): AccountType | null {
  if (typeof raw !== 'string') return null;
  const s = fold(raw);
  if (CLIENT.has(s)) return 'client';
  if (PROSPECT.has(s)) return 'prospect';
  return null;
}
