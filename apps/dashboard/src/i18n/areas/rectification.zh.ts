export const rectificationZh = {
  title: '整改台账', issue: '交办整改', export: '导出 Excel', figures: '整改情况', filters: { period: '期次', group: '分组', status: '状态', severity: '严重程度', overdueOnly: '仅看逾期', unit: '责任单位', unitSearch: '搜索单位:名称、编码或拼音首字母' },
  columns: { index: '序号', code: '编号', title: '问题描述', unit: '责任单位', measures: '整改措施', due: '整改时限', status: '整改状态', completion: '完成情况', recheck: '复核结果', closedOn: '销号日期', severity: '严重程度', overdue: '逾期', escalation: '督办' },
  overdueDays: '逾期 {{days}} 天', overdueWorkingDays: '逾期 {{days}} 个工作日', overdueCalendarDays: '自然日 {{days}} 天', carried: '结转至 {{period}}', dueRule: { date: '指定日期', working_days: '{{days}} 个工作日', calendar_days: '{{days}} 日' },
  detail: { requirement: '整改要求', findings: '关联问题', timeline: '办理记录', submission: '报送内容', evidence: '佐证材料', returnReason: '退回理由', responsible: '责任人', leader: '分管领导', issuedOn: '交办日期', acknowledgedOn: '签收日期' },
  actions: {
    acknowledge: '签收', start: '开始整改', submit: '报送整改情况', explain: '提交情况说明', recheck_pass: '复核通过并销号', recheck_fail: '复核不通过(退回)',
    accept_explanation: '采纳说明', reject_explanation: '不采纳说明(退回)', cancel: '撤销', carry_over: '结转', escalate: '督办升级',
  },
  form: {
    unit: '责任单位', period: '期次', title: '问题描述', requirement: '整改要求', dueKind: '整改时限', dueDate: '日期', days: '天数', severity: '严重程度', person: '责任人', leader: '分管领导',
    measures: '整改措施', completionNote: '完成情况', explanation: '情况说明', evidence: '佐证材料', evidenceLabel: '名称', evidenceUrl: '网址', upload: '上传文件(PDF/图片/Word/Excel,≤5MB)', addUrl: '添加网址',
    reason: '理由', note: '备注', level: '督办措施', decidedBy: '决定人', into: '结转至期次', previewDue: '按国家法定节假日及调休计算:截止 {{date}}', submit: '提交',
  },
  figuresLabels: { total: '整改任务', open: '未完成', overdue: '已逾期', closedOnTime: '按期销号', onTimeRate: '按期销号率', medianDays: '办结天数中位数', returned: '复核退回', notReported: '逾期未报送单位' },
  notifications: { title: '消息', markAll: '全部已读', empty: '暂无消息' },
  fromReport: '交办整改',
  issueRound: { button: '交办整改', help: '为本轮测评中尚未交办的问题生成整改任务,并通知责任单位联络员。', perUnitIndicator: '按单位和指标合并', perFinding: '每个问题一项', workingDays: '个工作日', done: '已交办 {{count}} 项整改任务' },
  board: '整改看板',
  definition: '统计口径:整改任务 = 全部交办的任务(不含已撤销);按期销号率 = 按期销号 ÷(已销号或已说明 + 逾期未办结),未到期的在办任务不计入分母。',
  rateOf: '{{numerator}} / {{denominator}}', evidenceRequired: '须提供佐证材料', evidenceOptional: '佐证材料可选', requireEvidence: '要求单位提供佐证材料',
  conflict: '该整改任务已被他人处理,请刷新后重试',
};
