/**
 * Service worker registration through workbox-window. A new version waits until the user accepts
 * the "Nouvelle version disponible — Recharger" prompt; then it is told to skip waiting and the
 * page reloads once the new worker controls it. Nothing activates before that.
 */
import { Workbox } from 'workbox-window';

export interface PwaHooks {
  onUpdateWaiting: (accept: () => void) => void;
  onOfflineReady: () => void;
}

export function registerServiceWorker(hooks: PwaHooks, dev: boolean): (() => Promise<void>) | null {
  if (!('serviceWorker' in navigator)) return null;
  const wb = new Workbox('/service-worker.js', { type: dev ? 'module' : 'classic' });
  const accept = () => {
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  };
  wb.addEventListener('waiting', () => hooks.onUpdateWaiting(accept));
  wb.addEventListener('activated', (event) => {
    if (!event.isUpdate) hooks.onOfflineReady();
  });
  void wb.register();
  // Look for a new version when the tab comes back, and every hour.
  const check = async () => {
    try {
      await wb.update();
    } catch {
      // offline: try again later
    }
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
  setInterval(() => void check(), 60 * 60 * 1000);
  return check;
}
