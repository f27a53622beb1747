import autocannon from 'autocannon';
import { fork } from 'node:child_process';
const mode = process.argv[2] ?? 'info';
const child = fork('.scratch-kk-server.mts', [mode], { execArgv: ['--import', 'tsx', '--cpu-prof', '--cpu-prof-dir=/tmp/kk/prof-' + mode], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const url = await new Promise<string>((ok) => child.once('message', (m: any) => ok(m.url)));
await autocannon({ url: `${url}/api/v1/exempelstad`, connections: 20, amount: 40000 });
child.send('start'); child.send('stop');
await new Promise((ok) => child.once('exit', ok));
process.exit(0);
