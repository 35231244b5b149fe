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

/** Remembers a field's value when it gets focus (`<svelte:document onfocusin={rememberValue} />`). */
export function rememberValue(e: FocusEvent): void {
  const el = e.target;
  if (el instanceof HTMLInputElement) el.dataset.last = el.value;
}

/**
 * Applies the number typed in a field when it is valid (not empty, ≥ 0, ≤ max); otherwise says so
 * in plain words, puts the last value back in the field and changes nothing.
 */
export function commitNumber(
  e: Event,
  apply: (v: number) => void,
  onInvalid: (field: string) => void,
  max = Infinity
): void {
  const input = e.currentTarget as HTMLInputElement;
  const v = readNumber(input.value);
  if (v === null || v < 0 || v > max) {
    onInvalid(
      input.getAttribute('aria-label') ?? input.closest('label')?.textContent?.trim() ?? ''
    );
    input.value = input.dataset.last ?? input.defaultValue;
    return;
  }
  apply(v);
}
