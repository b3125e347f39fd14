// A deterministic 2026Q3 bulletin for 江临市 (the demo city's 4 groups, 155 units): scores built from
// findings (100 minus the points lost), ranks and movement against a drawn previous quarter, the
// praised and failing units, problems by category, last quarter's rectification figures.
// Used by the tests and to render a sample document; the real caller builds BulletinData from the database.
import { createSeededRandom, type SeededRandom } from '@kaoping/domain/random/seeded-random';
import {
  defaultBulletinTitle,
  formatPeriodLabel,
  withDefaultWording,
  type BulletinAnnexFinding,
  type BulletinData,
  type BulletinFacts,
  type BulletinGroup,
  type BulletinGroupMentions,
  type BulletinProblemCategory,
  type BulletinRankingRow,
} from './bulletin-data';

const CITY = '江临市';
const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
const PASS_LINE = 60;
const EXCELLENT_QUOTA = 0.3;

const COUNTIES = ['临江区', '东湖区', '西山区', '南屏区', '北塘区', '清河县', '云溪县', '石门县', '柳林县', '安澜市'];
const KEY_DEPARTMENTS = [
  '发展和改革委员会',
  '教育局',
  '公安局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '卫生健康委员会',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '城市管理局',
  '行政审批局',
  '退役军人事务局',
];
const OTHER_DEPARTMENTS = [
  '科学技术局',
  '工业和信息化局',
  '司法局',
  '文化广电旅游局',
  '审计局',
  '统计局',
  '林业局',
  '体育局',
  '人民防空办公室',
  '信访局',
  '民族宗教事务局',
  '外事办公室',
  '国有资产监督管理委员会',
  '地方金融管理局',
  '机关事务管理局',
  '档案馆',
  '地方志办公室',
  '公共资源交易中心',
  '住房公积金管理中心',
  '数据局',
  '粮食和物资储备局',
  '供销合作总社',
  '投资促进局',
  '乡村振兴局',
  '港航事业发展中心',
];
const PLACE_FIRST = '青白金石桃柳梅兰松竹云凤龙鹤洪清新安永丰长平宁福华东西南北上下黄红湾沙';
const PLACE_SECOND = '山河湖溪桥浦口塘坪岭湾港岗庄田源林泉渡沟坝埠圩店集';

interface SampleUnit {
  name: string;
  group: string;
  quality: number;
}

