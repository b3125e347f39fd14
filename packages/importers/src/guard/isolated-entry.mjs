// Body of the child process started by run-isolated.ts: receives one task over IPC, loads its
// module (TypeScript through tsx when the module is .ts), runs the named export and sends back
// the result or the error, then exits.
process.once('message', async ({ moduleUrl, exportName, input }) => {
  let reply;
  try {
    if (moduleUrl.endsWith('.ts')) {
      const { register } = await import('tsx/esm/api');
      register();
    }
    const task = (await import(moduleUrl))[exportName];
    if (typeof task !== 'function') throw new Error(`${moduleUrl} has no function ${exportName}`);
    reply = { ok: true, value: await task(input) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, error: { name: e.name, message: e.message, code: typeof e.code === 'string' ? e.code : null } };
  }
  process.send(reply, () => process.exit(0));
});
