import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; Infinity when the model has no expiry. */
  expiresAt: number;
}

/**
 * In-memory storage for one oidc-provider instance (sessions, interactions, codes, tokens,
 * grants). oidc-provider's own quick-start adapter keeps one store for the whole process and
 * warns at every start; this one belongs to its provider, drops expired entries and is bounded,
 * so a dev gateway left running does not grow. Nothing survives a restart: dev only.
 */
export function memoryAdapter(maxEntries = 10_000): AdapterFactory {
  const entries = new Map<string, Entry>();
  const keyByUid = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const prune = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    // Still too many: the oldest writes go first (a Map iterates in insertion order).
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries * 0.9) break;
      entries.delete(key);
    }
    for (const [uid, key] of keyByUid) if (!entries.has(key)) keyByUid.delete(uid);
    for (const [grantId, keys] of keysByGrant) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key);
      if (keys.size === 0) keysByGrant.delete(grantId);
    }
  };

  return (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        entries.delete(key);
        entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
        if (payload.uid) keyByUid.set(payload.uid, key);
        if (payload.grantId) {
          const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          keysByGrant.set(payload.grantId, keys);
        }
        if (entries.size > maxEntries) prune();
      },
      async find(id) {
        return live(keyFor(id))?.payload;
      },
      async findByUid(uid) {
        const key = keyByUid.get(uid);
        return key === undefined ? undefined : live(key)?.payload;
      },
      // The device flow is not enabled, so there are no user codes.
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const entry = live(keyFor(id));
        if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
      },
      async destroy(id) {
        entries.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}
