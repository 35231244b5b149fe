import type { MessageKey } from '$lib/i18n/index.svelte';

export interface NavItem {
  href: string;
  label: MessageKey;
  step?: number;
}

/** Navigation follows the method: Données → Segmentation → … → Suivi. */
export const NAV: readonly NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/donnees', label: 'nav.data', step: 1 },
  { href: '/segmentation', label: 'nav.segmentation', step: 2 },
  { href: '/couverture', label: 'nav.coverage', step: 3 },
  { href: '/ressources', label: 'nav.resources', step: 4 },
  { href: '/optimisation', label: 'nav.optimisation', step: 5 },
  { href: '/plans', label: 'nav.plans', step: 6 },
  { href: '/suivi', label: 'nav.followup', step: 7 }
];
