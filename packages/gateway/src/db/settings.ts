/** What the database layer is given: its time limits and where it reports lost connections. */

export interface DatabaseTimeouts {
  /** Waiting for a PostgreSQL connection (a new one, or a free one from the pool). */
  databaseConnectMs: number;
  /** Longest a statement may run: PostgreSQL's statement_timeout, and as long on the client. */
  databaseStatementMs: number;
}

/** Where the database layer reports lost connections; a pino or Fastify logger fits. */
export interface DatabaseLog {
  warn(details: object, message: string): void;
}

/** The same defaults as the config's `timeouts`, for callers without a config (bench, tools). */
export const defaultDatabaseTimeouts: DatabaseTimeouts = { databaseConnectMs: 5_000, databaseStatementMs: 10_000 };