const pick = <T>(random: SeededRandom, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const int = (random: SeededRandom, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const round2 = (n: number) => Math.round(n * 100) / 100;

function sampleUnits(random: SeededRandom): SampleUnit[] {
  const units: SampleUnit[] = [];
  const used = new Set(COUNTIES.map((c) => c.slice(0, 2)));
  COUNTIES.forEach((county, i) => {
    units.push({ name: i < 5 ? `${CITY}${county}人民政府` : `${county}人民政府`, group: 'A', quality: 0.75 + random() * 0.25 });
    for (let j = 1; j <= 10; j++) {
      let place: string;
      do place = pick(random, [...PLACE_FIRST]) + pick(random, [...PLACE_SECOND]);
      while (used.has(place));
      used.add(place);
      const street = i < 5 || (i === 9 && j <= 4);
      const suffix = street ? '街道办事处' : random() < 0.2 ? '乡人民政府' : '镇人民政府';
      units.push({ name: `${county}${place}${suffix}`, group: 'C', quality: 0.45 + random() * 0.55 });
    }
  });
  for (const d of KEY_DEPARTMENTS) units.push({ name: `${CITY}${d}`, group: 'B1', quality: 0.65 + random() * 0.35 });
  for (const d of OTHER_DEPARTMENTS) units.push({ name: `${CITY}${d}`, group: 'B2', quality: 0.55 + random() * 0.45 });
  return units;
}

/** "每发现一处扣x分，扣完为止": `per` points for each occurrence, at most `cap`. */
interface ProblemTemplate {
  category: string;
  indicator: string;
  per: number;
  cap: number;
  /** The finding's text and how many occurrences it counts. */
  describe: (random: SeededRandom) => [string, number];
  /** Township-only or department-only problems. */
  groups?: readonly string[];
}

const COLUMNS = ['工作动态', '通知公告', '政策文件', '财政预决算', '人事信息', '规划计划', '统计信息', '重大项目', '行政处罚', '行政许可'];
const DOCS = [
  '关于进一步优化营商环境的若干措施',
  '城乡居民基本医疗保险实施细则',
  '老旧小区改造项目管理办法',
  '农村集体经济组织财务管理规定',
  '公共资源交易领域信用管理办法',
  '安全生产专项整治三年行动方案',
];
const MONTHS = ['2026年3月', '2026年2月', '2026年1月'];
const SERVICES = ['社会救助', '养老服务', '农村危房改造', '涉农补贴', '户籍管理', '就业创业'];

/** "“a”“b”等2个栏目" or "“a”栏目". */
function quoted(random: SeededRandom, from: readonly string[], n: number, noun: string): string {
  const chosen: string[] = [];
  while (chosen.length < n) {
    const item = pick(random, from);
    if (!chosen.includes(item)) chosen.push(item);
  }
  return n === 1 ? `“${chosen[0] ?? ''}”${noun}` : `${chosen.map((c) => `“${c}”`).join('')}等${n}个${noun}`;
}

/** Indicator weights differ by group in the scheme, so the same finding costs a county more than a township. */
const WEIGHT: Record<string, number> = { A: 1.8, B1: 1.6, B2: 1.5, C: 1.3 };

const TEMPLATES: readonly ProblemTemplate[] = [
  {
    category: '信息更新不及时',
    indicator: '政务公开平台 / 栏目更新',
    per: 4,
    cap: 8,
    describe: (r) => {
      const n = int(r, 1, 2);
      return [
        `${quoted(r, COLUMNS.slice(0, 2), n, '栏目')}最近一次更新为${pick(r, ['2026年8月6日', '2026年8月21日', '2026年9月2日'])}，超过2周未更新`,
        n,
      ];
    },
  },
  {
    category: '信息更新不及时',
    indicator: '主动公开 / 法定主动公开内容',
    per: 2,
    cap: 6,
    describe: (r) => {
      const n = int(r, 1, 3);
      return [`${quoted(r, COLUMNS.slice(2), n, '栏目')}自${pick(r, MONTHS)}以来未发布信息，超过6个月未更新`, n];
    },
  },
  {
    category: '信息更新不及时',
    indicator: '主动公开 / 财政信息',
    per: 5,
    cap: 5,
    describe: () => ['未按规定在批复后20日内公开2026年部门预算', 1],
    groups: ['B1', 'B2'],
  },
  {
    category: '政策解读不规范',
    indicator: '政策解读 / 解读材料',
    per: 2,
    cap: 6,
    describe: (r) => {
      const n = int(r, 1, 3);
      return [`${n === 1 ? `《${pick(r, DOCS)}》` : `《${pick(r, DOCS)}》等${n}件政策文件`}印发后未同步发布解读材料`, n];
    },
  },
  {
    category: '政策解读不规范',
    indicator: '政策解读 / 解读质量',
    per: 1.5,
    cap: 3,
    describe: (r) => {
      const n = int(r, 1, 2);
      return [`${n}篇解读材料照搬文件原文，未对出台背景、主要内容和新旧变化作实质性解读`, n];
    },
  },
  {
    category: '栏目设置不规范',
    indicator: '政务公开平台 / 栏目规范',
    per: 1,
    cap: 4,
    describe: (r) => {
      const n = int(r, 1, 4);
      return [`信息公开目录中${quoted(r, COLUMNS.slice(5), n, '子栏目')}为空白栏目`, n];
    },
  },
  {
    category: '栏目设置不规范',
    indicator: '政务公开平台 / 栏目规范',
    per: 2,
    cap: 2,
    describe: () => ['“重点领域信息公开”栏目信息归类混乱，工作动态与政策文件交叉混放', 1],
  },
  {
    category: '依申请公开答复不规范',
    indicator: '依申请公开 / 答复规范',
    per: 3,
    cap: 6,
    describe: (r) => {
      const n = int(r, 1, 2);
      return [`${n}件依申请公开答复超过法定期限（20个工作日）`, n];
    },
    groups: ['A', 'B1', 'B2'],
  },
  {
    category: '依申请公开答复不规范',
    indicator: '依申请公开 / 答复规范',
    per: 1,
    cap: 3,
    describe: (r) => {
      const n = int(r, 1, 3);
      return [`${n}份答复书未告知申请人行政复议和行政诉讼救济途径`, n];
    },
  },
  {
    category: '内容表述错误',
    indicator: '公开规范 / 内容准确性',
    per: 1,
    cap: 3,
    describe: (r) => {
      const n = int(r, 1, 3);
      return [
        `发现错别字和表述错误${n}处，如${pick(r, ['将“营商环境”误写为“营商坏境”', '将“政府信息公开”误写为“政府信息公布”', '机构职能页面仍使用机构改革前的旧名称'])}`,
        n,
      ];
    },
  },
  {
    category: '互动回应不及时',
    indicator: '互动回应 / 留言办理',
    per: 1,
    cap: 5,
    describe: (r) => {
      const n = int(r, 2, 6);
      return [`“领导信箱”中${n}条群众留言超过10个工作日未答复`, n];
    },
  },
  {
    category: '链接不可用',
    indicator: '政务公开平台 / 链接可用性',
    per: 0.5,
    cap: 3,
    describe: (r) => {
      const n = int(r, 2, 7);
      return [`首页“${pick(r, ['办事服务', '政策文件', '专题专栏'])}”等区域${n}处链接无法访问`, n];
    },
  },
  {
    category: '个人信息保护不到位',
    indicator: '公开规范 / 个人信息保护',
    per: 6,
    cap: 6,
    describe: (r) => [`公示材料中完整公开了${int(r, 2, 9)}名群众的身份证号码和手机号码`, 1],
  },
  {
    category: '基层政务公开标准化不到位',
    indicator: '基层政务公开 / 标准目录',
    per: 1,
    cap: 5,
    describe: (r) => {
      const n = int(r, 1, 5);
      return [`基层政务公开标准目录中${quoted(r, SERVICES, n, '事项')}未公开办理结果`, n];
    },
    groups: ['C'],
  },
];
/** An indicator scored by a rate gives points lost with two decimals, like real sheets. */
const RATE_PROBLEM = { category: '依申请公开答复不规范', indicator: '依申请公开 / 按期答复率' };

const CATEGORY_SUMMARY: Record<string, string> = {
  信息更新不及时: '部分单位动态类栏目更新不及时，法定主动公开内容长期未更新，财政预决算等信息未按时限公开',
  政策解读不规范: '部分单位政策文件与解读材料未做到同步起草、同步审签、同步发布，解读内容照搬原文、流于形式',
  栏目设置不规范: '部分单位信息公开目录设置不规范，存在空白栏目、信息归类混乱等问题',
  依申请公开答复不规范: '部分单位依申请公开答复超过法定期限，答复书要素不全',
  内容表述错误: '部分单位发布内容审核把关不严，存在错别字和表述不规范问题',
  互动回应不及时: '部分单位互动交流渠道管理不到位，群众留言长期未答复',
  链接不可用: '部分单位网站链接维护不及时，存在错链、断链',
  个人信息保护不到位: '部分单位公开前保密审查和个人信息保护审查不到位，公开内容涉及群众个人隐私',
  基层政务公开标准化不到位: '部分乡镇（街道）基层政务公开标准目录事项公开不全，办理结果未公开',
};

interface ScoredUnit extends SampleUnit {
  findings: BulletinAnnexFinding[];
  categories: string[];
  score: number;
  previousScore: number | null;
  veto: string | null;
}

function scoreUnits(random: SeededRandom, units: SampleUnit[]): ScoredUnit[] {
  return units.map((unit) => {
    const findings: BulletinAnnexFinding[] = [];
    const categories: string[] = [];
    const count = Math.max(random() < 0.04 ? 0 : 1, Math.round((1 - unit.quality) * 9 + random() * 1.5 - 0.5));
    const templates = TEMPLATES.filter((t) => !t.groups || t.groups.includes(unit.group));
    for (let i = 0; i < count; i++) {
      const template = pick(random, templates);
      const [description, times] = template.describe(random);
      if (findings.some((f) => f.indicator === template.indicator && f.description.slice(0, 6) === description.slice(0, 6))) continue;
      findings.push({
        indicator: template.indicator,
        description,
        pointsLost: round2(Math.min(template.cap, template.per * times) * (WEIGHT[unit.group] ?? 1)),
      });
      categories.push(template.category);
    }
    if (unit.group !== 'C' && random() < 0.3) {
      const rate = round2(80 + random() * 19);
      findings.push({
        indicator: RATE_PROBLEM.indicator,
        description: `依申请公开按期答复率为${rate.toFixed(2)}%，低于100%的目标要求`,
        pointsLost: round2((100 - rate) * 0.1),
      });
      categories.push(RATE_PROBLEM.category);
    }
    const lost = findings.reduce((s, f) => s + f.pointsLost, 0);
    const score = round2(Math.max(0, 100 - lost));
    const previousScore = random() < 0.02 ? null : round2(Math.min(100, Math.max(40, score + (random() - 0.5) * 10)));
    return { ...unit, findings, categories, score, previousScore, veto: null };
  });
}

function gradeOf(score: number, veto: string | null): string {
  if (veto) return '不合格';
  if (score >= 90) return '优秀';
  if (score >= 80) return '良好';
  if (score >= PASS_LINE) return '合格';
  return '不合格';
}

/** Standard competition ranking (1, 2, 2, 4) on the published 2-decimal score; vetoed units are unranked. */
function rankOf<T>(items: readonly T[], scoreOf: (item: T) => number | null): Map<T, number> {
  const ranked = items.filter((i) => scoreOf(i) !== null).sort((a, b) => (scoreOf(b) ?? 0) - (scoreOf(a) ?? 0));
  const ranks = new Map<T, number>();
  ranked.forEach((item, i) => {
    const previous = ranked[i - 1];
    const previousRank = previous === undefined ? undefined : ranks.get(previous);
    ranks.set(item, previous !== undefined && previousRank !== undefined && scoreOf(previous) === scoreOf(item) ? previousRank : i + 1);
  });
  return ranks;
}

function countGrades(grades: readonly string[]) {
  return GRADES.map((grade) => ({ grade, count: grades.filter((g) => g === grade).length }));
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : round2(xs.reduce((s, x) => s + x, 0) / xs.length));

function buildGroup(code: string, name: string, units: readonly ScoredUnit[]): BulletinGroup {
  const current = rankOf(units, (u) => (u.veto ? null : u.score));
  const previous = rankOf(units, (u) => u.previousScore);
  const rows: BulletinRankingRow[] = [...units]
    .sort((a, b) => (a.veto ? 1 : 0) - (b.veto ? 1 : 0) || b.score - a.score || a.name.localeCompare(b.name, 'zh'))
    .map((u) => {
      const rank = current.get(u) ?? null;
      const previousRank = previous.get(u) ?? null;
      // The scheme's quota: 优秀 for at most 30% of the group (rounded down); the rest drop one band.
      const grade = gradeOf(u.score, u.veto);
      return {
        rank,
        rankDelta: rank === null || previousRank === null ? null : previousRank - rank,
        unitName: u.name,
        score: u.score,
        grade: grade === '优秀' && (rank === null || rank > Math.floor(units.length * EXCELLENT_QUOTA)) ? '良好' : grade,
        note: u.veto,
      };
    });
  const scores = units.map((u) => u.score);
  return {
    code,
    name,
    unitCount: units.length,
    average: mean(scores),
    max: scores.length === 0 ? null : Math.max(...scores),
    min: scores.length === 0 ? null : Math.min(...scores),
    passRate: units.length === 0 ? null : rows.filter((r) => r.grade !== '不合格').length / units.length,
    gradeCounts: countGrades(rows.map((r) => r.grade)),
    rows,
  };
}

const GROUPS = [
  { code: 'A', name: '县（市、区）政府' },
  { code: 'B1', name: '市直部门（承担重点领域）' },
  { code: 'B2', name: '市直部门（其他）' },
  { code: 'C', name: '乡镇（街道）' },
];

/** The facts of the sample bulletin, before the office's wording. */
export function sampleBulletinFacts(seed = 20263): BulletinFacts {
  const random = createSeededRandom(seed);
  const units = scoreUnits(random, sampleUnits(random));
  // Two vetoes and one unit far below the line, as in real quarters.
  const vetoes: [string, string, BulletinAnnexFinding][] = [
    [
      `${CITY}港航事业发展中心`,
      '单项否决：门户网站首页超过2周未更新',
      { indicator: '单项否决 / 首页更新', description: '门户网站首页最近一次更新为2026年9月8日，超过2周未更新', pointsLost: 0 },
    ],
    [
      units.filter((u) => u.group === 'C')[37]?.name ?? '',
      '单项否决：政务新媒体超过2周未更新',
      { indicator: '单项否决 / 政务新媒体更新', description: '政务微信公众号最近一次推送为2026年9月5日，超过2周未更新', pointsLost: 0 },
    ],
  ];
  for (const [name, note, finding] of vetoes) {
    const unit = units.find((u) => u.name === name);
    if (!unit) continue;
    unit.veto = note;
    unit.findings.unshift(finding);
    unit.categories.unshift('信息更新不及时');
  }
  const weakest = units.filter((u) => u.group === 'C')[61];
  if (weakest) {
    weakest.findings.push(
      { indicator: '政务公开平台 / 栏目更新', description: '“通知公告”“工作动态”等5个栏目超过2个月未更新', pointsLost: 12 },
      { indicator: '基层政务公开 / 标准目录', description: '基层政务公开标准目录26个事项中有14个未公开任何信息', pointsLost: 14 },
      { indicator: '互动回应 / 留言办理', description: '“书记信箱”中7条群众留言超过3个月未答复', pointsLost: 10 },
    );
    weakest.categories.push('信息更新不及时', '基层政务公开标准化不到位', '互动回应不及时');
    weakest.score = round2(Math.max(0, 100 - weakest.findings.reduce((s, f) => s + f.pointsLost, 0)));
  }

  const groups = GROUPS.map((g) =>
    buildGroup(
      g.code,
      g.name,
      units.filter((u) => u.group === g.code),
    ),
  );
  const all = groups.flatMap((g) => g.rows);
  const previousScores = units.flatMap((u) => (u.previousScore === null ? [] : [u.previousScore]));

  const praised: BulletinGroupMentions[] = groups.map((g) => ({
    groupName: g.name,
    units: g.rows
      .filter((r) => r.rank === 1 || r.grade === '优秀')
      .map((r) => ({ unitName: r.unitName, score: r.score, reason: r.rank === 1 ? '类别第一' : '优秀' })),
  }));
  const belowPassLine: BulletinGroupMentions[] = groups
    .map((g) => ({
      groupName: g.name,
      units: g.rows
        .filter((r) => r.grade === '不合格')
        .map((r) => ({ unitName: r.unitName, score: r.score, reason: r.note ?? `得分低于${PASS_LINE}分` })),
    }))
    .filter((g) => g.units.length > 0);

  const problemCategories: BulletinProblemCategory[] = Object.keys(CATEGORY_SUMMARY)
    .map((category) => {
      const hits = units.flatMap((u) => u.findings.filter((_, i) => u.categories[i] === category).map((f) => ({ unit: u, finding: f })));
      // The most serious findings make the examples, one per unit and preferably from different groups.
      const bySeverity = [...hits].sort((a, b) => b.finding.pointsLost - a.finding.pointsLost);
      const examples: typeof hits = [];
      for (const h of bySeverity) {
        if (examples.length === 3) break;
        if (!examples.some((e) => e.unit.name === h.unit.name || e.unit.group === h.unit.group)) examples.push(h);
      }
      for (const h of bySeverity) if (examples.length < 3 && !examples.some((e) => e.unit.name === h.unit.name)) examples.push(h);
      return {
        category,
        summary: CATEGORY_SUMMARY[category] ?? category,
        findingCount: hits.length,
        unitCount: new Set(hits.map((h) => h.unit.name)).size,
        examples: examples.map((h) => ({ unitName: h.unit.name, description: h.finding.description })),
      };
    })
    .filter((c) => c.findingCount > 0)
    .sort((a, b) => b.findingCount - a.findingCount);

  const cUnits = units.filter((u) => u.group === 'C');
  const periodCode = '2026Q3';
  const periodLabel = formatPeriodLabel(periodCode);
  const officeName = `${CITY}政务公开工作领导小组办公室`;
  return {
    cityName: CITY,
    officeName,
    officeShortName: '市政务公开办',
    periodCode,
    periodLabel,
    documentNumber: '江政公办〔2026〕12号',
    issueDate: '2026-10-15',
    title: defaultBulletinTitle(officeName, periodLabel, CITY),
    addressees: '各县（市、区）人民政府，市政府各部门，各乡镇人民政府（街道办事处）：',
    snapshotDate: '2026-09-30',
    schemeTitle: '《江临市2026年度政务公开工作考核方案》',
    schemeDocumentNumber: '江政公办〔2026〕3号',
    method: '委托第三方评估机构，采取技术监测与人工核查相结合的方式',
    passLine: PASS_LINE,
    grades: GRADES,
    overall: {
      unitsAssessed: all.length,
      average: mean(all.map((r) => r.score)),
      passRate: all.length === 0 ? null : all.filter((r) => r.grade !== '不合格').length / all.length,
      gradeCounts: countGrades(all.map((r) => r.grade)),
      previousAverage: mean(previousScores),
      previousPassRate: previousScores.length === 0 ? null : previousScores.filter((s) => s >= PASS_LINE).length / previousScores.length,
    },
    groups,
    praised,
    belowPassLine,
    problemCategories,
    rectification: {
      previousPeriodLabel: formatPeriodLabel('2026Q2'),
      itemCount: 212,
      closedOnTime: 171,
      closedLate: 17,
      overdue: 24,
      onTimeRate: 171 / 212,
      notReportedUnits: [
        `${CITY}应急管理局`,
        '石门县人民政府',
        `${CITY}供销合作总社`,
        cUnits[12]?.name ?? '',
        cUnits[48]?.name ?? '',
      ].filter((n) => n !== ''),
      repeatedUnits: [`${CITY}住房和城乡建设局`, cUnits[3]?.name ?? '', cUnits[77]?.name ?? ''].filter((n) => n !== ''),
    },
    requirements: [
      {
        heading: '抓紧整改到位',
        text: '各单位要对照附件所列问题逐项整改，整改完成后在考评系统上传整改佐证材料，并将经单位主要负责同志审签的整改报告报送市政务公开办。',
        dueDate: '2026-10-31',
      },
      {
        heading: '补报上季度整改情况',
        text: '上季度整改未按期反馈的单位，要书面说明原因，并一并报送整改情况；逾期仍未整改到位的，将按程序约谈单位分管负责同志。',
        dueDate: '2026-10-24',
      },
      {
        heading: '健全常态化自查机制',
        text: '各单位要落实“周自查、月通报”要求，明确专人负责网站和政务新媒体内容保障，严格执行信息发布前保密审查和个人信息保护审查，防止问题反复出现。',
        dueDate: null,
      },
      {
        heading: '做好年度考评准备',
        text: '各单位要对照年度考核方案完成全年工作自评，梳理佐证材料，按要求报送年度自评报告。',
        dueDate: '2026-12-15',
      },
    ],
    contact: { name: '周明华', phone: '0791-86231045' },
    publicity: '此件公开发布',
    annexes: groups.map((g) => ({
      title: `${g.name}政务公开考评问题清单`,
      units: g.rows
        .map((r) => units.find((u) => u.name === r.unitName))
        .filter((u): u is ScoredUnit => u !== undefined && u.findings.length > 0)
        .map((u) => ({ unitName: u.name, groupName: g.name, score: u.score, findings: u.findings })),
    })),
  };
}

/** The sample bulletin with the default wording filled in. */
export function sampleBulletinData(seed?: number): BulletinData {
  return withDefaultWording(sampleBulletinFacts(seed));
}
