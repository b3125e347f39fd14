// Deterministic made-up data for the chart preview page (e2e screenshots and `pnpm bench`):
// a seeded PRNG, no server. Unit names look like the 江临市 demo city; a few carry markup to
// prove it is shown as text and never runs.
import type { HeatMapIndicator, HeatMapUnit } from '@kaoping/dashboard/charts/options/heat-map';
import type { RankingUnit } from '@kaoping/dashboard/charts/options/ranking-bar';

/** A name that sets window.__xss if it ever becomes an element. */
export const XSS_FLAG_NAME = '<img src=x onerror=window.__xss=1>';
/** The issue's own example; an alert would open a dialog, which the e2e fails on. */
export const XSS_ALERT_NAME = '<img src=x onerror=alert(1)>';

export function createPreviewRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    normal,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const COUNTIES = ['临江区', '东湖区', '西山区', '南屏区', '北塘区', '清河县', '云溪县', '石门县', '柳林县', '安澜市'];
const PLACES = ['青', '石', '白', '云', '桃', '柳', '松', '梅', '兰', '竹', '金', '玉', '龙', '凤', '安', '平', '长', '新'];
const PLACES2 = ['山', '水', '溪', '湾', '岭', '桥', '港', '田', '坪', '林', '湖', '塘', '河', '洲', '源', '口'];
const DEPTS = [
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电旅游局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
];

export function unitName(i: number, random: ReturnType<typeof createPreviewRandom>): string {
  if (i < DEPTS.length) return `江临市${DEPTS[i]}`;
  return `${random.pick(COUNTIES)}${random.pick(PLACES)}${random.pick(PLACES2)}${random.next() < 0.5 ? '镇人民政府' : '街道办事处'}`;
}

export const gradeOf = (score: number): string => (score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格');

/** `count` units ranked by a made-up score; the two markup names take ranks 1 and 2. */
export function generateRankingUnits(count: number, seed = 7, options: { withIntervals?: boolean } = {}): RankingUnit[] {
  const random = createPreviewRandom(seed);
  const scored = Array.from({ length: count }, (_, i) => ({
    key: `U${String(i + 1).padStart(4, '0')}`,
    name: unitName(i, random),
    score: Math.round(Math.min(100, Math.max(35, 82 + random.normal() * 6)) * 100) / 100,
  }));
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  if (scored[0]) scored[0].name = XSS_FLAG_NAME;
  if (scored[1]) scored[1].name = XSS_ALERT_NAME;
  let rank = 0;
  return scored.map((u, i) => {
    if (i === 0 || u.score !== scored[i - 1]?.score) rank = i + 1;
    const spread = options.withIntervals ? Math.max(0, Math.round(Math.abs(random.normal()) * Math.min(6, count / 6))) : 0;
    const isVetoFail = count > 10 && i === count - 1;
    return {
      ...u,
      rank: isVetoFail ? null : rank,
      rankDelta: random.next() < 0.1 ? null : random.int(-5, 5),
      grade: isVetoFail ? '不合格' : gradeOf(u.score),
      isVetoFail,
      ...(options.withIntervals && !isVetoFail
        ? {
            interval: { low: Math.max(1, rank - spread), high: Math.min(count - 1, rank + spread + random.int(0, 1)), median: rank },
            isNotRobust: spread >= 2,
          }
        : {}),
    };
  });
}

export const LEVEL1_NAMES = [
  '主动公开',
  '依申请公开',
  '政策解读',
  '回应关切',
  '平台建设',
  '年度报告',
  '问题整改',
  '基层政务公开',
  '政府信息管理',
  '重点领域信息',
  '监督保障',
  '创新做法',
];

/** Units × indicators; 政策解读 is weak across the group, 重点领域信息 often not applicable. */
export function generateHeatMap(
  unitCount: number,
  indicatorCount: number,
  seed = 11,
): { indicators: HeatMapIndicator[]; units: HeatMapUnit[]; average: (number | null)[] } {
  const random = createPreviewRandom(seed);
  const indicators = Array.from({ length: indicatorCount }, (_, i) => ({ code: String(i + 1), name: LEVEL1_NAMES[i] ?? `指标${i + 1}` }));
  const difficulty = indicators.map((ind) => (ind.name === '政策解读' ? 32 : ind.name === '回应关切' ? 14 : random.int(0, 12)));
  const units = Array.from({ length: unitCount }, (_, u) => {
    const quality = random.normal() * 9;
    return {
      key: `U${String(u + 1).padStart(4, '0')}`,
      name: u === 0 ? XSS_FLAG_NAME : unitName(u, random),
      shares: indicators.map((ind, i) =>
        ind.name === '重点领域信息' && random.next() < 0.35
          ? null
          : Math.round(Math.min(100, Math.max(0, 92 - (difficulty[i] ?? 0) + quality + random.normal() * 8)) * 10) / 10,
      ),
    };
  });
  const average = indicators.map((_, i) => {
    const present = units.map((u) => u.shares[i]).filter((s): s is number => s !== null && s !== undefined);
    return present.length ? Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10 : null;
  });
  return { indicators, units, average };
}
