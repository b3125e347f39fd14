// Simplified Chinese: the default language. Keys are shared with en.ts (typed there).
// Each area keeps its own strings in areas/<area>.zh.ts and .en.ts and adds one line here and in en.ts.
import { accountsZh } from './areas/accounts.zh';
import { analysisZh } from './areas/analysis.zh';
import { assessmentZh } from './areas/assessment.zh';
import { chartsZh } from './areas/charts.zh';
import { dashboardZh } from './areas/dashboard.zh';
import { meetingZh } from './areas/meeting.zh';
import { rectificationZh } from './areas/rectification.zh';
import { schemeEditorZh } from './areas/scheme-editor.zh';
import { reportsZh } from './areas/reports.zh';
import { auditLabelsZh } from './areas/audit-labels.zh';
import { reportReviewZh } from './areas/report-review.zh';
import { siteCheckZh } from './areas/site-check.zh';
import { securityZh } from './areas/security.zh';

export const zh = {
  accounts: accountsZh,
  schemeEditor: schemeEditorZh,
  analysis: analysisZh,
  assessment: assessmentZh,
  charts: chartsZh,
  dashboard: dashboardZh,
  meeting: meetingZh,
  rectification: rectificationZh,
  reports: reportsZh,
  auditLabels: auditLabelsZh,
  reportReview: reportReviewZh,
  siteCheck: siteCheckZh,
  security: securityZh,
  app: { title: '考评', subtitle: '政务公开考核评估平台', city: '江临市政务公开办' },
  nav: { overview: '概览', rankings: '排名', analysis: '分析', reports: '年度报告', assessment: '考评', rectification: '整改', units: '单位', settings: '设置', siteCheck: '网站检查' },
  role: { admin: '管理员', assessor: '考评员', liaison: '单位联络员', leader: '领导' },
  common: {
    logout: '退出登录', language: 'English', search: '搜索', reset: '重置', save: '保存', cancel: '取消', edit: '编辑', create: '新建',
    actions: '操作', all: '全部', yes: '是', no: '否', loading: '加载中…', readonly: '只读', readonlyHint: '只读:不能修改考评、单位、年报和整改数据;分析页的模拟方案是个人笔记,可以保存和删除自己的。', year: '年度', total: '共 {{count}} 条', back: '返回',
    noData: '暂无数据', confirm: '确定', close: '关闭', forbidden: '无权访问', notFound: '页面不存在', retry: '重试', showHistory: '含已撤销单位',
  },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录', demoHint: '演示账号(密码均为 {{password}})', failed: '登录失败' },
  units: {
    title: '单位管理', code: '编码', name: '名称', kind: '类型', group: '分组', parent: '上级单位', tags: '标签', status: '状态', active: '在册',
    inactive: '已撤销', children: '下级单位', validFrom: '设立日期', validTo: '撤销日期', successor: '承继单位', note: '备注', create: '新建单位',
    edit: '编辑单位', import: '导入单位', deactivate: '撤销单位', deactivateReason: '撤销原因', searchPlaceholder: '按名称或编码搜索',
    history: '变更记录', groupHistory: '分组历史', profile: '基本信息', saved: '已保存', created: '已创建', deactivated: '已撤销',
    conflict: '该单位已被他人修改,请刷新后重试', noParent: '无(顶级单位)', kinds: { county_gov: '区县政府', city_dept: '市直部门', township: '乡镇', street: '街道', other: '其他' },
    importHelp: '支持 CSV 或 XLSX(第一个工作表),列:code,name,group,kind,parent,tags。任一行有误则整个文件不导入。',
    importYear: '分组所属年度', importCheck: '检查', importRun: '导入', importOk: '导入完成:新增 {{created}},更新 {{updated}},未变 {{unchanged}}',
    importDry: '检查通过:将新增 {{created}},更新 {{updated}},未变 {{unchanged}}', importFailed: '文件未导入,请修正以下问题:', row: '行', column: '列', problem: '问题',
    chooseFile: '选择文件', ownUnitOnly: '联络员只能查看本单位',
  },
  audit: {
    at: '时间', actor: '操作人', action: '操作', change: '变更内容', before: '变更前', after: '变更后',
    actions: {
      ...accountsZh.audit,
      ...siteCheckZh.audit,
      'auth_login': '登录', 'unit_create': '新建单位', 'unit_update': '修改单位', 'unit_deactivate': '撤销单位', 'unit_group': '调整分组',
      'unit_import': '导入单位文件', 'unit_import_create': '导入新建', 'unit_import_update': '导入更新', 'group_create': '新建分组', 'group_update': '修改分组',
      'period_create': '新增期次', 'period_status': '期次状态变更', 'demo_seed': '载入演示数据', 'analysis_scenario_create': '保存模拟方案', 'analysis_scenario_delete': '删除模拟方案',
      'assessment_score_set': '考评打分', 'assessment_finding_add': '登记问题', 'assessment_finding_withdraw': '撤销问题', 'assessment_event_add': '登记否决/加减分事项', 'assessment_event_remove': '删除否决/加减分事项', 'assessment_objection_file': '提出申诉', 'assessment_objection_decide': '处理申诉', 'assessment_self_set': '单位自评',
      'assessment_scheme_import': '导入考核方案', 'assessment_scheme_replace': '修改考核方案', 'assessment_scheme_copy': '复制考核方案到下一年度', 'assessment_scheme_importDocument': '导入考核细则文件',
      'annual_report_create': '新建年度报告', 'annual_report_save': '保存年度报告', 'annual_report_submit': '报送年度报告', 'annual_report_return': '退回年度报告', 'annual_report_accept': '通过年度报告', 'annual_report_correction': '更正年度报告', 'annual_report_import': '导入年度报告', 'annual_report_export': '导出年度报告汇总', 'annual_report_city_review': '年报评查', 'annual_report_city_review_export': '导出年报评查表',
    },
  },
  settings: { calendarMissing: '{{year}}年节假日安排尚未录入:该年的整改时限暂按周一至周五计算。', calendar: '节假日与调休', calendarHelp: '整改时限按国家法定节假日及调休安排计算(内置国务院办公厅历年通知)。国务院公布新一年安排后,在此录入放假日期和调休上班日期。', calendarCoverage: '已有安排的年度:{{years}}', holiday: '放假', workday: '调休上班', holidayName: '名称', addDay: '添加', date: '日期', dayKind: '类型', remove: '删除', title: '设置', groups: '分组', periods: '期次', users: '用户', groupCode: '分组编码', groupName: '分组名称', unitCount: '单位数', sortOrder: '排序',
    periodCode: '期次', range: '起止日期', status: '状态', addPeriod: '新增期次', addGroup: '新增分组', username: '用户名', displayName: '姓名', role: '角色', unit: '所属单位',
    periodStatus: { open: '进行中', closed: '已结束', locked: '已锁定' }, close: '结束', reopen: '重新开放', lock: '锁定', recent: '最近变更' },
};
