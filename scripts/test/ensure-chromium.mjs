import { existsSync } from 'node:fs';
import { executablePath } from './chromium.mjs';
import { ensureDebianPackage } from './ensure-debian-package.mjs';

export function ensureChromium() {
  ensureDebianPackage(
    'chromium',
    () => existsSync(executablePath),
    `Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
  );
}
