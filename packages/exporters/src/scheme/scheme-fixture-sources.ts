// The published 考核细则 tables rebuilt as fixtures (fixtures/scheme/README.md names each source).
// Cell texts are the published wording (whitespace normalised); layouts follow the source:
// which cells are merged, where points are written, whether there is a total row.

/** A cell: text, and how many rows/columns it covers (a merged cell). */
export interface FixtureCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}
/** One row; a cell covered by a merge from above is simply left out (as in HTML). */
export type FixtureRow = (FixtureCell | string)[];
export interface FixtureTable {
  /** Sheet name (.xlsx) or the paragraph above the table (.docx). */
  heading: string;
  rows: FixtureRow[];
}
export interface FixtureDocument {
  file: string;
  title: string;
  /** The document's text between its title and the table(s) (.docx only). */
  paragraphs?: string[];
  tables: FixtureTable[];
}

const span = (text: string, rowSpan = 1, colSpan = 1): FixtureCell => ({ text, rowSpan, colSpan });

// 石城县2018年度河长制湖长制工作责任单位目标管理(绩效)考核细则: one table in the source whose
// part 二 lists each department's own 60 points; rebuilt as one table per department (the
// per-group layout), each with the source's 总分 row on top, section rows 一、二、, the
// 考核项目 heading over two columns and the department merged over its rows.
const shichengHeader: FixtureRow = ['序号', span('考核项目', 1, 2), '各项分值', '考核内容', '评分标准', '说明'];
const shichengCommon: FixtureRow[] = [
  ['', span('总分', 1, 2), '100', '', '', ''],
  ['一、', span('通用考核项目(全部责任单位)', 1, 2), '40', '', '', ''],
  ['1', span('组织领导', 1, 2), '8', '组织领导', '积极配合各乡镇开展“河长制”工作(8分)。', ''],
  [
    '2',
    span('日常工作', 1, 2),
    '7',
    '调整领导小组,上报责任人及联系人员,加入河长制工作群',
    '1.成立河长制工作领导小组(1分);落实分管领导及具体联络员,加入县河长制工作群(3分) 2.单位领导班子部署河长制相关工作,年内至少3次,查看相关会议记录(3分,少一次扣1分)。',
    '',
  ],
  [
    '3',
    span('宣传工作', 1, 2),
    '10',
    '河长制工作宣传',
    '结合本部门工作职责,认真开展好河长制相关工作的宣传,有相关宣传资料(展板、公示牌、标语、宣传册)(10分)。',
    '',
  ],
  [
    '4',
    span('新经验好做法', 1, 2),
    '10',
    '各单位按时上报河长制工作进展情况,踊跃上报有地方特色的做法和经验及信息报送。',
    '1.按要求每月上报本单位河长制工作开展情况,得5分,每少一次扣0.5分,扣完为止,参加河长制相关会议(2分,少一次扣0.5分,扣完为止) 2.河长制相关信息报道受省级媒体以上推广1篇,得3分;市级煤体推广2篇,得2分;县级媒体推广,得1分。',
    '',
  ],
  [
    '5',
    span('支持配合工作情况', 1, 2),
    '5',
    '协同配合工作',
    '配合县河长办调配抽调人员开展督查、执法等工作,得5分;出现不配合现象不得分。',
    '',
  ],
  ['二、', span('部门履职差异考核项目', 1, 2), '60', '', '', '按部门分值各60分考核'],
];
const shichengDepartments: FixtureTable[] = [
  {
    heading: '县农粮局',
    rows: [
      shichengHeader,
      ...shichengCommon,
      [
        span('2', 3),
        span('重点考核部门', 3),
        span('县农粮局', 3),
        '30',
        '持续推进畜禽养殖污染控制',
        '1.加强监督管理,防止禁养区内已关闭或搬迁的畜禽养殖场复养(5分); 2.建立畜禽养殖污染台账(5分); 3.科学指导限养区和可养区内畜禽养殖场,配套建设粪污处理利用设施(20分)',
        '',
      ],
      [
        '15',
        '持续推进农业化肥、农药减量化治理',
        '1.继续推进农作物病虫专业化统防统治与绿色防控融合示范点(5分); 2.推广生物农药和高效低残留化学农药安全科学使用技术,推进农业废弃物综合利用,严禁农业废弃物入河、污染水体(10分)。',
        '',
      ],
      [
        '15',
        '持续开展渔业资源保护专项整治',
        '对依法依规查处破坏渔业资源案件,严厉查处电、毒、炸鱼等非法捕捞行为,年内全县查处非法捕捞案件10例以上(含简易案件);否则按完成比例得分(15分)。',
        '',
      ],
    ],
  },
  {
    heading: '县水利局',
    rows: [
      shichengHeader,
      ...shichengCommon,
      [
        span('4', 4),
        span('重点考核部门', 4),
        span('县水利局', 4),
        '15',
        '持续开展非法设置入河库排污口专项整治,严格水功能区监管',
        '1.按照《取水口、排污口和应急备源水源实施方案》要求,对入河湖排污口进行整治,对清查的非法入河湖排污口督促整改或取缔,完善相关手续(10分); 2.严格水功能区监管,控制入河湖排污总量,优化排污口设置(5分)。',
        '',
      ],
      [
        '20',
        '持续开展侵占河湖水域及岸线专项整治,推进河湖管护常态化',
        '1.清查、建立非法挤占水域岸线用地台账(5分); 2.科学编制岸线利用规划,落实规划岸线分区管理(5分); 3.加强河道管理,加大执法力度,严厉打击非法侵占水域岸线行为,出现1例未处理扣2分(5分); 4.全面推进河湖管理范围划定工作。进一步落实河湖管护主体、责任和经费(5分)。',
        '',
      ],
      [
        '15',
        '持续开展非法采砂专项整治',
        '1.加强涉水涉砂矛盾纠纷排查、电话举报信访的处理(5分); 2.继续做好联合巡查和协商联动机制,形成打击违法涉水事件的合力(10分)。',
        '',
      ],
      [
        '10',
        '持续加强饮用水源及水库水环境综合整治',
        '1.继续推动水库水环境综合整治,基本实现人放天养,按完成比例得分(5分); 2.与县环保局、县水文站共同推进备用水源或应用水源建设(5分)。',
        '',
      ],
    ],
  },
  {
    heading: '县环保局',
    rows: [
      shichengHeader,
      ...shichengCommon,
      [
        '5',
        '重点考核部门',
        '县环保局',
        '60',
        '加强饮用水源保护和加快备用水源建设,推进水质不达标河湖治理',
        '1.建立饮用水水源保护区内违法建筑和排污口台账(10分); 2.依法清理饮用水水源保护区内违法建筑和排污口(20分); 3.与县水利局、县水文站共同推进备用水源或应急水源建设(15分); 4.加强各乡镇水环境质量年度考核评价(15分)。',
        '',
      ],
    ],
  },
];

