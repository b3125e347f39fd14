import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache';

describe('prepared statements kept by SQL text', () => {
  it('hands back the statement prepared first, and still sees a column added since', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const db = withStatementCache(sqlite);
    db.prepare('create table t (a integer)').run([]);
    db.prepare('insert into t (a) values (?)').run([1]);
    const select = db.prepare('select * from t');
    expect(db.prepare('select * from t')).toBe(select);
    expect(select.all([])).toEqual([{ a: 1 }]);
    db.prepare('alter table t add column b text').run([]);
    db.prepare('update t set b = ?').run(['x']);
    expect(db.prepare('select * from t').all([])).toEqual([{ a: 1, b: 'x' }]);
    db.close();
  });

  it('starts over when full, so texts that vary do not grow without bound', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const db = withStatementCache(sqlite);
    const first = db.prepare('select 0');
    for (let i = 1; i <= 1000; i++) db.prepare(`select ${i}`);
    expect(db.prepare('select 0')).not.toBe(first);
    expect(db.prepare('select 0').all([])).toEqual([{ 0: 0 }]);
    db.close();
  });
});
