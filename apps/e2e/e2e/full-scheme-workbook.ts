// A realistic, complete 100-point 政务公开 考核细则 as an office keeps it in Excel: a title row merged
// across, `序号 | 一级指标 | 二级指标 | 考核内容 | 分值 | 评分方法`, each 一级指标 merged down
// its rows, points written `10分` or `10`, and a 合计 row. The public fixtures are excerpts (the
// portal one is worth 15 points), with which every unit would grade 不合格 under the default bands.
import { writeTableWorkbook } from '@kaoping/api/testing/write-table-workbook';

type Leaf = { name: string; content: string; points: string; method: string };
const SECTIONS: { name: string; leaves: Leaf[] }[] = [
  {
    name: '主动公开',
    leaves: [
      {
        name: '基础信息公开',
        content: '按《政府信息公开条例》第二十条要求公开机构职能、政策文件、规划计划、统计数据等信息,并及时更新',
        points: '10分',
        method: '每发现一处未公开或未及时更新扣0.5分,扣完为止',
      },
      {
        name: '重点领域信息公开',
        content: '公开财政预决算、重大建设项目、公共资源配置、社会公益事业等重点领域信息',
        points: '12分',
        method: '每发现一处未按要求公开扣1分,扣完为止',
      },
      {
        name: '政策解读',
        content: '重要政策文件与解读材料同步组织、同步审签、同步发布',
        points: '8分',
        method: '未同步发布解读材料的,此项不得分',
      },
      {
        name: '政府信息公开工作年度报告',
        content: '按时发布上一年度政府信息公开工作年度报告,格式符合统一要求',
        points: '10分',
        method: '未按时发布年度报告的,此项不得分',
      },
    ],
  },
  {
    name: '依申请公开',
    leaves: [
      {
        name: '按期答复',
        content: '依法受理政府信息公开申请,在法定期限内答复,答复内容规范',
        points: '12',
        method: '按按期答复件数占受理件数的比例计分',
      },
      {
        name: '复议诉讼纠错',
        content: '因政府信息公开引发的行政复议、行政诉讼案件被纠错的情况',
        points: '8',
        method: '每发现一件被纠错案件扣2分,扣完为止',
      },
    ],
  },
  {
    name: '平台建设',
    leaves: [
      {
        name: '政府网站',
        content: '政府网站政府信息公开专栏栏目齐全、内容准确、链接可用',
        points: '10',
        method: '每发现一处错链、空白栏目或内容错误扣0.5分,扣完为止',
      },
      {
        name: '政务新媒体',
        content: '政务新媒体按要求开设、备案和运维管理',
        points: '5',
        method: '未按要求备案的,此项不得分',
      },
      {
        name: '政府公报',
        content: '按时编印政府公报,推进公报数字化',
        points: '5',
        method: '根据公报编印和数字化情况综合评定',
      },
    ],
  },
  {
    name: '监督保障',
    leaves: [
      {
        name: '组织领导',
        content: '明确分管负责同志和承担政务公开工作的机构、人员',
        points: '6',
        method: '根据工作机构和人员配备情况综合评定',
      },
      {
        name: '工作制度',
        content: '建立健全信息发布审查、政务公开考核等制度',
        points: '6',
        method: '未建立信息发布审查制度的,此项不得分',
      },
      {
        name: '问题整改',
        content: '对上级督查、第三方评估反馈的问题按期整改到位',
        points: '8',
        method: '每发现一处反馈问题未整改扣2分,扣完为止',
      },
    ],
  },
];

export const FULL_SCHEME_TITLE = '云溪市政务公开工作考核细则';
export const FULL_SCHEME_LEAVES = SECTIONS.reduce((n, s) => n + s.leaves.length, 0);

/** The .xlsx bytes (one sheet, merged title and parent cells, 合计 row) worth 100 points. */
export async function fullSchemeWorkbook(): Promise<Buffer> {
  const header = ['序号', '一级指标', '二级指标', '考核内容', '分值', '评分方法'];
  const rows: (string | number)[][] = [[FULL_SCHEME_TITLE, '', '', '', '', ''], header];
  const merges = ['A1:F1'];
  let serial = 0;
  for (const section of SECTIONS) {
    const first = rows.length + 1; // 1-based row of the section's first leaf
    section.leaves.forEach((leaf, i) => {
      serial++;
      rows.push([serial, i === 0 ? section.name : '', leaf.name, leaf.content, leaf.points, leaf.method]);
    });
    if (section.leaves.length > 1) merges.push(`B${first}:B${first + section.leaves.length - 1}`);
  }
  rows.push(['合计', '', '', '', '100分', '']);
  merges.push(`A${rows.length}:D${rows.length}`);
  return writeTableWorkbook('考核细则', rows, { merges });
}
