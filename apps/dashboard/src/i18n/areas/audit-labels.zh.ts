// 变更记录: every audit action and every field it records, in words (issue #15 §18). Keys are the
// action with dots as underscores (the i18n key separator is the dot).
export const auditLabelsZh = {
  other: '其他操作',
  actions: {
    analysis_scenario_create: '保存模拟方案', analysis_scenario_delete: '删除模拟方案',
    annual_report_accept: '通过年度报告', annual_report_city_review: '年报评查', annual_report_city_review_export: '导出年报评查结果', annual_report_correction: '更正年度报告',
    annual_report_create: '新建年度报告', annual_report_export: '导出年度报告汇总', annual_report_import: '导入年度报告', annual_report_return: '退回年度报告', annual_report_save: '保存年度报告', annual_report_submit: '报送年度报告',
    assessment_event_add: '登记否决/加减分事项', assessment_event_remove: '删除否决/加减分事项', assessment_finding_add: '登记问题', assessment_finding_withdraw: '撤销问题',
    assessment_objection_decide: '处理申诉', assessment_objection_file: '提出申诉', assessment_publish: '发布考评结果', assessment_restate: '更正已发布结果', assessment_round_lock: '锁定测评轮次', assessment_round_open: '开启测评轮次',
    assessment_scheme_copy: '复制考核细则', assessment_scheme_import: '导入考核细则', assessment_scheme_importDocument: '导入考核细则文件', assessment_score_set: '考评打分', assessment_self_set: '单位自评',
    assessment_import_scores: '导入评分', assessment_import_findings: '导入问题', assessment_import_events: '导入否决/加减分事项', assessment_import_units: '导入单位',
    auth_login: '登录', bulletin_save: '保存通报', calendar_remove: '删除节假日安排', calendar_upsert: '录入节假日安排', create: '新建',
    group_create: '新建分组', group_update: '修改分组', period_create: '新增期次', period_status: '期次状态变更',
    rectification_issue: '交办整改', rectification_issue_bulk: '批量交办整改', rectification_evidence: '上传佐证材料', rectification_acknowledge: '签收整改任务', rectification_start: '开始整改',
    rectification_submit: '报送整改情况', rectification_explain: '提交情况说明', rectification_recheck_pass: '复核通过并销号', rectification_recheck_fail: '复核不通过(退回)',
    rectification_accept_explanation: '采纳情况说明', rectification_reject_explanation: '不采纳情况说明', rectification_cancel: '撤销整改任务', rectification_carry_over: '整改结转', rectification_escalate: '督办升级',
    session_end: '结束会话', site_channels_set: '设置网站栏目', site_problem_review: '复核网站问题', site_problem_send: '发送网站问题', site_run_cancel: '取消网站检查', site_run_start: '开始网站检查', site_settings_save: '保存网站检查设置',
    unit_create: '新建单位', unit_deactivate: '撤销单位', unit_group: '调整分组', unit_import: '导入单位文件', unit_import_create: '导入新建', unit_import_update: '导入更新', unit_update: '修改单位',
    user_create: '新建用户', user_disable: '停用用户', user_import: '导入用户', user_password_change: '修改密码', user_password_reset: '重置密码', user_sessions_end: '结束用户会话', user_update: '修改用户', demo_seed: '载入演示数据',
  },
  fields: {
    name: '名称', code: '编码', kind: '类型', tags: '标签', parentId: '上级单位', groupId: '分组', groupCode: '分组', year: '年度', validFrom: '设立日期', validTo: '撤销日期', successorId: '承继单位',
    reason: '原因', note: '备注', status: '状态', dueDate: '整改时限', closedOn: '销号日期', returnReason: '退回理由', escalationLevel: '督办级别', carriedInto: '结转至', recheckFailCount: '复核退回次数',
    title: '标题', unitId: '单位', period: '期次', periodCode: '期次', roundId: '测评轮次', fileId: '文件', fileName: '文件名', size: '大小', sha256: '校验值', findings: '问题数', items: '任务数', grouping: '交办方式',
    date: '日期', dayKind: '类型', username: '用户名', displayName: '姓名', role: '角色', phone: '电话', isActive: '启用', created: '新增', updated: '更新', unchanged: '未变', rows: '行数',
    points: '分值', score: '得分', leafId: '指标', text: '内容', decision: '处理意见', versionNo: '版本', schemeId: '考核细则', content: '内容', header: '文头', paragraphs: '段落', requirements: '工作要求',
    sortOrder: '排序', startsOn: '开始日期', endsOn: '结束日期', severity: '严重程度', source: '来源', evidenceRequired: '须提供佐证材料', requirement: '整改要求', findingIds: '关联问题',
  },
};
