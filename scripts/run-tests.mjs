// The whole test suite: typecheck every package, build the dashboard (the end-to-end
// tests drive the built app), then one vitest run over all projects. Ends with the
// plain `N passed, N failed` line CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

const env = { ...process.env, TZ: 'UTC' };
function step(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
}

mkdirSync('test-output', { recursive: true });
let failedSteps = 0;
if (step('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'build', '--output-logs=errors-only']) !== 0) failedSteps++;
// Style is enforced, not suggested: ESLint (architecture rules, floating promises, exhaustive
// switches) and Prettier run on every test run, so CI refuses what they refuse.
if (step('pnpm', ['exec', 'eslint', '.', '--max-warnings=0']) !== 0) failedSteps++;
if (step('pnpm', ['exec', 'prettier', '--check', '.', '--log-level=warn']) !== 0) failedSteps++;
const vitestStatus = step('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-output/vitest.json',
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no test results but must still count as a failure.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
} catch {
  failed += 1;
}
if (failedSteps > 0) console.log(`\n${failedSteps} step(s) of typecheck/build/lint/format failed`);
failed += failedSteps;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || vitestStatus !== 0 ? 1 : 0);
