// `pnpm start [--workers N]`: one server process, or (N > 1, or KAOPING_WORKERS) a node:cluster
// primary with N server processes sharing the port. Cluster workers run this file again and serve.
import cluster from 'node:cluster';
import pino from 'pino';
import { readServerEnv, readWorkersArgument, ServerEnvError, type ServerEnv } from './env';

const log = pino({ name: 'kaoping' });
let env: ServerEnv;
let workers: number;
try {
  env = readServerEnv();
  workers = readWorkersArgument(process.argv.slice(2)) ?? env.workers;
} catch (error) {
  if (!(error instanceof ServerEnvError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78); // EX_CONFIG
}
// Loaded by role: the primary never loads the application (its memory stays small).
if (cluster.isPrimary && workers > 1) {
  const { runPrimary } = await import('./cluster-primary');
  await runPrimary(env, workers, log);
} else if (cluster.isWorker && process.argv.includes('--prepare-only')) {
  const { prepareAndExit } = await import('./bootstrap');
  await prepareAndExit(env, log);
} else {
  const { serve } = await import('./serve');
  await serve(env, log, { alone: cluster.isPrimary });
}
