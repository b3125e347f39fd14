// Evidence uploads: the content decides the type and the stored name's extension, names are
// cleaned, finished items take no files, and only filers (liaison of the unit, office) upload.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

const NOW = () => new Date('2025-09-29T02:00:00.000Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n<html><script>alert(1)</script></html>\ntrailer<<>>\n%%EOF');
const b64 = (b: Buffer) => b.toString('base64');

describe.each(testDatabases)('evidence files on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  const admin = () => callerFor(handle, org.users.admin, { now: NOW });
  const liaison = () => callerFor(handle, org.users.liaison, { now: NOW });
  const issue = () =>
    admin().rectification.issue({
      unitId: org.own.id,
      period: '2025Q3',
      title: '政策文件栏目未更新',
      due: { kind: 'working_days', days: 5 },
    });

  it('stores a %PDF- polyglot named x.html as x.pdf, application/pdf, on the way in and out', async () => {
    const item = await issue();
    const file = await liaison().rectification.uploadEvidence({ itemId: item.id, fileName: 'x.html', contentBase64: b64(PDF) });
    expect(file).toMatchObject({ fileName: 'x.pdf', mime: 'application/pdf' });
    const down = await liaison().rectification.downloadEvidence({ fileId: file.id });
    expect(down).toMatchObject({ fileName: 'x.pdf', mime: 'application/pdf' });
    expect(Buffer.from(down.contentBase64, 'base64').equals(PDF)).toBe(true);
  });

  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['报告\r\nContent-Disposition: attachment.pdf', '报告Content-Disposition_ attachment.pdf'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['\u202egpj.pdf', 'gpj.pdf'],
  ])('cleans the name %j → %j', async (sent, stored) => {
    const item = await issue();
    const file = await admin().rectification.uploadEvidence({ itemId: item.id, fileName: sent, contentBase64: b64(PDF) });
    expect(file.fileName).toBe(stored);
    const row = await handle.db.selectFrom('rectification_files').select('file_name').where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(row.file_name).toBe(stored);
  });

  it('refuses uploads to a finished item', async () => {
    const item = await issue();
    await admin().rectification.transition({ itemId: item.id, version: item.version, action: { type: 'cancel', reason: '问题已撤回' } });
    await expect(
      liaison().rectification.uploadEvidence({ itemId: item.id, fileName: 'a.pdf', contentBase64: b64(PDF) }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该整改任务已办结(已销号、已说明或已撤销),不能再上传佐证材料',
    });
  });

  it('refuses uploads from assessors and leaders (the procedure kind says who files)', async () => {
    const item = await issue();
    for (const role of ['assessor', 'leader'] as const) {
      await expect(
        callerFor(handle, org.users[role], { now: NOW }).rectification.uploadEvidence({
          itemId: item.id,
          fileName: 'a.pdf',
          contentBase64: b64(PDF),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
