#!/usr/bin/env tsx
// The `kaoping` command. Each sub-command lives in commands/<name>.ts and is loaded
// only when used, so `kaoping score` never opens a database.
import { describeFailure } from './cli-error';
import { cliDebug } from './database';

type Command = { run(args: string[]): Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  db: {
    summary: 'db migrate | db backup FILE | db restore FILE — upgrade, back up (while the server runs), restore (server stopped)',
    load: () => import('./commands/db'),
  },
  demo: { summary: 'demo seed [--reset] — load the demo city (江临市)', load: () => import('./commands/demo') },
  units: { summary: 'units import FILE [--year YYYY] — import units.csv / .xlsx', load: () => import('./commands/units') },
  score: { summary: 'score --scheme … --period 2025Q3 --json — compute results from files', load: () => import('./commands/score') },
  results: {
    summary: 'results export --period 2025Q3 --format xlsx|json — published results from the database',
    load: () => import('./commands/results'),
  },
  scheme: {
    summary: 'scheme import FILE.xlsx|FILE.docx --year YYYY --json | scheme export --year YYYY --format docx|xlsx',
    load: () => import('./commands/scheme'),
  },
  report: { summary: 'report parse FILE --json | report import DIR --year YYYY', load: () => import('./commands/report') },
  users: {
    summary: 'users list|create|import FILE|reset NAME|disable NAME — accounts (create --role admin for the first admin)',
    load: () => import('./commands/users'),
  },
  office: {
    summary:
      'office list | office add --kind province|city --name … [--parent ID] | office first-account ID --name USERNAME — offices of a province',
    load: () => import('./commands/office'),
  },
  site: {
    summary: "site check URL [--columns FILE] [--words FILE] [--max-pages N] --json — check a unit's website",
    load: () => import('./commands/site'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return ['usage: kaoping <command> [options]', '', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`unknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  const command = await entry.load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Known failures (domain errors, a busy or missing database) print one Chinese line; the stack
    // only for the unexpected, and only with KAOPING_DEBUG=1.
    const failure = describeFailure(error);
    process.stderr.write(`${failure.message}\n`);
    if (failure.stack && cliDebug()) process.stderr.write(`${failure.stack}\n`);
    process.exitCode = failure.exitCode;
  },
);
