import { vi } from 'vitest';
import { CliError } from '../src/cli-error';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a sub-command's `run` in-process, capturing what it writes; a CliError becomes its exit code. */
export async function captureCommand(run: (args: string[]) => Promise<number>, args: string[]): Promise<CommandOutput> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stdout, stderr: stderr + error.message };
    throw error;
  } finally {
    vi.restoreAllMocks();
  }
}
