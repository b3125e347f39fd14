// Names for the generated province: 江苏省 and its 13 prefecture-level cities with their
// county-level divisions (districts, counties, county-level cities), the departments of a city
// government, and syllables for township and street names. Unit counts per city are generated
// (sizes 600–3,000, about 20,000 in all), not real.
import type { UnitKind } from '@kaoping/contracts/units/unit';
import type { GeneratedGroup, GeneratedUnit } from './generated-office';

export interface ProvinceCitySpec {
  code: string;
  name: string;
  /** 区, 县 and county-level 市, in official order. */
  counties: readonly string[];
  units: number;
}

export const PROVINCE = { code: 'jiangsu', name: '江苏省', shortName: '江苏' };

export const PROVINCE_CITIES: readonly ProvinceCitySpec[] = [
  {
    code: 'nanjing',
    name: '南京市',
    counties: ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区'],
    units: 2600,
  },
  { code: 'wuxi', name: '无锡市', counties: ['锡山区', '惠山区', '滨湖区', '梁溪区', '新吴区', '江阴市', '宜兴市'], units: 1700 },
  {
    code: 'xuzhou',
    name: '徐州市',
    counties: ['鼓楼区', '云龙区', '贾汪区', '泉山区', '铜山区', '丰县', '沛县', '睢宁县', '新沂市', '邳州市'],
    units: 2100,
  },
  { code: 'changzhou', name: '常州市', counties: ['天宁区', '钟楼区', '新北区', '武进区', '金坛区', '溧阳市'], units: 1400 },
  {
    code: 'suzhou',
    name: '苏州市',
    counties: ['虎丘区', '吴中区', '相城区', '姑苏区', '吴江区', '常熟市', '张家港市', '昆山市', '太仓市'],
    units: 3000,
  },
  { code: 'nantong', name: '南通市', counties: ['崇川区', '通州区', '海门区', '如东县', '启东市', '如皋市', '海安市'], units: 1900 },
  { code: 'lianyungang', name: '连云港市', counties: ['连云区', '海州区', '赣榆区', '东海县', '灌云县', '灌南县'], units: 900 },
  { code: 'huaian', name: '淮安市', counties: ['淮安区', '淮阴区', '清江浦区', '洪泽区', '涟水县', '盱眙县', '金湖县'], units: 1200 },
  {
    code: 'yancheng',
    name: '盐城市',
    counties: ['亭湖区', '盐都区', '大丰区', '响水县', '滨海县', '阜宁县', '射阳县', '建湖县', '东台市'],
    units: 1800,
  },
  { code: 'yangzhou', name: '扬州市', counties: ['广陵区', '邗江区', '江都区', '宝应县', '仪征市', '高邮市'], units: 1100 },
  { code: 'zhenjiang', name: '镇江市', counties: ['京口区', '润州区', '丹徒区', '丹阳市', '扬中市', '句容市'], units: 600 },
  { code: 'taizhou', name: '泰州市', counties: ['海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'], units: 1000 },
  { code: 'suqian', name: '宿迁市', counties: ['宿城区', '宿豫区', '沭阳县', '泗阳县', '泗洪县'], units: 700 },
];

export const CITY_GROUPS: readonly GeneratedGroup[] = [
  { code: 'A', name: '县(市、区)政府' },
  { code: 'B', name: '市直部门' },
  { code: 'C', name: '县(市、区)直部门' },
  { code: 'D', name: '乡镇(街道)' },
];

const DEPARTMENTS = [
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '医疗保障局',
  '统计局',
  '体育局',
  '城市管理局',
  '国有资产监督管理委员会',
  '行政审批局',
  '数据局',
  '信访局',
  '民族宗教事务局',
  '机关事务管理局',
  '人民防空办公室',
  '粮食和物资储备局',
  '外事办公室',
  '地方金融管理局',
  '住房公积金管理中心',
  '政务服务管理办公室',
];
/** A county has fewer departments under the assessment than the city. */
const COUNTY_DEPARTMENTS = DEPARTMENTS.slice(0, 24);

/** Syllables of generated township and street names (also the bench city's). */
export const TOWN_FIRST = '青白金石桃柳梅兰松竹云凤龙鹤洪清新安永丰长平宁福华东西南北上下黄红湾沙马牛羊';
export const TOWN_SECOND = '山河湖溪桥浦口塘坪岭湾港岗庄田源林泉渡沟坝埠圩店集';

function countyGovernment(county: string): string {
  return `${county}人民政府`;
}

/** The units of a city, `spec.units` of them: county governments, city and county departments, then townships and streets. */
export function cityUnits(spec: Pick<ProvinceCitySpec, 'name' | 'counties' | 'units'>): GeneratedUnit[] {
  const units: GeneratedUnit[] = [];
  const add = (code: string, name: string, kind: UnitKind, group: string) => {
    if (units.length < spec.units) units.push({ code, name, kind, group });
  };
  spec.counties.forEach((c, i) => add(`A${String(i + 1).padStart(2, '0')}`, countyGovernment(c), 'county_gov', 'A'));
  DEPARTMENTS.forEach((d, i) => add(`B${String(i + 1).padStart(3, '0')}`, `${spec.name}${d}`, 'city_dept', 'B'));
  // County departments only where the city is large enough to keep most of its units in townships.
  if (spec.units >= spec.counties.length * COUNTY_DEPARTMENTS.length * 3) {
    let n = 0;
    for (const c of spec.counties)
      for (const d of COUNTY_DEPARTMENTS) add(`C${String(++n).padStart(4, '0')}`, `${c}${d}`, 'city_dept', 'C');
  }
  for (let i = 0; units.length < spec.units; i++) {
    const county = spec.counties[i % spec.counties.length] ?? '';
    const j = Math.floor(i / spec.counties.length);
    const a = TOWN_FIRST[j % TOWN_FIRST.length] ?? '青';
    const b = TOWN_SECOND[Math.floor(j / TOWN_FIRST.length) % TOWN_SECOND.length] ?? '山';
    const street = j % 3 === 0;
    add(
      `D${String(i + 1).padStart(5, '0')}`,
      `${county}${a}${b}${street ? '街道办事处' : '镇人民政府'}`,
      street ? 'street' : 'township',
      'D',
    );
  }
  return units;
}
