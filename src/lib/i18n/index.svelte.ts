/**
 * Messages and formatting. `t()` reads the current locale (a rune), so text re-renders when the
 * language changes. Numbers, money, percentages and dates go through Intl in that locale.
 */
import { en } from './en';
import { fr, type MessageKey } from './fr';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'podium.locale';

class I18n {
  locale = $state<Locale>('fr');

  constructor() {
    try {
      const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
      if (saved === 'fr' || saved === 'en') this.locale = saved;
    } catch {
      // private mode without storage: stay in French
    }
  }

  set(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // ignore
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  get tag(): string {
    return this.locale === 'fr' ? 'fr-FR' : 'en-GB';
  }
}

export const i18n = new I18n();

export type MessageParams = Record<string, string | number>;

/** The message `key` in the current locale, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[i18n.locale][key] ?? fr[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m
  );
}

export const fmt = {
  number(n: number, digits = 0): string {
    return new Intl.NumberFormat(i18n.tag, { maximumFractionDigits: digits }).format(n);
  },
  integer(n: number): string {
    return new Intl.NumberFormat(i18n.tag, { maximumFractionDigits: 0 }).format(n);
  },
  /** Euros; `compact` for dashboards (1,2 M€). */
  currency(n: number, compact = false): string {
    return new Intl.NumberFormat(i18n.tag, {
      style: 'currency',
      currency: 'EUR',
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 2,
      minimumFractionDigits: compact ? 0 : 2
    }).format(n);
  },
  /** `share` in [0, 1]. */
  percent(share: number, digits = 0): string {
    return new Intl.NumberFormat(i18n.tag, {
      style: 'percent',
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
      signDisplay: 'auto'
    }).format(share);
  },
  signedPercent(share: number, digits = 1): string {
    return new Intl.NumberFormat(i18n.tag, {
      style: 'percent',
      maximumFractionDigits: digits,
      signDisplay: 'exceptZero'
    }).format(share);
  },
  /** Epoch days or a timestamp in ms (`ms: true`). */
  date(value: number, ms = false): string {
    const d = new Date(ms ? value : value * 86_400_000);
    return new Intl.DateTimeFormat(i18n.tag, {
      dateStyle: 'short',
      timeZone: ms ? undefined : 'UTC'
    }).format(d);
  },
  dateTime(ms: number): string {
    return new Intl.DateTimeFormat(i18n.tag, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(ms)
    );
  },
  bytes(n: number): string {
    const units = ['o', 'Ko', 'Mo', 'Go', 'To'];
    const unitsEn = ['B', 'kB', 'MB', 'GB', 'TB'];
    let i = 0;
    let v = n;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return `${new Intl.NumberFormat(i18n.tag, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${(i18n.locale === 'fr' ? units : unitsEn)[i]}`;
  }
};

export type { MessageKey };
