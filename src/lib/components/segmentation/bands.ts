import { t, type MessageKey } from '$lib/i18n/index.svelte';

/** "Haut", "Moyen", "Bas" (or "Haut", "Bas" with 2 bands). */
export function bandName(i: number, bands: number): string {
  return t((bands === 2 && i === 1 ? 'seg.band2.1' : `seg.band.${i}`) as MessageKey);
}
