// A big units import no longer freezes the server: /healthz and sign-in status keep answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertGroup } from '@kaoping/db/org/group.repository';
import { configureUploadReading } from '@kaoping/importers/guard/read-uploaded-report';
import { startTestServer, type TestServer } from '../test/signed-in-server';

describe('a 20,000-row units import while others use the server', () => {
  let app: TestServer;
  beforeAll(async () => {
    configureUploadReading({ timeoutMs: 60_000, maxHeapMb: 512 });
    app = await startTestServer();
    await insertGroup(app.database.db, { year: 2026, code: 'A', name: 'A组', sortOrder: 1 });
  });
  afterAll(async () => {
    configureUploadReading(null);
    await app.close();
  });

  it('imports every row while /healthz answers within a second throughout', async () => {
    const cookie = await app.cookieFor(app.org.users.admin.id);
    const csv =
      'code,name,group,kind,parent,tags\n' +
      Array.from({ length: 20_000 }, (_, i) => `U${String(i).padStart(5, '0')},测试单位${i},A,city_dept,,`).join('\n') +
      '\n';
    let slowest = 0;
    let answers = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const started = Date.now();
        await fetch(`${app.base}/healthz`);
        answers++;
        slowest = Math.max(slowest, Date.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = Date.now();
    const response = await fetch(`${app.base}/trpc/units.importFile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ fileName: 'units.csv', contentBase64: Buffer.from(csv).toString('base64'), year: 2026, dryRun: false }),
    });
    const elapsed = Date.now() - started;
    polling = false;
    await poll;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { data: unknown } }).result.data).toMatchObject({ ok: true, created: 20_000 });
    console.info(`units import: ${elapsed} ms, /healthz answered ${answers}×, slowest ${slowest} ms`);
    expect(answers).toBeGreaterThan(elapsed / 1000); // at least one answer a second of import
    expect(slowest).toBeLessThan(1000);
  }, 180_000);
});
