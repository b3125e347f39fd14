import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { EVIDENCE_MAX_BYTES } from '@kaoping/contracts/rectification/rectification-ledger';
import { findEvidenceFile, insertEvidenceFile } from '@kaoping/db/rectification/evidence-file.repository';
import { findLedgerItem } from '@kaoping/db/rectification/rectification.repository';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit } from '../scope';

type Authed = Context & { user: SessionUser };

/** Accepted evidence types, recognised by their first bytes (never by the name alone). */
function sniffMime(bytes: Buffer, fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

export async function uploadEvidence(ctx: Authed, input: { itemId: number; fileName: string; contentBase64: string }) {
  const item = await findLedgerItem(ctx.db, input.itemId);
  if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: '整改任务不存在' });
  assertCanSeeUnit(ctx.user, item.unitId);
  if (ctx.user.role !== 'liaison' && ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: '当前角色无权上传佐证材料' });
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.byteLength === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: '文件为空' });
  if (content.byteLength > EVIDENCE_MAX_BYTES) throw new TRPCError({ code: 'BAD_REQUEST', message: '文件超过 5 MB,请压缩后再上传' });
  const mime = sniffMime(content, input.fileName);
  if (!mime) throw new TRPCError({ code: 'BAD_REQUEST', message: '只能上传 PDF、PNG、JPG、Word(.docx)或 Excel(.xlsx)文件' });
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const id = await insertEvidenceFile(trx, { itemId: item.id, unitId: item.unitId, fileName: input.fileName, mime, content, sha256, uploadedAt: now.toISOString(), uploadedBy: ctx.user.id });
    await recordChange(trx, ctx.user, now, { action: 'rectification.evidence', entity: 'rectification', entityId: item.id, unitId: item.unitId, before: null, after: { fileId: id, fileName: input.fileName, size: content.byteLength, sha256 } });
    // The reference stored in a submission's evidence list.
    return { id, url: `kp-file:${id}`, fileName: input.fileName, size: content.byteLength, mime };
  });
}

/** A stored file, only for users who may see its unit. */
export async function downloadEvidence(ctx: Authed, fileId: number) {
  const file = await findEvidenceFile(ctx.db, fileId);
  if (!file) throw new TRPCError({ code: 'NOT_FOUND', message: '文件不存在' });
  assertCanSeeUnit(ctx.user, file.unitId);
  return { fileName: file.fileName, mime: file.mime, size: file.size, contentBase64: file.content.toString('base64') };
}
