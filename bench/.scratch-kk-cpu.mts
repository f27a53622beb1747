import autocannon from 'autocannon';
import { fork } from 'node:child_process';
const amount = Number(process.env.N ?? 20000);
const results: Record<string, number[]> = {};
for (let round = 0; round < 5; round++) for (const mode of ['off', 'warn', 'prod']) {
  const child = fork('.scratch-kk-server.mts', [mode], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const url = await new Promise<string>((ok) => child.once('message', (m: any) => ok(m.url)));
  await autocannon({ url: `${url}/api/v1/exempelstad`, connections: 20, amount: 3000 });
  child.send('start');
  const r = await autocannon({ url: `${url}/api/v1/exempelstad`, connections: 20, amount });
  child.send('stop');
  const cpu = await new Promise<any>((ok) => child.once('message', (m: any) => ok(m.cpu)));
  (results[mode] ??= []).push(Math.round((cpu.user + cpu.system) / r.requests.total));
}
console.log('µs CPU per request', results);
process.exit(0);
