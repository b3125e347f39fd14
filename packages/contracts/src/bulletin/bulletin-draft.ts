// What the office edits and saves for a period's bulletin (通报): the header, the four paragraphs
// (blank = the default wording) and the requirements with their deadlines. Input of
// `bulletin.save`; the stored draft is read back through the same schema.
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, `不超过${max}个字`);
const chinaDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const bulletinRequirementSchema = z.object({
  heading: text(60).min(1, '请填写要求的标题'),
  text: text(1000),
  dueDate: chinaDate.nullable(),
  /**
   * Set: due this many working days after the 成文日期 (dueDate is then recomputed from the issue
   * date); null: dueDate is a date the office typed. Drafts saved before this field read as null.
   */
  workingDays: z.number().int('工作日数应为整数').min(1, '工作日数至少为1').max(250, '工作日数不超过250').nullable().default(null),
});
export type BulletinDraftRequirement = z.infer<typeof bulletinRequirementSchema>;

export const bulletinDraftContentSchema = z.object({
  title: text(200).min(1, '请填写标题'),
  documentNumber: text(60),
  issueDate: chinaDate,
  cityName: text(40).min(1, '请填写城市名称'),
  officeName: text(80).min(1, '请填写发文机关'),
  officeShortName: text(40).min(1, '请填写简称'),
  addressees: text(300),
  method: text(300),
  schemeDocumentNumber: text(60),
  /** '' omits the line. */
  publicity: text(60),
  contactName: text(40),
  contactPhone: text(40),
  basis: text(5000),
  overallComment: text(5000),
  requirementsIntro: text(5000),
  closing: text(5000),
  requirements: z.array(bulletinRequirementSchema).max(12, '工作要求不超过12条'),
});
export type BulletinDraftContent = z.infer<typeof bulletinDraftContentSchema>;

/** The header fields a new period's draft takes over from the office's last saved draft. */
export const BULLETIN_HEADER_KEYS = [
  'cityName',
  'officeName',
  'officeShortName',
  'addressees',
  'method',
  'publicity',
  'contactName',
  'contactPhone',
] as const;
