// Runs inside the isolated process: reads an interchange file's rows (format checks only; the
// caller's cross-checks run afterwards on the returned rows).
import type { InterchangeFileKind } from '@kaoping/contracts/scoring/interchange-rows';
import { readInterchangeFile } from '../interchange/read-interchange';

export interface ReadInterchangeTask {
  kind: InterchangeFileKind;
  name: string;
  bytes: Uint8Array;
}

export function readInterchangeTask(task: ReadInterchangeTask) {
  return readInterchangeFile(task.kind, { name: task.name, bytes: new Uint8Array(task.bytes) }, () => undefined);
}
