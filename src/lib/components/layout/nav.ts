import type { MessageKey } from '$lib/i18n/index.svelte';

export interface NavItem {
  href: string;
  label: MessageKey;
  step?: number;
  /** The step's screen is built (the home page says « Prêt », else « À venir »). */
  ready?: boolean;
}

/** Navigation follows the method: Données → Segmentation → … → Suivi. */
export const NAV: readonly NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/donnees', label: 'nav.data', step: 1, ready: true },
  { href: '/segmentation', label: 'nav.segmentation', step: 2, ready: true },
  { href: '/couverture', label: 'nav.coverage', step: 3, ready: true },
  { href: '/ressources', label: 'nav.resources', step: 4, ready: true },
  { href: '/optimisation', label: 'nav.optimisation', step: 5 },
  { href: '/plans', label: 'nav.plans', step: 6, ready: true },
  { href: '/suivi', label: 'nav.followup', step: 7 }
];