export const shicheng: FixtureDocument = {
  file: 'shicheng-2018-river-chief.docx',
  title: '石城县2018年度河长制湖长制工作责任单位目标管理(绩效)考核细则',
  tables: shichengDepartments,
};

// 各区政府(管委会)门户网站考评指标及评分细则, first 一级指标 (健康情况, 15 of the 100 points; the
// rest of the published table was not in the excerpt). Parents merged down their rows with their
// points in brackets; the 考评内容/评分细则 of 可用情况 and 更新情况 is one merged cell.
export const portal: FixtureDocument = {
  file: 'district-portal-website-2023.xlsx',
  title: '各区政府(管委会)门户网站考评指标及评分细则',
  tables: [
    {
      heading: '区政府门户网站',
      rows: [
        [span('各区政府(管委会)门户网站考评指标及评分细则', 1, 6)],
        ['一级指标', '二级指标', '三级指标', '权重', '考评内容', '评分细则'],
        [
          span('健康情况(15)', 5),
          span('常态化监管(13)', 3),
          '可用情况',
          '6',
          span('按照国办普查及通报相关要求,监测网站能否正常访问,以及页面、图片、附件、功能与外部链接的可用情况和各栏目更新维护情况。', 2),
          span('参照国务院办公厅普查评分要求(国办发〔2015〕15号),每季度对网站健康情况进行检查,发现问题按比重扣分。', 2),
        ],
        ['更新情况', '6'],
        ['商业广告', '1', '辖区内各级政府网站是否存在刊登商业广告问题。', '发现辖区内各级政府网站刊登商业广告的,此项不得分。'],
        [
          span('问题整改情况(2)', 2),
          '整改时间',
          '1',
          '对监测抽查反馈问题是否及时整改。',
          '对监测抽查反馈问题未及时整改反馈的,此项不得分。',
        ],
        ['整改质量', '1', '对监测抽查反馈问题的整改质量。', '对监测抽查反馈问题整改不到位的,此项不得分。'],
      ],
    },
  ],
};

