// 省级总览: a province office's landing page (its cities side by side) and the header's city picker.
export const provinceZh = {
  title: '全省各市考评概况',
  intro: '各市最近一次发布的考评结果(只读)。点击某市查看其概览与排名。',
  picker: {
    label: '查看城市',
    placeholder: '选择城市',
    none: '本省尚无城市',
  },
  columns: {
    city: '城市',
    period: '期次',
    publishedAt: '发布时间',
    units: '参评单位',
    ranked: '参与排名',
    mean: '平均分',
    median: '中位数',
    grades: '等次分布',
    failing: '不合格单位',
  },
  notPublished: '尚未发布',
  empty: '本省尚无城市,或各市尚未发布考评结果',
  open: '查看',
  chartTitle: '各市等次分布',
  chartAria: '全省各市考评等次分布柱状图',
  tooltip: {
    period: '期次',
    units: '参评单位',
    mean: '平均分',
    median: '中位数',
    failing: '不合格单位',
    unitCount: '{{count}} 个',
  },
};
