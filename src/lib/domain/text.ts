/** Text compared the way people type it: lower case, without accents (« Étoile » → « etoile »). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
