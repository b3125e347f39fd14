// Evidence files (佐证材料) of a rectification item. The content decides the type and the stored
// name's extension (a %PDF- polyglot called x.html is stored as x.pdf); the name is cleaned of paths,
// control and invisible characters; a finished item takes no more files. Who may call is the
// procedure's business; which unit's items a caller may touch is checked here (scope).
import { createHash } from 'node:crypto';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { EVIDENCE_MAX_BYTES } from '@kaoping/contracts/rectification/rectification-ledger';
import { findEvidenceFile, insertEvidenceFile } from '@kaoping/db/rectification/evidence-file.repository';
import { findLedgerItem } from '@kaoping/db/rectification/rectification.repository';
import { conflict, invalidInput, notFound, tooLarge } from '@kaoping/domain/errors/domain-error';
import { safeFileName } from '@kaoping/domain/files/safe-file-name';
import { detectFileType } from '@kaoping/importers/guard/detect-file-type';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit } from '../scope';

type Authed = Context & { user: SessionUser };

export const EVIDENCE_TYPES = ['pdf', 'png', 'jpg', 'docx', 'xlsx'] as const;

/** Nothing more happens to an item in these statuses: no evidence can be added. */
const FINISHED: readonly RectificationStatus[] = ['closed', 'explained', 'cancelled'];

const EXT_OF_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export async function uploadEvidence(ctx: Authed, input: { itemId: number; fileName: string; contentBase64: string }) {
  const item = await findLedgerItem(ctx.db, input.itemId);
  if (!item) throw notFound('整改任务不存在');
  assertCanSeeUnit(ctx.user, item.unitId);
  if (FINISHED.includes(item.status)) throw conflict('该整改任务已办结(已销号、已说明或已撤销),不能再上传佐证材料');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.byteLength === 0) throw invalidInput('文件为空');
  if (content.byteLength > EVIDENCE_MAX_BYTES) throw tooLarge('文件超过 5 MB,请压缩后再上传');
  const type = await detectFileType(content, EVIDENCE_TYPES);
  if (!type) throw invalidInput('只能上传 PDF、PNG、JPG、Word(.docx)或 Excel(.xlsx)文件');
  const fileName = safeFileName(input.fileName, type.ext, '佐证材料');
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const id = await insertEvidenceFile(trx, {
      itemId: item.id,
      unitId: item.unitId,
      fileName,
      mime: type.mime,
      content,
      sha256,
      uploadedAt: now.toISOString(),
      uploadedBy: ctx.user.id,
    });
    await recordChange(trx, ctx.user, now, {
      action: 'rectification.evidence',
      entity: 'rectification',
      entityId: item.id,
      unitId: item.unitId,
      before: null,
      after: { fileId: id, fileName, size: content.byteLength, sha256 },
    });
    // The reference stored in a submission's evidence list.
    return { id, url: `kp-file:${id}`, fileName, size: content.byteLength, mime: type.mime };
  });
}

/** A stored file, only for users who may see its unit; names stored before cleaning are cleaned on the way out. */
export async function downloadEvidence(ctx: Authed, fileId: number) {
  const file = await findEvidenceFile(ctx.db, fileId);
  if (!file) throw notFound('文件不存在');
  assertCanSeeUnit(ctx.user, file.unitId);
  const ext = EXT_OF_MIME[file.mime] ?? 'bin';
  return {
    fileName: safeFileName(file.fileName, ext, '佐证材料'),
    mime: file.mime,
    size: file.size,
    contentBase64: file.content.toString('base64'),
  };
}
