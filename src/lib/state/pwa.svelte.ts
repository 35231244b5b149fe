/** Service worker state for the UI: an update waiting for the user's consent. */
import { registerServiceWorker } from '../pwa/register';

class PwaState {
  updateReady = $state(false);
  offlineReady = $state(false);
  private acceptFn: (() => void) | null = null;
  check: (() => Promise<void>) | null = null;

  start(dev: boolean): void {
    this.check = registerServiceWorker(
      {
        onUpdateWaiting: (accept) => {
          this.acceptFn = accept;
          this.updateReady = true;
        },
        onOfflineReady: () => (this.offlineReady = true)
      },
      dev
    );
  }

  accept(): void {
    this.acceptFn?.();
  }
}

export const pwa = new PwaState();
