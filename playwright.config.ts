import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.js';

/**
 * Browser tests of the staff console against the real local stack (started by the global setup on
 * free ports). Chromium is Debian's package (Playwright's own download is not reachable here).
 */
export default defineConfig({
  testDir: 'console/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './console/e2e/global-setup.ts',
  // One worker: the machine has two cores, and the tests share one stack and its clock.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '.data/playwright',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1440, height: 900 },
    // Cloudscape honours it: a flash still fading in when axe looks has its text at part opacity, which axe
    // reports as low contrast. Screens are judged, and photographed, at rest.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
