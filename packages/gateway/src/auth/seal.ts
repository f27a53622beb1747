import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The data key used when the config has none, outside production only. It is public (it is
 * in this file and in the README), so data sealed under it is as good as plain text: it exists
 * so that a developer's gateway starts without setting a secret first.
 */
export const devDataKey = 'kommunkit-dev-data-key-NOT-SECRET-do-not-use-in-production';

/** What each derived key is for: one key per purpose, so a key is never reused across kinds of data. */
export type SealPurpose = 'session-personnummer';

const version = 'v1';

/**
 * Authenticated encryption of small values (a personnummer) with AES-256-GCM from node:crypto.
 * No library is needed: GCM with a random 96-bit nonce per value, a key derived by HKDF and
 * the tag checked on open is the whole of it, and node:crypto (OpenSSL) does each step.
 *
 * `context` is bound as additional authenticated data (e.g. the session's id), so a sealed
 * value copied into another row does not open there. A value sealed under another key, or
 * altered, does not open at all: `open` returns undefined and the caller fails closed.
 */
export class Sealer {
  private readonly key: Buffer;

  constructor(secret: string, purpose: SealPurpose) {
    // HKDF-SHA256 with the purpose in `info`: the configured secret is never used as a key itself.
    this.key = Buffer.from(hkdfSync('sha256', secret, 'kommunkit', `kommunkit ${purpose} aes-256-gcm ${version}`, 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${version}.${iv.toString('base64url')}.${ciphertext.toString('base64url')}`;
  }

  open(sealed: string, context: string): string | undefined {
    const [tag, iv, body] = sealed.split('.');
    if (tag !== version || !iv || !body) return undefined;
    const ivBytes = Buffer.from(iv, 'base64url');
    const bytes = Buffer.from(body, 'base64url');
    if (ivBytes.length !== 12 || bytes.length < 16) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, ivBytes, { authTagLength: 16 });
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

/**
 * The gateway's data key from its config. In production a missing key, or the public dev key,
 * stops the start: sealing under a known key would only look like protection. Elsewhere the dev
 * key is used and `warn` is told once (per gateway start).
 */
export function dataKeyFrom(dataKey: string | undefined, warn: (message: string) => void, environment: NodeJS.ProcessEnv = process.env): string {
  const production = environment.NODE_ENV === 'production';
  if (dataKey && dataKey !== devDataKey) return dataKey;
  if (production) {
    throw new Error(
      dataKey
        ? 'The gateway refuses to start: dataKey is the public development key while NODE_ENV=production. Set KOMMUNKIT_DATA_KEY to a secret of at least 32 random characters.'
        : 'The gateway refuses to start: no dataKey in the config while NODE_ENV=production (it encrypts the personnummer in sessions). Set "dataKey": "${KOMMUNKIT_DATA_KEY}" and give KOMMUNKIT_DATA_KEY a secret of at least 32 random characters.',
    );
  }
  warn('dataKey is not set (or is the public development key): personnummer in sessions are encrypted with a key anyone can read; set KOMMUNKIT_DATA_KEY outside development');
  return devDataKey;
}
