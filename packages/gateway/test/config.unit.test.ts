import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, resolveConfig, substituteEnv } from '../src/config/load.js';

const valid = {
  publicUrl: 'https://e-tjanster.exempelstad.se',
  kommuner: [
    {
      id: 'exempelstad',
      name: 'Exempelstads kommun',
      origins: ['https://www.exempelstad.se'],
      services: {
        felanmalan: {
          adapter: 'builtin',
          referencePrefix: 'EXS',
          caseWorkerApiKey: 'a-long-case-worker-key',
          categories: [{ code: 'klotter', name: 'Klotter', description: '', group: 'Stadsmiljö', keywords: [] }],
        },
      },
      identityProvider: { issuer: 'https://idp.exempelstad.se', clientId: 'kk', clientSecret: 's3cret' },
    },
  ],
};

const withKommun = (patch: Record<string, unknown>) => ({ ...valid, kommuner: [{ ...valid.kommuner[0], ...patch }] });

describe('gateway config', () => {
  it('accepts a valid config and fills in session defaults', () => {
    const config = resolveConfig(valid);
    expect(config.kommunById.get('exempelstad')?.name).toBe('Exempelstads kommun');
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 8 });
  });

  it.each([
    [withKommun({ origins: ['https://www.exempelstad.se/sida'] }), 'kommuner[0].origins[0]'],
    [withKommun({ id: 'Exempel Stad' }), 'kommuner[0].id'],
    [withKommun({ services: { bygglov: { adapter: 'builtin' } } }), 'kommuner[0].services'],
    [withKommun({ services: { felanmalan: { adapter: 'open311', referencePrefix: 'EXS', caseWorkerApiKey: 'a-long-case-worker-key', categories: [] } } }), 'kommuner[0].services.felanmalan.categories'],
    [withKommun({ colour: 'red' }), 'kommuner[0].colour'],
    [{ ...valid, publicUrl: undefined }, 'publicUrl'],
  ])('names the bad key', (raw, key) => {
    expect(() => resolveConfig(raw, 'kommunkit.json')).toThrow(ConfigError);
    expect(() => resolveConfig(raw, 'kommunkit.json')).toThrow(key);
  });

  it('needs a forwarding target when felanmälan uses the open311 adapter', () => {
    const felanmalan = { ...valid.kommuner[0]!.services.felanmalan, adapter: 'open311' };
    expect(() => resolveConfig(withKommun({ services: { felanmalan } }))).toThrow('kommuner[0].services.felanmalan.forward');
  });

  it('refuses two kommuner with one id', () => {
    expect(() => resolveConfig({ ...valid, kommuner: [valid.kommuner[0], valid.kommuner[0]] })).toThrow('kommuner[1].id');
  });

  it('fills ${NAME} and ${NAME:-default} from the environment and names a missing variable', () => {
    const raw = { publicUrl: 'http://localhost:${PORT:-8080}', idp: { clientSecret: '${KK_SECRET}' } };
    expect(substituteEnv(raw, { KK_SECRET: 'hemligt' })).toEqual({ publicUrl: 'http://localhost:8080', idp: { clientSecret: 'hemligt' } });
    expect(substituteEnv(raw, { KK_SECRET: 'x', PORT: '9000' })).toMatchObject({ publicUrl: 'http://localhost:9000' });
    expect(() => substituteEnv(raw, {})).toThrow('idp.clientSecret: environment variable KK_SECRET is not set');
  });

  it('believes X-Forwarded-For only from proxies it names: TRUST_PROXY lists them, "1" is refused', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kk-config-')), 'kommunkit.json');
    writeFileSync(file, JSON.stringify(valid));
    expect(loadConfig(file, {}).trustProxy).toEqual([]);
    expect(loadConfig(file, { TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24']);
    for (const value of ['1', 'true']) expect(() => loadConfig(file, { TRUST_PROXY: value })).toThrow('must name the proxies');
    expect(() => loadConfig(file, { TRUST_PROXY: 'en proxy' })).toThrow('trustProxy[0]');
  });

  it('fills in time limits with sane defaults and keeps what the operator set', () => {
    expect(resolveConfig(valid).timeouts).toEqual({ requestMs: 30_000, headersMs: 10_000, idleMs: 10_000, databaseConnectMs: 5_000, databaseStatementMs: 10_000 });
    expect(resolveConfig({ ...valid, timeouts: { requestMs: 5000 } }).timeouts.requestMs).toBe(5000);
    expect(() => resolveConfig({ ...valid, timeouts: { requestMs: 0 } })).toThrow('timeouts.requestMs');
  });
});
