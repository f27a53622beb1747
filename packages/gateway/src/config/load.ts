import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Value } from 'typebox/value';
import { serviceSettings } from '../services/catalog.js';
import type { ServiceSettings } from './service-settings.js';
import { GatewayConfig, type KommunConfig } from './schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The config with defaults filled in and kommuner indexed by id. */
export interface ResolvedConfig extends GatewayConfig {
  session: { idleMinutes: number; absoluteHours: number };
  limits: { anonymousWritesPerMinute: number };
  timeouts: Required<NonNullable<GatewayConfig['timeouts']>>;
  trustProxy: string[];
  /** Where files the config names are read from (a kommun's address list): the config file's directory. */
  configDir: string;
  kommunById: ReadonlyMap<string, KommunConfig>;
}

/** `/kommuner/1/origins/0` → `kommuner[1].origins[0]`, the way an operator reads their file. */
const keyPath = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('') || '(top level)';

/**
 * Validates a parsed config; every problem names the key it is about, so an operator can fix
 * the file without reading code.
 */
export function resolveConfig(raw: unknown, source = 'config', configDir = process.cwd()): ResolvedConfig {
  const errors = [...Value.Errors(GatewayConfig, raw)];
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((error) => {
      const params = error.params as Record<string, unknown>;
      const key = [error.instancePath, params.additionalProperty ?? params.missingProperty ?? params.requiredProperties]
        .filter(Boolean)
        .join('/');
      return `  ${keyPath(key.startsWith('/') ? key : `/${key}`)}: ${error.message}`;
    });
    throw new ConfigError(`Invalid gateway config in ${source}:\n${lines.join('\n')}`);
  }
  const config = raw as GatewayConfig;

  const kommunById = new Map<string, KommunConfig>();
  config.kommuner.forEach((kommun, index) => {
    if (kommunById.has(kommun.id)) throw new ConfigError(`Invalid gateway config in ${source}:\n  kommuner[${index}].id: "${kommun.id}" is used twice`);
    // Each service's cross-checks, on the settings its schema has already passed.
    for (const [id, definition] of Object.entries(serviceSettings) as [string, ServiceSettings][]) {
      const settings = (kommun.services as Record<string, unknown>)[id];
      const issues = settings === undefined ? [] : (definition.check?.(settings) ?? []);
      if (issues.length > 0) {
        const lines = issues.map((issue) => `  kommuner[${String(index)}].services.${id}.${issue.key}: ${issue.message}`);
        throw new ConfigError(`Invalid gateway config in ${source}:\n${lines.join('\n')}`);
      }
    }
    kommunById.set(kommun.id, kommun);
  });

  return {
    ...config,
    session: config.session ?? { idleMinutes: 30, absoluteHours: 8 },
    limits: config.limits ?? { anonymousWritesPerMinute: 30 },
    timeouts: { requestMs: 30_000, headersMs: 10_000, idleMs: 10_000, databaseConnectMs: 5_000, databaseStatementMs: 10_000, ...config.timeouts },
    trustProxy: config.trustProxy ?? [],
    configDir,
    kommunById,
  };
}

/**
 * Replaces `${NAME}` and `${NAME:-default}` in every string of the config with environment
 * variables, so secrets and ports stay out of the file.
 */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv = process.env, path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z][A-Z0-9_]*)(?::-([^}]*))?\}/g, (_, name: string, fallback: string | undefined) => {
      const replacement = env[name] ?? fallback;
      if (replacement === undefined) throw new ConfigError(`Invalid gateway config:\n  ${path || '(top level)'}: environment variable ${name} is not set`);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => substituteEnv(item, env, `${path}[${String(index)}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, path ? `${path}.${key}` : key)]));
  }
  return value;
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read gateway config ${path}: ${(error as Error).message}`);
  }
  const config = substituteEnv(raw, env) as Record<string, unknown>;
  const proxies = env.TRUST_PROXY;
  if (proxies !== undefined && proxies !== '') {
    if (/^(1|true|yes)$/i.test(proxies)) {
      throw new ConfigError('TRUST_PROXY must name the proxies in front of the gateway (e.g. TRUST_PROXY=10.0.0.5,10.0.1.0/24), not "1": otherwise any client could claim any address in X-Forwarded-For.');
    }
    config.trustProxy = proxies.split(',').map((proxy) => proxy.trim());
  }
  return resolveConfig(config, path, dirname(resolve(path)));
}
