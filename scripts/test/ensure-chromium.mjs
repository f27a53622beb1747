// Browser tests run in Debian's Chromium; nothing here may download a browser. On a fresh
// Debian machine where we are root, install it the way CI does; elsewhere say what is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { executablePath } from './chromium.mjs';

export function ensureChromium() {
  if (existsSync(executablePath)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `Chromium was not found at ${executablePath}. Install Debian's package (apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian (apt-get install chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
