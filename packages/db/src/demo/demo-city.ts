import type { Role } from '@kaoping/contracts/auth/role';
import type { UnitKind } from '@kaoping/contracts/units/unit';
import { createRandom } from './random';

// 江临市: a fictional prefecture-level city. Pure data, generated deterministically from a seed,
// so end-to-end tests and screenshots see the same city every time. Later capabilities add
// their own generated data (reports, assessments, ledgers) on top of this registry.

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  tags: string[];
  group: string;
  validFrom: string;
  validTo?: string;
  successorCode?: string;
}
export interface DemoGroup {
  code: string;
  name: string;
  sortOrder: number;
}
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
}
export interface DemoCity {
  name: string;
  years: number[];
  groups: DemoGroup[];
  units: DemoUnit[];
  users: DemoUser[];
  periods: { code: string; status: 'open' | 'closed' | 'locked' }[];
}

export const DEMO_CITY_NAME = '江临市';
export const DEMO_PASSWORD = 'Kaoping@2026';

const COUNTIES: { name: string; kind: 'district' | 'county' | 'city' }[] = [
  { name: '临江区', kind: 'district' },
  { name: '东湖区', kind: 'district' },
  { name: '西山区', kind: 'district' },
  { name: '南屏区', kind: 'district' },
  { name: '北塘区', kind: 'district' },
  { name: '清河县', kind: 'county' },
  { name: '云溪县', kind: 'county' },
  { name: '石门县', kind: 'county' },
  { name: '柳林县', kind: 'county' },
  { name: '安澜市', kind: 'city' },
];

/** 承担重点领域信息公开任务的部门 (group B1) and the others (B2). */
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
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆';

const pad2 = (n: number) => String(n).padStart(2, '0');

export function generateDemoCity(seed = 20251): DemoCity {
  const random = createRandom(seed);
  const personName = () => random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.chance(0.6) ? random.pick([...GIVEN]) : '');
  const units: DemoUnit[] = [];
  const usedPlaceNames = new Set<string>(COUNTIES.map((c) => c.name.slice(0, 2)));

  COUNTIES.forEach((county, i) => {
    const code = `A${pad2(i + 1)}`;
    const name = county.kind === 'district' ? `${DEMO_CITY_NAME}${county.name}人民政府` : `${county.name}人民政府`;
    const tags = i < 5 ? ['主城区'] : [];
    if (i === 0 || i === 5) tags.push('政务公开标准化试点');
    units.push({ code, name, kind: 'county_gov', parentCode: null, tags, group: 'A', validFrom: '2019-01-01' });
    // 10 townships or streets under each county-level unit: 100 in all.
    for (let j = 1; j <= 10; j++) {
      let place: string;
      do place = random.pick([...PLACE_FIRST]) + random.pick([...PLACE_SECOND]);
      while (usedPlaceNames.has(place));
      usedPlaceNames.add(place);
      const isStreet = county.kind === 'district' || (county.kind === 'city' && j <= 4);
      const kind: UnitKind = isStreet ? 'street' : 'township';
      const suffix = isStreet ? '街道办事处' : random.chance(0.2) ? '乡人民政府' : '镇人民政府';
      const townTags = random.chance(0.15) ? ['基层政务公开标准化规范化'] : [];
      units.push({
        code: `${code}-${isStreet ? 'S' : 'T'}${pad2(j)}`,
        name: `${county.name}${place}${suffix}`,
        kind,
        parentCode: code,
        tags: townTags,
        group: 'C',
        validFrom: '2019-01-01',
      });
    }
  });

  KEY_DEPARTMENTS.forEach((dept, i) =>
    units.push({
      code: `B1${pad2(i + 1)}`,
      name: `${DEMO_CITY_NAME}${dept}`,
      kind: 'city_dept',
      parentCode: null,
      tags: ['重点领域'],
      group: 'B1',
      validFrom: '2019-01-01',
    }),
  );
  OTHER_DEPARTMENTS.forEach((dept, i) =>
    units.push({
      code: `B2${pad2(i + 1)}`,
      name: `${DEMO_CITY_NAME}${dept}`,
      kind: 'city_dept',
      parentCode: null,
      tags: [],
      group: 'B2',
      validFrom: '2019-01-01',
    }),
  );
  // A reorganisation (机构改革) kept as history: the old 大数据管理局 merged into 数据局 at the end of 2024.
  units.push({
    code: 'B299',
    name: `${DEMO_CITY_NAME}大数据管理局`,
    kind: 'city_dept',
    parentCode: null,
    tags: [],
    group: 'B2',
    validFrom: '2019-01-01',
    validTo: '2024-12-31',
    successorCode: 'B220',
  });

  const users: DemoUser[] = [
    { username: 'admin', displayName: `${personName()}(市政务公开办)`, role: 'admin', unitCode: null },
    { username: 'assessor', displayName: `${personName()}(考评员)`, role: 'assessor', unitCode: null },
    { username: 'assessor2', displayName: `${personName()}(第三方评估)`, role: 'assessor', unitCode: null },
    { username: 'leader', displayName: `${personName()}(分管副秘书长)`, role: 'leader', unitCode: null },
    { username: 'liaison', displayName: `${personName()}(临江区联络员)`, role: 'liaison', unitCode: 'A01' },
  ];
  for (const unit of units) {
    if (unit.validTo) continue;
    users.push({ username: `lx-${unit.code.toLowerCase()}`, displayName: personName(), role: 'liaison', unitCode: unit.code });
  }

  const groups: DemoGroup[] = [
    { code: 'A', name: '县(市、区)政府', sortOrder: 1 },
    { code: 'B1', name: '市直部门(承担重点领域)', sortOrder: 2 },
    { code: 'B2', name: '市直部门(其他)', sortOrder: 3 },
    { code: 'C', name: '乡镇(街道)', sortOrder: 4 },
  ];

  const periods: DemoCity['periods'] = [];
  for (const year of [2025, 2026]) {
    for (let q = 1; q <= 4; q++) {
      const code = `${year}Q${q}`;
      periods.push({ code, status: year === 2025 ? 'locked' : q <= 3 ? 'closed' : 'open' });
    }
    periods.push({ code: String(year), status: year === 2025 ? 'locked' : 'open' });
  }

  return { name: DEMO_CITY_NAME, years: [2025, 2026], groups, units, users, periods };
}
