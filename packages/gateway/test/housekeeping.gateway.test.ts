import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../src/auth/sessions.js';
import { housekeep } from '../src/housekeeping.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { Browser } from './support/http.js';
import { login } from './support/login.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(gateway.db)).rows[0]?.n);

describe('housekeeping, which every instance runs', () => {
  it('deletes only what has expired, and runs safely on several instances at once', async () => {
    const live = new Browser(gateway.url);
    await login(live, 'exempelstad', `${pages.exempelstad}/`, /.*/);
    const expired = new Browser(gateway.url);
    await login(expired, 'exempelstad', `${pages.exempelstad}/`, /.*/);
    await sql`update session set expires_at = now() - interval '1 minute' where id = (select id from session order by created_at desc limit 1)`.execute(gateway.db);
    await sql`insert into rate_limit (key, count, reset_at) values ('old', 3, now() - interval '1 second'), ('current', 3, now() + interval '1 minute')`.execute(gateway.db);
    await sql`insert into dev_idp_entry (model, id, payload, expires_at) values ('Session', 'old', '{}', now() - interval '1 second'), ('Session', 'current', '{}', now() + interval '1 hour')`.execute(gateway.db);
    const idpEntries = await count('dev_idp_entry');

    // Four instances' timers firing at the same moment.
    const sessions = new SessionStore(gateway.db, gateway.config, gateway.app.log);
    await Promise.all(Array.from({ length: 4 }, () => housekeep(gateway.db, sessions)));

    expect(await count('session')).toBe(1);
    expect((await live.fetch('/api/v1/exempelstad/auth/me')).status).toBe(200);
    expect((await expired.fetch('/api/v1/exempelstad/auth/me')).status).toBe(204);
    const windows = await sql<{ key: string }>`select key from rate_limit where key in ('old', 'current')`.execute(gateway.db);
    expect(windows.rows.map((row) => row.key)).toEqual(['current']);
    expect(await count('dev_idp_entry')).toBe(idpEntries - 1);
  });
});
