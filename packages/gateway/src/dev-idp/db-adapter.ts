import { sql } from 'kysely';
import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { Db } from '../db/database.js';

/** Models whose entries belong to a grant and go when it is revoked (as oidc-provider's own adapter has it). */
const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode']);

/**
 * oidc-provider's storage (sessions, interactions, codes, tokens, grants) in the table
 * `dev_idp_entry`, so every gateway instance on one database sees the same logins: a login can
 * start on one instance and finish on another behind a load balancer. Expired entries are
 * deleted when found, and by `purgeDevIdp` in housekeeping.
 */
export function databaseAdapter(db: Db): AdapterFactory {
  return (model: string): Adapter => {
    const live = async (found: { payload: unknown; expires_at: Date | null; id: string } | undefined): Promise<AdapterPayload | undefined> => {
      if (!found) return undefined;
      if (found.expires_at && found.expires_at.getTime() <= Date.now()) {
        await db.deleteFrom('dev_idp_entry').where('model', '=', model).where('id', '=', found.id).execute();
        return undefined;
      }
      return found.payload as AdapterPayload;
    };
    const entries = () => db.selectFrom('dev_idp_entry').select(['id', 'payload', 'expires_at']).where('model', '=', model);

    return {
      async upsert(id, payload, expiresIn) {
        const row = {
          payload: JSON.stringify(payload),
          uid: payload.uid ?? null,
          grant_id: grantable.has(model) ? (payload.grantId ?? null) : null,
          expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
        };
        await db
          .insertInto('dev_idp_entry')
          .values({ model, id, ...row })
          .onConflict((conflict) => conflict.columns(['model', 'id']).doUpdateSet(row))
          .execute();
      },
      async find(id) {
        return live(await entries().where('id', '=', id).executeTakeFirst());
      },
      async findByUid(uid) {
        return live(await entries().where('uid', '=', uid).executeTakeFirst());
      },
      // The device flow is not enabled, so there are no user codes.
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const consumed = Math.floor(Date.now() / 1000);
        await db
          .updateTable('dev_idp_entry')
          .set({ payload: sql<string>`payload || jsonb_build_object('consumed', ${consumed}::integer)` })
          .where('model', '=', model)
          .where('id', '=', id)
          .execute();
      },
      async destroy(id) {
        await db.deleteFrom('dev_idp_entry').where('model', '=', model).where('id', '=', id).execute();
      },
      async revokeByGrantId(grantId) {
        await db.deleteFrom('dev_idp_entry').where('grant_id', '=', grantId).execute();
      },
    };
  };
}

/** Deletes the dev IdP's expired entries; safe on every instance at once (one plain delete). */
export async function purgeDevIdp(db: Db): Promise<void> {
  await db.deleteFrom('dev_idp_entry').where('expires_at', '<=', new Date()).execute();
}

export interface DevIdpKeys {
  /** The private signing key(s), as JWKs. */
  signing: JsonWebKey[];
  /** Keys oidc-provider signs its cookies with. */
  cookies: string[];
}

/** Not an oidc-provider model name, so the adapter never reads or overwrites it. */
const keysModel = 'KommunkitKeys';
const keysId = 'v1';

/**
 * The dev IdP's signing key and cookie keys, shared by every instance through the database:
 * the first instance to start generates them and inserts them (`on conflict do nothing`), and
 * every instance, that one included, uses what the table holds after the insert.
 *
 * Stored rather than derived from a configured secret: the dev IdP then needs no secret to be
 * set up at all (it stays a one-line `devIdentityProvider: true`), and node:crypto cannot make an
 * RSA key from a seed. Keeping private keys in the database is acceptable only because this is a
 * development IdP that lets anyone log in as a test person: its keys guard nothing.
 */
export async function devIdpKeys(db: Db): Promise<DevIdpKeys> {
  const read = () => db.selectFrom('dev_idp_entry').select('payload').where('model', '=', keysModel).where('id', '=', keysId).executeTakeFirst();
  const existing = await read();
  if (existing) return existing.payload as DevIdpKeys;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fresh: DevIdpKeys = {
    signing: [{ ...privateKey.export({ format: 'jwk' }), kid: `dev-${randomBytes(6).toString('base64url')}`, use: 'sig', alg: 'RS256' }],
    cookies: [randomBytes(32).toString('base64url')],
  };
  await db
    .insertInto('dev_idp_entry')
    .values({ model: keysModel, id: keysId, payload: JSON.stringify(fresh), uid: null, grant_id: null, expires_at: null })
    .onConflict((conflict) => conflict.columns(['model', 'id']).doNothing())
    .execute();
  // Another instance may have inserted first: what the table holds now is what everyone uses.
  const stored = await read();
  if (!stored) throw new Error('The dev identity provider could not store its keys in dev_idp_entry');
  return stored.payload as DevIdpKeys;
}
