import type { Db } from '../connect';

export interface EvidenceFileInfo {
  id: number;
  itemId: number;
  unitId: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export async function insertEvidenceFile(
  db: Db,
  file: {
    itemId: number;
    unitId: number;
    fileName: string;
    mime: string;
    content: Buffer;
    sha256: string;
    uploadedAt: string;
    uploadedBy: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('rectification_files')
    .values({
      item_id: file.itemId,
      unit_id: file.unitId,
      file_name: file.fileName,
      mime: file.mime,
      size: file.content.byteLength,
      sha256: file.sha256,
      content: file.content,
      uploaded_at: file.uploadedAt,
      uploaded_by: file.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function listEvidenceFiles(db: Db, itemId: number): Promise<EvidenceFileInfo[]> {
  const rows = await db
    .selectFrom('rectification_files')
    .select(['id', 'item_id', 'unit_id', 'file_name', 'mime', 'size', 'sha256', 'uploaded_at'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    itemId: r.item_id,
    unitId: r.unit_id,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
  }));
}

export async function findEvidenceFile(db: Db, id: number): Promise<(EvidenceFileInfo & { content: Buffer }) | null> {
  const r = await db.selectFrom('rectification_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: Number(r.id),
    itemId: r.item_id,
    unitId: r.unit_id,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
    content: Buffer.from(r.content),
  };
}
