import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The tests read bantin's messages in English; tests/cli/language.test.ts unsets this to
    // see the site's own language chosen.
    env: { BANTIN_LANG: 'en' },
  },
});
