// Which server process has a SQLite file open: `<file>.server.pid`, written at start and removed at
// shutdown. `kaoping db restore` refuses while that process is alive (replacing the file under a
// running server would leave it writing into a deleted file).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const pidFileOf = (dbFile: string) => `${dbFile}.server.pid`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server holding `dbFile`, or null (a stale pid file is ignored). */
export function serverHolding(dbFile: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFileOf(dbFile), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
}

/** Marks `dbFile` as held by this process; the returned function releases it. */
export function holdDatabaseFile(dbFile: string): () => void {
  writeFileSync(pidFileOf(dbFile), `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(pidFileOf(dbFile), 'utf8').trim() === String(process.pid)) rmSync(pidFileOf(dbFile), { force: true });
    } catch {
      // already gone
    }
  };
}
