import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./writer-process.ts', import.meta.url));

/** Starts writer-process.ts on `file`; resolves once it is writing. */
export async function spawnWriter(file: string, mode: 'stream' | 'hold'): Promise<ChildProcess> {
  const child = fork(SCRIPT, [file, mode], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  return child;
}

export async function stopWriter(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
