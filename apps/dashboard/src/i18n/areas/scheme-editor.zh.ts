// 考核细则编辑 area strings: the form editor, the import of an office's own 细则 (.xlsx/.docx) and
// the export of the published document.
export const schemeEditorZh = {
  tabs: { form: '表单编辑', json: 'JSON' },
  tree: '指标体系',
  addTop: '添加一级指标',
  addChild: '添加下级',
  up: '上移',
  down: '下移',
  remove: '删除',
  renumber: '重新编号',
  childrenSum: '下级合计 {{sum}}',
  sumMismatch: '下级合计 {{sum}} ≠ {{points}}',
  selectNode: '在左侧选择一个指标进行编辑。',
  node: { code: '编码', name: '名称', points: '分值', rule: '计分方式', groups: '适用分组', tags: '须有标签', na: '不适用时', naExclude: '不计入(从满分中剔除)', naRate: '按比例计分', naRateValue: '比例(0–1)', pooled: '下级扣分统筹(可互相抵扣)', parentNote: '有下级的指标没有计分方式,分值应等于下级合计。', allGroups: '全部分组' },
  kinds: { manual: '人工评分', binary: '达标得分(是/否)', checklist: '检查项', graded: '分档评分', rate: '按比例计分', deduct: '按问题扣分', rectification: '整改扣分' },
  rule: {
    items: '检查项', itemCode: '编码', itemName: '名称', itemPoints: '分值', addItem: '添加检查项', levels: '档次', levelLabel: '档次名称', levelPoints: '分值', addLevel: '添加档次',
    target: '目标值(%)', perPointBelow: '每低 1 个百分点扣', perFinding: '每处问题扣', perLate: '每项逾期扣', perRejected: '复核不通过每次扣', manualHelp: '考核人员直接填写 0–满分 的得分。', binaryHelp: '达标得满分,否则 0 分。',
  },
  parts: { title: '方案设置', meta: '基本信息', code: '方案编码', titleLabel: '方案名称', year: '年度', groups: '考核分组', groupCode: '分组编码', groupName: '分组名称', vetoes: '否决项', vetoEffect: '效果', vetoFail: '直接不合格', vetoCap: '得分封顶', capTo: '封顶分', bonus: '加分项', bonusEnabled: '设加分项', gate: '得分达到', cap: '加分上限', major: '重大扣分项', grading: '等次', grade: '等次', min: '最低分', quota: '名额限制', quotaGrade: '限制等次', maxPct: '不超过(%)', annual: '年度权重', add: '添加', itemCode: '编码', itemName: '名称', itemPoints: '分值' },
  diff: { title: '与 {{year}} 年度方案比较', none: '与上一年度方案相同。', added: '新增', removed: '删除', changed: '修改', points: '分值 {{before}} → {{after}}' },
  importDoc: {
    button: '导入考核细则(Excel/Word)', title: '导入本地考核细则', help: '选择本单位现有的考核细则表格(.xlsx 或 .docx)。表格应包含“一级指标/二级指标/分值/评分标准”等列;父级指标可为合并单元格,分值写作“10分”或“10”。导入后先核对建议方案,确认后才会保存。',
    year: '方案年度', choose: '选择文件', reading: '正在读取…', refused: '表格有误,未生成方案', proposed: '已读取 {{tables}} 个表格、{{rows}} 行,共 {{leaves}} 个末级指标;请核对每个指标的计分方式', warnings: '提示',
    code: '编码', name: '指标', points: '分值', source: '原表内容', inferred: '识别依据', kind: '计分方式', confirmMark: '待确认', confirm: '确认并保存方案', confirmed: '已保存 {{year}} 年度方案 {{code}}', edit: '在表单中编辑',
  },
  exportDocx: '导出细则(Word)',
  exportXlsx: '导出细则(Excel)',
};
