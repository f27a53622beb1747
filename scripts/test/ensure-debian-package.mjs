// Browser and database tests use Debian's packages; nothing here downloads binaries of its
// own. On a Debian machine where we are root, install what is missing the way CI does;
// elsewhere say what is missing and stop.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDebianPackage(name, present, hint) {
  if (present()) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`${name} is missing. ${hint}`);
    process.exit(1);
  }
  console.log(`Installing ${name} from Debian (apt-get install ${name})…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${name}`, { stdio: 'inherit' });
}
