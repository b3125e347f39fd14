import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node:util parseArgs with strict checking, turning its errors into CliError (exit 2). */
export function parseCliArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}
