/**
 * Numbers typed by a person in a text field: French decimal comma or a dot, spaces as thousands
 * separators. `null` when the field is empty or not a number (never silently 0).
 */
import { i18n } from '../i18n/index.svelte';

export function readNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A number as the user's locale writes it in a field (2,5 in French). */
export function showNumber(v: number): string {
  const s = String(Math.round(v * 1e6) / 1e6);
  return i18n.locale === 'fr' ? s.replace('.', ',') : s;
}
