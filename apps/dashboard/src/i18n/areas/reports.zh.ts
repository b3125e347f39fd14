// 年度报告 (issue #3): the office's yearly table, the report form, import, review, summary.
export const reportsZh = {
  title: '年度报告', titleOf: '{{unit}} · {{year}} 年度报告', overviewTitle: '{{year}} 年度报告报送情况', summaryTitle: '全市汇总', myReports: '本单位年度报告', unitReports: '年度报告', year: '报告年度', unit: '单位', group: '分组',
  status: { none: '未填报', draft: '草稿', submitted: '待审核', returned: '已退回', accepted: '已通过' },
  timeliness: { on_time: '按时', late: '逾期 {{days}} 天', not_due: '未到期', overdue: '超期未报 {{days}} 天' },
  rates: {
    title: '报送率与及时率', group: '分组', expected: '应报', submitted: '已报', onTime: '按时', late: '逾期', missing: '未报', accepted: '已通过',
    reportingRate: '报送率', onTimeRate: '及时率', hint: '报送率 = 已报 / 应报,及时率 = 按时报送 / 应报(应报单位以该年度须报送年报的单位名册为准,未报送的单位计入分母);以发布日期(未填时以首次报送日期)对照期限:部门、乡镇街道 1 月 31 日,县级政府 3 月 31 日。',
  },
  filters: { all: '全部', late: '逾期报送', missing: '未报送', errors: '有错误', pending: '待审核' },
  columns: { code: '编码', unit: '单位', group: '分组', status: '状态', reportedOn: '发布/报送日期', deadline: '期限', timeliness: '及时性', checks: '校验', version: '版本', actions: '操作', updatedAt: '最后修改' },
  checksCount: '错误 {{errors}} · 提示 {{warnings}}', open: '查看', fill: '填报', noReport: '尚未填报',
  form: {
    sections: '报告正文与表格', sectionOne: '一、总体情况', sectionFive: '五、存在的主要问题及改进情况', sectionSix: '六、其他需要报告的事项', publishedAt: '发布日期',
    publishedHint: '按条例第四十九条判断是否按时', fillTotals: '自动填写合计({{count}})', totalsOffered: '空白合计处显示的灰色数字是按已填数算出的合计', blankZero: '本表空白填 0',
    blankZeroConfirm: '将本表所有空白单元格填为 0?(空白不等于 0,请确认确实为 0)', unsaved: '有未保存的修改', infoContent: '信息内容', value: '数值',
    cellErrorTip: '该单元格涉及的校验问题', source: '来源:第 {{line}} 行', format2019: '本年度使用 2019 年试行格式',
    autoTotal: '自动合计:随各项数值变化(直接输入即改为手填)', draftRestored: '已恢复本机保存的未提交修改({{at}})', discardDraft: '放弃这些修改', leaveConfirm: '有未保存的修改,离开本页?(修改已暂存在本机,回来时可恢复)',
  },
  checks: {
    title: '校验结果', ok: '全部勾稽关系校验通过', errors: '错误 {{count}}', warnings: '提示 {{count}}', blank: '未填写', explain: '说明(报送前必填)', explained: '说明', explainPlaceholder: '请说明原因',
    needExplain: '{{count}} 条提示需要填写说明', previous: '已自动对照 {{year}} 年度已通过的报告(第 {{version}} 版)', noPrevious: '{{year}} 年度没有已通过的报告,S1/S2 跨年度校验未执行',
    hard: '勾稽关系(必须满足)', soft: '提示(需说明)', blanks: '{{count}} 个单元格未填写', blanksHint: '空白单元格不按 0 处理;确为 0 的请填 0,或使用「本表空白填 0」。', jump: '定位',
    blockersTitle: '暂不能报送,原因如下:', unexplained: '未说明', ruleCode: '规则 {{rule}}',
  },
  actions: {
    save: '保存草稿', submit: '报送', import: '导入已发布的报告', returnForCorrection: '退回修改', accept: '审核通过', correct: '发起更正', reason: '退回原因', acceptNote: '审核意见(可选)',
    correctionReason: '更正原因', saved: '已保存', submitted: '已报送,等待审核', returned: '已退回', accepted: '已通过并锁定', corrected: '已创建第 {{version}} 版,可修改后重新报送',
    blockedErrors: '存在勾稽关系错误,请修正后再报送', blockedExplain: '请为每条提示填写说明', conflict: '该年度报告已被他人修改,请刷新后重试',
  },
  decision: { returned: '{{who}} 于 {{at}} 退回:{{reason}}', accepted: '{{who}} 于 {{at}} 审核通过', submitted: '{{who}} 于 {{at}} 报送', locked: '已通过的版本已锁定,如需修改请发起更正' },
  versions: { title: '版本与办理记录', version: '第 {{n}} 版', current: '当前', view: '查看', correction: '更正原因:{{reason}}' },
  events: { created: '创建', saved: '保存', imported: '导入', submitted: '报送', returned: '退回', accepted: '通过', correction: '发起更正' },
  importPanel: {
    title: '导入已发布的年度报告', paste: '粘贴网页文字', upload: '上传文件', pastePlaceholder: '把已发布的年度报告网页全文复制粘贴到这里', chooseFile: '选择文件(.txt .html .docx .pdf)',
    parse: '识别', confirm: '确认并填入表单', found: '识别出 {{filled}} 个单元格,空白 {{blank}} 个,无法确定 {{unresolved}} 个', notes: '请注意', parserNotes: '解析说明',
    cell: '单元格', value: '识别值', line: '行号', source: '原文', unresolved: '无法确定', nothingSaved: '确认后填入表单,保存前不会写入系统;可在表单中继续修改。', sectionsFound: '识别出的部分:{{sections}}',
    onlyFilled: '只看有来源的单元格', publishedAt: '识别出的发布日期:{{date}}',
  },
  summary: {
    title: '{{year}} 年度全市汇总', units: '汇总单位', allAccepted: '全部已通过的报告', byGroup: '按分组', pick: '选择单位', count: '汇总 {{count}} 个单位已通过的报告',
    missing: '所选单位中 {{count}} 个尚无已通过的报告,未计入:{{names}}', exportDocx: '导出 Word(国家格式)', exportXlsx: '导出 Excel', checks: '对汇总数的勾稽关系校验', incomplete: '{{count}} 个单元格并非所有单位都有填报',
  },
  rules: {
    H1: '每一列:本年新收加上年结转,应等于办理结果总计加结转下年度。', H2: '每一行:总计应等于自然人和各类法人或其他组织之和。', H3: '每一列:办理结果总计应等于各项办理结果之和。',
    H4: '行政复议:总计应等于结果维持、结果纠正、其他结果、尚未审结四项之和。', H5: '未经复议直接起诉的行政诉讼:总计应等于各项结果之和。', H6: '复议后起诉的行政诉讼:总计应等于各项结果之和。',
    H7: '每个单元格都要填写,件数为不小于 0 的整数,收费金额为不小于 0 的数。', S1: '本年「上年结转」应等于上一年度报告的「结转下年度」。', S2: '现行有效件数应等于上年现行有效件数加本年制发、减本年废止。',
    S3: '本年制发件数不应超过现行有效件数与本年废止件数之和。', S4: '只有设区的市及以上人民政府可以制定规章,其他单位规章栏应为 0。', S5: '收费金额以万元为单位,请检查是否误按元填写或数额过大。',
    S6: '「一、总体情况」中写明的数字应与表格一致。', S7: '2021 年及以后的报告应使用 2021 年格式,并在第六部分说明是否收取信息处理费。', S8: '报告应包含六个部分,且顺序正确。', T1: '应在法定期限前发布年度报告。',
  },
  liaisonHint: '联络员只能查看和填报本单位的年度报告', newYear: '填报其他年度', chooseYear: '选择年度',
};