// A district's 政务公开 indicators per department (forum repost, 2014): one sheet per department,
// no points column — points only in the indicator names "(10.5分)"; 备注 splits the points.
export const departments: FixtureDocument = {
  file: 'district-department-indicators-2014.xlsx',
  title: '政务公开考核指标(部门)',
  tables: [
    {
      heading: '区统计局',
      rows: [
        ['三级指标', '四级指标', '备注'],
        [
          '经济运行信息(10.5分)',
          '是否按月发布经济运行情况,发布解读社会关注的重要指标数据(10.5分)',
          '发布经济运行情况5分,发布解读社会关注的重要指标数据5.5分。',
        ],
      ],
    },
    {
      heading: '区扶贫办',
      rows: [
        ['三级指标', '四级指标', '备注'],
        [span('扶贫信息(10.5分)', 2), '是否公开扶贫清单和12317扶贫监督电话(4.5分)', '公开扶贫清单2分,公开12317扶贫监督电话2.5分。'],
        [
          '是否公开扶贫政策、扶贫对象、帮扶措施、扶贫成效、贫困退出、扶贫资金项目安排等信息(6分)',
          '公开扶贫政策1分,公开扶贫对象1分,公开帮扶措施1分、公开扶贫成效1分,公开贫困退出信息1分、公开扶贫资金项目安排等信息1分。',
        ],
      ],
    },
  ],
};

// 政府网站绩效评估指标 (2009), first rows of 政府信息公开(37) / 主动公开(27) as far as the excerpt
// goes: the parents state 37 and 27 points but only 15.4 points of leaves were published in the
// excerpt, so the import must refuse it with row errors (a real table that does not add up).
export const websitePerformance: FixtureDocument = {
  file: 'website-performance-2009-truncated.xlsx',
  title: '政府网站绩效评估指标体系',
  tables: [
    {
      heading: '评估指标',
      rows: [
        ['一级指标', '二级指标', '三级指标', '权重', '评估要点'],
        [
          span('政府信息公开(37)', 13),
          span('主动公开(27)', 13),
          '概况信息',
          '1',
          '政府网站发布自然、地理信息,行政区划设置信息,领导信息,机构信息,人文、历史信息,经济发展状况等概况介绍的情况;',
        ],
        ['法规文件及解读', '1', '政府网站发布国家法律法规、地方规章等规范性文件及政策解读等信息的情况;'],
        ['规划计划', '1', '政府网站发布相关发展规划、专项规划、区域规划及执行情况、地方年度工作计划及执行情况等规划计划类信息的情况;'],
        ['统计信息', '1', '政府网站发布上年度地区相关统计数据及解读,地区季度、月度统计数据及解读等统计信息的情况;'],
        ['财政预决算', '1.6', '政府网站发布财政资金的预算分配、使用情况和决算报告等财政预决算信息的情况;'],
        ['行政收费', '1.6', '政府网站发布公开行政事业性收费项目、收费依据、收费标准等行政收费信息的情况;'],
        ['政府采购', '1.6', '政府网站发布政府集中采购相关政策法规与指南、政府集中采购招标公告、政府集中采购中标公告等政府采购信息的情况;'],
        ['重点领域', '1.6', '政府网站公布扶贫、教育、医疗、社会保障、就业等重点领域专题栏目信息的情况;'],
        ['应急管理', '1', '政府网站发布突发公共事件应急预案、公共事件预警信息、突发公共事件的应对、应急常识等应急管理信息的情况;'],
        ['城乡建设', '1', '政府网站发布城乡建设计划以及进展情况的信息;'],
        ['监督检查', '1', '政府网站发布环境保护、公共卫生、安全生产、食品安全、产品质量等监督检查信息的情况;'],
        ['社会公益', '1', '政府网站发布社会公益信息的情况;'],
        ['土地征用房屋拆迁', '1', '政府网站发布土地征用或房屋拆迁信息的情况;'],
      ],
    },
  ],
};

