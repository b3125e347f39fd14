// PostgreSQL plans an unnamed statement on every execution. A statement run on every request (the
// session lookup) is worth preparing once per connection: its text is registered here, and the pool's
// clients send registered texts as named prepared statements. Only texts a repository opts in, over
// tables whose columns do not change while the server runs (a prepared `select` whose result columns
// change fails with "cached plan must not change result type").
import { createHash } from 'node:crypto';
import pg from 'pg';

const preparedNames = new Map<string, string>();

/** Marks a compiled statement's text for preparation on PostgreSQL connections (harmless on SQLite). */
export function prepareOnPostgres(text: string): void {
  if (!preparedNames.has(text)) preparedNames.set(text, `kp_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
}

/** pg's client, sending registered texts as named statements (pg prepares each name once per connection). */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const plain = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const [text, values] = args;
      const name = typeof text === 'string' && Array.isArray(values) ? preparedNames.get(text) : undefined;
      return name === undefined ? plain(...args) : plain({ name, text, values }, ...args.slice(2));
    }) as pg.Client['query'];
  }
}
