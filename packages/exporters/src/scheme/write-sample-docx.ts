// Writes sample published 考核细则 (.docx) to a folder for looking at the layout; the render script
// (scripts/render-scheme-docx.sh) turns them into page images. Two samples: the scheme with every
// rule kind (vetoes, bonus, major deductions, groups) and a long one that runs over several pages
// (header row repeated, parents merged across a page break).
//   pnpm exec tsx packages/exporters/src/scheme/write-sample-docx.ts OUT_DIR
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IndicatorNode, Scheme } from '@kaoping/contracts/scoring/scheme';
import { everyRuleKindScheme } from '@kaoping/domain/scheme-editor/every-rule-kind-scheme';
import { schemeDocx } from './scheme-docx';

const out = resolve(process.argv[2] ?? '.');
const topics = ['主动公开', '政策解读', '依申请公开', '平台建设', '基层公开', '组织保障'];
const long: Scheme = {
  ...everyRuleKindScheme,
  title: '江临市2026年度政务公开工作考核细则(长表样例)',
  indicators: topics.map((topic, t): IndicatorNode => {
    const children = Array.from({ length: 6 }, (_, i): IndicatorNode => ({
      code: `${t + 1}.${i + 1}`,
      name: `${topic}第${i + 1}项`,
      points: i < 4 ? 3 : 2,
      rule:
        i % 3 === 0
          ? { kind: 'deduct', perFinding: 0.5 }
          : i % 3 === 1
            ? { kind: 'binary' }
            : { kind: 'checklist', items: [{ code: 'a', name: '按时公开全文并附解读材料,要素齐全', points: i < 4 ? 3 : 2 }] },
    }));
    return { code: String(t + 1), name: topic, points: children.reduce((s, c) => s + c.points, 0), children };
  }),
};
long.indicators[long.indicators.length - 1] = { ...(long.indicators.at(-1) as IndicatorNode), points: 16 + 20 };
(long.indicators.at(-1) as IndicatorNode).children?.push({ code: '6.7', name: '年度考核结果运用', points: 20, rule: { kind: 'manual' } });
writeFileSync(join(out, 'every-rule-kind.docx'), await schemeDocx(everyRuleKindScheme));
writeFileSync(join(out, 'long-table.docx'), await schemeDocx(long));
process.stdout.write(`${out}/every-rule-kind.docx\n${out}/long-table.docx\n`);
