/**
 * The environment Chromium starts with: this process's, without libfaketime's preload. Under the far-date
 * check (`faketime -f '+4700d' npm test`, docs/development.md) Chromium never finishes loading a page; a
 * test that needs the browser at the stack's time installs it with Playwright's clock instead.
 */
const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...machineClockEnv } = process.env;

/** How every tool here starts Chromium: Debian's own (`CHROMIUM_PATH` to use another), headless-friendly flags. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  env: machineClockEnv,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
};
