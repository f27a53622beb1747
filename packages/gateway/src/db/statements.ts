import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from 'kysely';

/**
 * A dialect that tells `onStatement` of every statement sent to the database, transaction
 * control included (`begin`, `commit`, `rollback` are round trips too), for tests and
 * diagnostics that count a request's round trips. The driver's own connection goes back to it.
 */
export function countingDialect(dialect: Dialect, onStatement: (sql: string) => void): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => countingDriver(dialect.createDriver(), onStatement),
  };
}

function countingDriver(driver: Driver, onStatement: (sql: string) => void): Driver {
  const real = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const unwrap = (connection: DatabaseConnection) => real.get(connection) ?? connection;
  return {
    init: () => driver.init(),
    destroy: () => driver.destroy(),
    async acquireConnection() {
      const connection = await driver.acquireConnection();
      const counted: DatabaseConnection = {
        executeQuery: (query) => (onStatement(query.sql), connection.executeQuery(query)),
        streamQuery: (query, chunkSize) => (onStatement(query.sql), connection.streamQuery(query, chunkSize)),
      };
      real.set(counted, connection);
      return counted;
    },
    releaseConnection: (connection) => driver.releaseConnection(unwrap(connection)),
    beginTransaction: (connection, settings: TransactionSettings) => (onStatement('begin'), driver.beginTransaction(unwrap(connection), settings)),
    commitTransaction: (connection) => (onStatement('commit'), driver.commitTransaction(unwrap(connection))),
    rollbackTransaction: (connection) => (onStatement('rollback'), driver.rollbackTransaction(unwrap(connection))),
  };
}
