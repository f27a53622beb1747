import { maxApiKeyLabelLength, textLength, type ApiKey, type IssuedApiKey } from '@kommunkit/contract';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/database.js';
import { textProblem } from '../../../http/hygiene.js';
import { ApiKeyStore, type ApiKeyRow } from './store.js';

/** Bytes of randomness in a key (base64url: 43 characters). */
const keyBytes = 32;

/** The public id's shape, as the contract's `ApiKeyId` says it. */
export const apiKeyIdPattern = /^[0-9a-f]{16}$/;

/** What is wrong with a label; each caller says it in its own words (the API in Swedish, the CLI in English). */
export type LabelProblem = 'empty' | 'long' | 'control';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A label as stored: trimmed, one line, 1–100 characters. Stricter than input hygiene (which
 * lets tab and line breaks through for descriptions): a label is one line in a list.
 */
export function checkLabel(label: string): { label: string } | { problem: LabelProblem } {
  const trimmed = label.trim();
  if (trimmed === '') return { problem: 'empty' };
  if (controlCharacter.test(trimmed) || textProblem(trimmed)) return { problem: 'control' };
  if (textLength(trimmed) > maxApiKeyLabelLength) return { problem: 'long' };
  return { label: trimmed };
}

/** SHA-256 of a key, hex: what is stored and looked up. */
export const keyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

const listedKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  label: row.label,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
});

/**
 * Open311 api_keys a kommun's case workers issue to apps and systems and revoke. The key is
 * random, returned once and stored only as its SHA-256, so a copy of the database files no
 * report. Whether a key is valid is asked of the database every time: a revocation holds at
 * once on every gateway instance.
 */
export class ApiKeys {
  private readonly store: ApiKeyStore;

  constructor(db: Db) {
    this.store = new ApiKeyStore(db);
  }

  /** Issues a key for `label` (checked with {@link checkLabel} first). */
  async issue(kommunId: string, label: string): Promise<IssuedApiKey> {
    const key = randomBytes(keyBytes).toString('base64url');
    const row = await this.store.insert({ id: randomBytes(8).toString('hex'), kommunId, label, keyHash: keyHash(key) });
    return { id: row.id, label: row.label, key, createdAt: row.created_at.toISOString() };
  }

  async list(kommunId: string): Promise<ApiKey[]> {
    return (await this.store.list(kommunId)).map(listedKey);
  }

  /** Revokes a key (again is fine); undefined when the kommun has none with that id. */
  async revoke(kommunId: string, id: string): Promise<ApiKey | undefined> {
    if (!apiKeyIdPattern.test(id)) return undefined;
    const row = await this.store.revoke(kommunId, id);
    return row && listedKey(row);
  }

  /** Whether `key` is one of the kommun's issued, unrevoked keys (looked up by its hash). */
  accepts(kommunId: string, key: string): Promise<boolean> {
    return this.store.isValid(kommunId, keyHash(key));
  }
}
