// `pnpm start [--workers N]`: one server process, or (N > 1, or KAOPING_WORKERS) a node:cluster
// primary with N server processes sharing the port. Cluster workers run this file again and serve.
import cluster from 'node:cluster';
import pino from 'pino';
import { runPrimary } from './cluster-primary';
import { readServerEnv, readWorkersArgument, ServerEnvError, type ServerEnv } from './env';
import { serve } from './serve';

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
if (cluster.isPrimary && workers > 1) await runPrimary(env, workers, log);
else await serve(env, log, { alone: cluster.isPrimary });
