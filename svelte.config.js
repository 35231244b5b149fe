import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({
      pages: process.env.PODIUM_OUT || 'build',
      assets: process.env.PODIUM_OUT || 'build',
      fallback: 'index.html',
      strict: true
    }),
    // workbox-window registers the service worker (see src/lib/pwa/register.ts).
    serviceWorker: { register: false },
    version: { name: process.env.PODIUM_BUILD_ID || undefined },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Only inline style allowed: SvelteKit's route announcer (a fixed attribute, hashed).
        'style-src': [
          'self',
          'unsafe-hashes',
          'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
        ],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
