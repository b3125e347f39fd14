// SQLite write transactions that take the write lock at their start and wait for it politely.
//
// Kysely's SQLite driver opens transactions with a plain BEGIN (deferred): two writers both start,
// both read, and the second fails with SQLITE_BUSY at its first write, which no busy timeout can
// fix. BEGIN IMMEDIATE takes the lock first, so a transaction either holds it or has not started.
// better-sqlite3 is synchronous, so SQLite's own busy_timeout would freeze the event loop while it
// waits; instead the pragma stays short and the wait is retried here, asynchronously, with
// backoff, up to a bound; then a DomainError('unavailable') with a Chinese message (HTTP 503 on the
// server, a message and exit code in the CLI), never a raw SqliteError.
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type QueryResult } from 'kysely';
import { unavailable } from '@kaoping/domain/errors/domain-error';
import { withStatementCache } from './sqlite-statement-cache';

export interface BusyPolicy {
  /** How long one statement or BEGIN may keep retrying while another process writes. */
  maxWaitMs: number;
  /** SQLite's own (blocking) wait per try: short, so the event loop stays free. */
  busyTimeoutMs: number;
}

export const SQLITE_BUSY_POLICY: BusyPolicy = { maxWaitMs: 15_000, busyTimeoutMs: 20 };

export const DATABASE_BUSY_MESSAGE = '数据库正忙(另一个程序正在写入,例如命令行导入或备份),请稍后重试';

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown })?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test((error as { code: string }).code);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function retryWhileBusy<T>(policy: BusyPolicy, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + policy.maxWaitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw unavailable(DATABASE_BUSY_MESSAGE);
      await sleep(Math.min(250, 5 * 2 ** attempt) + Math.random() * 10);
    }
  }
}

/** The driver's one connection, with busy statements outside transactions retried. */
class BusyAwareConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly policy: BusyPolicy,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Inside an IMMEDIATE transaction the lock is ours; a busy error there is not retried (rare: a
    // checkpoint) but still reaches the caller as "unavailable" rather than a raw error.
    if (this.inTransaction) {
      return this.inner.executeQuery<R>(query).catch((error: unknown) => {
        throw isBusy(error) ? unavailable(DATABASE_BUSY_MESSAGE) : error;
      });
    }
    // A single statement is atomic: when it failed busy, nothing was written and a retry is safe.
    return retryWhileBusy(this.policy, () => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  private connection: BusyAwareConnection | undefined;
  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly policy: BusyPolicy,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    if (this.connection?.inner !== inner) this.connection = new BusyAwareConnection(inner, this.policy);
    return this.connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as BusyAwareConnection;
    await retryWhileBusy(this.policy, () => c.inner.executeQuery(CompiledQuery.raw('begin immediate')));
    c.inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as BusyAwareConnection;
    // COMMIT in WAL mode can meet a busy checkpoint; retrying a COMMIT is safe (it either happened or not).
    try {
      await retryWhileBusy(this.policy, () => c.inner.executeQuery(CompiledQuery.raw('commit')));
    } finally {
      c.inTransaction = false;
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as BusyAwareConnection;
    try {
      await c.inner.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      c.inTransaction = false;
    }
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly policy: BusyPolicy,
  ) {
    super({ database: sqlite });
    sqlite.pragma(`busy_timeout = ${policy.busyTimeoutMs}`);
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver({ database: withStatementCache(this.sqlite) }, this.policy);
  }
}
