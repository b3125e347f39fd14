import type { RectificationActionInput } from '@kaoping/contracts/rectification/rectification-action';
import type { RectificationActor, RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import { addWorkingDays, createWorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { addDays } from '@kaoping/domain/calendar/china-date';
import { parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import { applyTransition, issueRectificationItem } from '@kaoping/domain/rectification/rectification-machine';
import { nextPeriodCode } from '@kaoping/domain/rectification/rectification-carry-over';
import { isOpenRectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import type { Db } from '../connect';
import { insertEvent, insertItem, updateItemState, type RectificationMeta } from '../rectification/rectification.repository';
import { createRandom } from './random';
import type { DemoSeedContext } from './seed-demo-city';

// A living 整改台账 for the demo city: items issued from the published rounds' findings (grouped per
// unit and indicator, as offices do), each driven through the real state machine with plausible dates,
// so the ledger holds every status: closed on time and late, returned once, explained, cancelled,
// escalated, carried over, and still open — some of them overdue on the day the demo is loaded.

const PROBLEMS = [
  '政策文件栏目超过三个月未更新',
  '政策解读与文件未一一对应',
  '依申请公开答复超过法定期限',
  '年度报告数据勾稽关系不一致',
  '网站存在错别字及无效链接',
  '重点领域信息公开不全面',
  '规范性文件未标注有效性',
];

interface FindingGroup {
  unitId: number;
  period: string;
  leaf: string;
  findingIds: number[];
  description: string;
}

async function loadFindingGroups(trx: Db): Promise<FindingGroup[]> {
  const rows = await trx
    .selectFrom('findings as f')
    .innerJoin('assessment_rounds as r', 'r.id', 'f.round_id')
    .select(['f.id', 'f.unit_id', 'f.leaf_code', 'f.description', 'r.period_code'])
    .where('r.status', 'in', ['published', 'locked'])
    .where('f.status', '=', 'active')
    .orderBy('f.id')
    .execute();
  const groups = new Map<string, FindingGroup>();
  for (const r of rows) {
    const key = `${r.period_code}|${r.unit_id}|${r.leaf_code}`;
    const group = groups.get(key) ?? {
      unitId: r.unit_id,
      period: r.period_code,
      leaf: r.leaf_code,
      findingIds: [],
      description: r.description,
    };
    group.findingIds.push(Number(r.id));
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A fallback when no assessment data exists: a few items per quarter from typical problems. */
function manualGroups(ctx: DemoSeedContext, random: ReturnType<typeof createRandom>): FindingGroup[] {
  const unitIds = [...ctx.unitIds.values()];
  return ['2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3'].flatMap((period) =>
    Array.from({ length: 12 }, () => ({
      unitId: random.pick(unitIds),
      period,
      leaf: '',
      findingIds: [],
      description: random.pick(PROBLEMS),
    })),
  );
}

export async function seedDemoRectification(ctx: DemoSeedContext): Promise<Record<string, number>> {
  const random = createRandom(2025_11);
  const calendar = createWorkCalendar([]);
  const today = ctx.now.toISOString().slice(0, 10);
  const adminId = ctx.userIds.get('admin') ?? 1;
  const admin: RectificationActor = { userId: adminId, role: 'admin', unitId: null };
  const liaisons = new Map<number, number>();
  for (const user of ctx.city.users) {
    const unitId = user.unitCode ? ctx.unitIds.get(user.unitCode) : undefined;
    const userId = ctx.userIds.get(user.username);
    if (user.role === 'liaison' && unitId !== undefined && userId !== undefined && !liaisons.has(unitId)) liaisons.set(unitId, userId);
  }
  const found = await loadFindingGroups(ctx.trx);
  // About a third of the finding groups become items, which keeps the ledger readable.
  const groups = found.length > 0 ? found.filter(() => random.chance(0.35)) : manualGroups(ctx, random);
  const counters = new Map<number, number>();
  let created = 0;

  const lockedPeriods = new Set(ctx.city.periods.filter((p) => p.status === 'locked').map((p) => p.code));
  for (const group of groups) {
    const period = parsePeriod(group.period);
    if (!period) continue;
    const issuedOn = addWorkingDays(calendar, periodDateRange(period).end, 8);
    if (issuedOn > today) continue;
    const year = Number(issuedOn.slice(0, 4));
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const at = (date: string, hour = 2) => `${date}T0${hour}:00:00.000Z`;
    const issued = issueRectificationItem(
      {
        id: 0,
        code: `ZG-${year}-${String(seq).padStart(3, '0')}`,
        input: {
          unitId: group.unitId,
          period: period.code,
          findingIds: group.findingIds,
          title: group.description || random.pick(PROBLEMS),
          requirement: '请对照问题逐项整改,并报送整改措施、完成情况及佐证材料。',
          due: { kind: 'working_days', days: 15 },
        },
      },
      admin,
      at(issuedOn),
      calendar,
    );
    if (!issued.ok) continue;
    const meta: RectificationMeta = {
      severity: random.chance(0.15) ? 'serious' : 'normal',
      responsiblePerson: '',
      responsibleLeader: '',
      source: group.findingIds.length > 0 ? 'finding' : 'manual',
      evidenceRequired: true,
    };
    const id = await insertItem(ctx.trx, issued.item, meta);
    await insertEvent(ctx.trx, { ...issued.event, itemId: id }, '系统');
    created++;
    let item: RectificationItem = { ...issued.item, id };
    const unit: RectificationActor = { userId: liaisons.get(group.unitId) ?? adminId, role: 'liaison', unitId: group.unitId };
    const due = item.dueDate;
    // Each step happens on a date; steps that would lie in the future are not taken yet.
    const step = async (actor: RectificationActor, date: string, action: RectificationActionInput): Promise<boolean> => {
      if (date > today) return false;
      const result = applyTransition(item, action, actor, at(date, actor.role === 'liaison' ? 3 : 6));
      if (!result.ok) return false;
      await updateItemState(ctx.trx, result.item, item.version);
      await insertEvent(ctx.trx, result.event, actor.role === 'liaison' ? '单位联络员' : '市政务公开办');
      item = result.item;
      return true;
    };
    const fix = (note: string): RectificationActionInput => ({
      type: 'submit',
      measures: `已${(group.description || '问题').slice(0, 20)}进行整改:${note}`,
      completionNote: '已完成整改,栏目内容已更新',
      evidence: [{ label: '整改后页面', url: 'http://www.jiangling.gov.cn/zwgk/' }],
    });
    // What happens to the item, decided by one draw: a realistic mix of outcomes.
    const driveThroughLifecycle = async (fate: number): Promise<void> => {
      // The latest round's items are still being worked on: not signed for, in progress, waiting for re-check, returned.
      if (addDays(issuedOn, 60) > today) {
        if (fate < 0.2) return;
        if (!(await step(unit, addDays(issuedOn, random.int(0, 3)), { type: 'acknowledge', note: null }))) return;
        if (fate < 0.45) return;
        if (!(await step(unit, addDays(issuedOn, 3), { type: 'start', note: null })) || fate < 0.6) return;
        if (!(await step(unit, addDays(issuedOn, random.int(6, 12)), fix('已制定整改方案并逐项落实'))) || fate < 0.75) return;
        await step(
          admin,
          addDays(issuedOn, 14),
          fate < 0.88 ? { type: 'recheck_fail', reason: '整改不到位:栏目仍有过期信息' } : { type: 'recheck_pass', note: null },
        );
        return;
      }
      if (!(await step(unit, addDays(issuedOn, random.int(0, 2)), { type: 'acknowledge', note: null }))) return;
      if (fate < 0.08) {
        await step(admin, addDays(issuedOn, 5), { type: 'cancel', reason: '该问题经申诉复核后撤回' });
        return;
      }
      if (fate < 0.14) {
        if (
          await step(unit, addDays(issuedOn, 6), {
            type: 'explain',
            explanation: '该栏目已按上级要求整合至市级平台,本单位不再单独维护。',
            evidence: [],
          })
        )
          await step(admin, addDays(issuedOn, 9), { type: 'accept_explanation', note: null });
        return;
      }
      if (fate < 0.24) {
        // Still not reported: overdue if the due date has passed, then escalated.
        if (due < today && random.chance(0.6)) {
          await step(admin, addDays(due, 3), { type: 'escalate', level: 'reminder', decidedBy: null, note: null });
          if (random.chance(0.5))
            await step(admin, addDays(due, 12), { type: 'escalate', level: 'bulletin', decidedBy: '分管副秘书长', note: null });
        }
        return;
      }
      await step(unit, addDays(issuedOn, 2), { type: 'start', note: null });
      const late = fate > 0.85;
      const submitOn = late ? addDays(due, random.int(2, 12)) : addDays(issuedOn, random.int(5, 14));
      if (!(await step(unit, submitOn, fix('已逐项核查并补充公开')))) return;
      if (fate > 0.7 && fate <= 0.85) {
        if (!(await step(admin, addDays(submitOn, 2), { type: 'recheck_fail', reason: '佐证材料不完整,仍有未更新栏目' }))) return;
        if (!(await step(unit, addDays(submitOn, 5), fix('补充上传佐证材料')))) return;
        await step(admin, addDays(submitOn, 7), { type: 'recheck_pass', note: null });
        return;
      }
      await step(admin, addDays(submitOn, random.int(1, 4)), { type: 'recheck_pass', note: null });
    };
    await driveThroughLifecycle(random.next());
    // Items still open in a locked period were carried into the next one when it was locked.
    const next = nextPeriodCode(period.code);
    if (lockedPeriods.has(period.code) && next && isOpenRectificationStatus(item.status)) {
      const lockedOn = addDays(periodDateRange(period).end, 40);
      await step(admin, lockedOn < issuedOn ? issuedOn : lockedOn, { type: 'carry_over', into: next });
    }
  }
  return { rectificationItems: created };
}
