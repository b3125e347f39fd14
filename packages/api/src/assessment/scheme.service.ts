// Schemes (考核方案): import (validated by the domain engine; errors name the node), export as
// the spec's scheme.json, copy to next year. A frozen scheme (used by published results)
// never changes; next year's starts as a copy.
import type { IndicatorNode, Scheme } from '@kaoping/contracts/scoring/scheme';
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { validateSchemeText } from '@kaoping/domain/scoring/validate-scheme-text';
import { sha256Hex } from '@kaoping/db/assessment/publication-snapshot';
import { listRounds } from '@kaoping/db/assessment/round.repository';
import {
  findSchemeById,
  findSchemeByYear,
  insertScheme,
  listSchemes,
  replaceDraftScheme,
  type SchemeRecord,
} from '@kaoping/db/assessment/scheme.repository';
import type { Db } from '@kaoping/db/connect';
import { recordChange } from '../audit/record-change';
import type { Authed } from './round.service';

export type SchemeImportResult =
  { ok: true; created: boolean; scheme: Omit<SchemeRecord, 'scheme' | 'json'> } | { ok: false; problems: string[] };

/** Stored text: pretty JSON of the validated scheme (so export gives back a clean file). */
function schemeText(scheme: Scheme): string {
  return `${JSON.stringify(scheme, null, 2)}\n`;
}

/** How the scheme arrived, for the audit log: scheme.json (default) or the office's 细则 document. */
export interface SchemeImportOrigin {
  action: 'assessment.scheme.import' | 'assessment.scheme.importDocument';
  source: string | null;
}

export async function importScheme(
  ctx: Authed,
  input: { json: string; version: number | null },
  origin: SchemeImportOrigin = { action: 'assessment.scheme.import', source: null },
): Promise<SchemeImportResult> {
  const checked = validateSchemeText(input.json);
  if (!checked.ok) return checked;
  const scheme = checked.scheme;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const json = schemeText(scheme);
    const fields = { code: scheme.code, title: scheme.title, json, contentHash: sha256Hex(json) };
    const existing = await findSchemeByYear(trx, scheme.year);
    if (!existing) {
      const created = await insertScheme(trx, { year: scheme.year, ...fields }, now.toISOString());
      await recordChange(trx, ctx.user, now, {
        action: origin.action,
        entity: 'scheme',
        entityId: created.id,
        unitId: null,
        before: null,
        after: {
          year: created.year,
          code: created.code,
          title: created.title,
          contentHash: created.contentHash,
          ...(origin.source ? { source: origin.source } : {}),
        },
      });
      const { scheme: _s, json: _j, ...summary } = created;
      return { ok: true as const, created: true, scheme: summary };
    }
    if (existing.status === 'frozen') {
      return {
        ok: false as const,
        problems: [`${scheme.year}年度方案 ${existing.code} 已用于发布的结果,已冻结,不能修改;请复制为下一年度方案后修改`],
      };
    }
    if (input.version === null) {
      return {
        ok: false as const,
        problems: [`${scheme.year}年度已有方案 ${existing.code}(第${existing.version}版);如要替换,请在该方案页面导入`],
      };
    }
    const replaced = await replaceDraftScheme(trx, existing.id, input.version, fields, now.toISOString());
    if (!replaced) throw conflict('该方案已被他人修改,请刷新后重试');
    await recordChange(trx, ctx.user, now, {
      action: origin.action === 'assessment.scheme.importDocument' ? origin.action : 'assessment.scheme.replace',
      entity: 'scheme',
      entityId: existing.id,
      unitId: null,
      before: { code: existing.code, title: existing.title, version: existing.version, contentHash: existing.contentHash },
      after: {
        code: replaced.code,
        title: replaced.title,
        version: replaced.version,
        contentHash: replaced.contentHash,
        ...(origin.source ? { source: origin.source } : {}),
      },
    });
    const { scheme: _s, json: _j, ...summary } = replaced;
    return { ok: true as const, created: false, scheme: summary };
  });
}

async function requireScheme(db: Db, id: number): Promise<SchemeRecord> {
  const scheme = await findSchemeById(db, id);
  if (!scheme) throw notFound('考核方案不存在');
  return scheme;
}

export async function listSchemesWithUse(ctx: Authed) {
  const [schemes, rounds] = await Promise.all([
    listSchemes(ctx.db),
    listRounds(ctx.db, { year: null, statuses: null, includeSelf: false }),
  ]);
  return schemes.map((s) => ({
    ...s,
    rounds: rounds.filter((r) => r.schemeId === s.id).map((r) => ({ id: r.id, periodCode: r.periodCode, status: r.status })),
  }));
}

export interface SchemeNodeView {
  code: string;
  name: string;
  level: number;
  points: number;
  isLeaf: boolean;
  rule: IndicatorNode['rule'] | null;
  appliesTo: IndicatorNode['appliesTo'] | null;
  na: IndicatorNode['na'] | null;
  pooledDeductions: boolean;
}

/** The indicator tree flattened in order (for the tree view and the scoring grid). */
export function flattenIndicators(nodes: readonly IndicatorNode[], level = 1, out: SchemeNodeView[] = []): SchemeNodeView[] {
  for (const node of nodes) {
    const isLeaf = (node.children ?? []).length === 0;
    out.push({
      code: node.code,
      name: node.name,
      level,
      points: node.points,
      isLeaf,
      rule: node.rule ?? null,
      appliesTo: node.appliesTo ?? null,
      na: node.na ?? null,
      pooledDeductions: node.pooledDeductions === true,
    });
    if (!isLeaf) flattenIndicators(node.children ?? [], level + 1, out);
  }
  return out;
}

export async function getScheme(ctx: Authed, id: number) {
  const record = await requireScheme(ctx.db, id);
  const { scheme, json: _json, ...summary } = record;
  return {
    ...summary,
    groups: scheme.groups,
    nodes: flattenIndicators(scheme.indicators),
    vetoes: scheme.vetoes,
    bonus: scheme.bonus ?? null,
    majorDeductions: scheme.majorDeductions,
    grading: scheme.grading,
    annual: scheme.annual ?? null,
  };
}

export async function exportScheme(ctx: Authed, id: number): Promise<{ fileName: string; json: string }> {
  const record = await requireScheme(ctx.db, id);
  return { fileName: `scheme-${record.code}.json`, json: record.json };
}

/** Next year's scheme starts as a copy of this one (codes and titles carry the new year). */
export async function copySchemeToYear(ctx: Authed, input: { id: number; year?: number | undefined }) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const source = await requireScheme(trx, input.id);
    const year = input.year ?? source.year + 1;
    if (await findSchemeByYear(trx, year)) throw conflict(`${year}年度已有方案`);
    const swapYear = (text: string) => text.replaceAll(String(source.year), String(year));
    const copy: Scheme = { ...source.scheme, year, code: swapYear(source.scheme.code), title: swapYear(source.scheme.title) };
    if (copy.code === source.scheme.code) copy.code = `${source.scheme.code}-${year}`;
    const json = schemeText(copy);
    const checked = validateSchemeText(json);
    if (!checked.ok) throw invalidInput(checked.problems.join(';'), { problems: checked.problems });
    const created = await insertScheme(
      trx,
      { year, code: copy.code, title: copy.title, json, contentHash: sha256Hex(json) },
      now.toISOString(),
    );
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.scheme.copy',
      entity: 'scheme',
      entityId: created.id,
      unitId: null,
      before: { id: source.id, code: source.code },
      after: { id: created.id, code: created.code, year },
    });
    const { scheme: _s, json: _j, ...summary } = created;
    return summary;
  });
}