// The same 石城县 table in its published single-table form (the source's layout): part 二 lists each
// department's own 60 points one after another under one 重点考核部门 cell merged down all of them
// (three of the 21 departments, as in the per-department form above).
const shichengBlocks = shichengDepartments.map((t) => t.rows.slice(1 + shichengCommon.length));
export const shichengSingleTable: FixtureDocument = {
  file: 'shicheng-2018-river-chief-single-table.docx',
  title: '石城县2018年度河长制湖长制工作责任单位目标管理(绩效)考核细则',
  tables: [
    {
      heading: '附件',
      rows: [
        shichengHeader,
        ...shichengCommon,
        ...shichengBlocks.flatMap((block, b) =>
          block.map((row, r) => {
            if (r !== 0) return row;
            // The first row of a block: 序号, 重点考核部门 (merged once over every block), department.
            const [seq, , department, ...rest] = row;
            const blockRows = shichengBlocks.reduce((n, x) => n + x.length, 0);
            return b === 0
              ? [seq as FixtureCell, span('重点考核部门', blockRows), department as FixtureCell, ...rest]
              : [seq as FixtureCell, department as FixtureCell, ...rest];
          }),
        ),
      ],
    },
  ],
};

// 2020年宝鸡市政务公开工作绩效评估指标(县区政府版), 宝鸡市人民政府办公室 (reposted by 岐山县): a weight
// column after every level (一级指标 | 权重 | 二级指标 | 权重 | 三级指标 | 权重 | 四级指标 | 权重 | 评估点 |
// 权重 | 采样方式), weights as percentages of the parent. Only the first row is in the public excerpt:
// its level-1 weight (40 %) alone cannot make 100 %, so the import must refuse it, saying so.
export const baojiWeights: FixtureDocument = {
  file: 'baoji-2020-county-weights-excerpt.xlsx',
  title: '2020年宝鸡市政务公开工作绩效评估指标(县区政府版)',
  tables: [
    {
      heading: '县区政府版',
      rows: [
        [span('2020年宝鸡市政务公开工作绩效评估指标(县区政府版)', 1, 11)],
        ['一级指标', '权重', '二级指标', '权重', '三级指标', '权重', '四级指标', '权重', '评  估  点', '权重', '采样方式'],
        [
          '一、政府信息公开',
          '40%',
          '(一)主动公开',
          '70%',
          '会议公开',
          '10%',
          '制度建立与落实',
          '30%',
          '是否建立健全利益相关方、公众代表、专家、媒体等列席政府有关会议的制度以及制度的落实情况。',
          '100%',
          '材料',
        ],
      ],
    },
  ],
};

// 2010年乡镇街道政府信息公开考评细则 (a city's 政务公开办公室, 2010-05-10; reposted): the notice's text,
// then the table 考评项目 | 分值 | 评分标准 | 备注 with points written "40分". Only the first two of its
// four 考评项目 are in the public excerpt (85 of the 100 points; the second cut off mid-sentence).
export const township2010: FixtureDocument = {
  file: 'township-2010-info-disclosure-excerpt.docx',
  title: '2010年乡镇街道政府信息公开考评细则',
  paragraphs: [
    '各乡(镇)、街道办事处:',
    '根据市委、市政府关于效能建设要求和xx市2010年政务公开工作要点,结合乡镇街道的工作实际,制定本办法。',
    '一、考核范围',
    '17个乡镇街道。',
    '二、评分标准',
    '(一)考核分四个项目,满分为100分,详见附表。',
    '(二)加分因素,发布的主动公开信息超过规定数量的10%的加1分,超过30%以上,每超过20%加1分。政务公开、政府信息公开工作受到市政府以上通报表彰的,每次加3分,受到市政府办公室、市政务公开领导小组通报表彰的,每次加1分。',
    '(三)扣分因素。政务公开、政府信息公开工作受到市政府以上通报批评的,每次扣3分,受到市政府办公室、市政务公开领导小组通报批评的,每次扣1分。',
    '三、考核办法',
    '考核工作由市政务公开办公室负责。主要采取网上测评,辅助查阅相关文件、资料。网上考核占80%,现场考核占20%。',
    '四、此考评细则由市政务公开办公室负责解释。',
    '二○一○年五月十日',
  ],
  tables: [
    {
      heading: '政府信息公开考评评分标准',
      rows: [
        ['考评项目', '分值', '评分标准', '备注'],
        [
          '主动公开信息的数量',
          '40分',
          '1、每月不低于40条。2、数量低于规定标准,出现一个月扣5分,扣完为止。3、凡出现发布信息“空白月”的,每个月扣10分。',
          '',
        ],
        [
          '主动公开信息的质量',
          '45分',
          '1、更新信息公开指南并且内容全面规范5分;2、公开的内容全面,政府信息公开网上栏目没有“空白栏”,20分,缺一项…………',
          '',
        ],
      ],
    },
  ],
};

export const fixtureDocuments: readonly FixtureDocument[] = [
  shicheng,
  portal,
  departments,
  websitePerformance,
  shichengSingleTable,
  baojiWeights,
  township2010,
];
