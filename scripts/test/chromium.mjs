// Launch settings for Debian's Chromium, shared by every browser test layer. Nothing may
// download a browser on these machines, and the flags keep Chromium off the closed network.
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export const launchOptions = { executablePath, headless: true, args: chromiumArgs };
