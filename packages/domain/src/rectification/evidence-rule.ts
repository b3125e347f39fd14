// 佐证材料 per order: the office decides when issuing whether the unit must attach evidence; when it
// must, a fix (报送整改情况) or an explanation (情况说明) with none is refused.
import type { RectificationAction } from '@kaoping/contracts/rectification/rectification-action';

export const EVIDENCE_REQUIRED_MESSAGE = '该整改任务要求提供佐证材料,请至少上传一个文件或填写一个网址';

/** The problem with this action's evidence for an order, or null when there is none. */
export function evidenceProblem(
  action: Pick<RectificationAction, 'type'> & { evidence?: readonly unknown[] },
  evidenceRequired: boolean,
): string | null {
  if (!evidenceRequired) return null;
  if (action.type !== 'submit' && action.type !== 'explain') return null;
  return (action.evidence?.length ?? 0) === 0 ? EVIDENCE_REQUIRED_MESSAGE : null;
}
