// First run of an office: 设置 › 机构信息 and the setup checklist an admin sees until the office is set up.
export const onboardingZh = {
  office: {
    tab: '机构信息',
    title: '本机构信息',
    help: '填写本机构(政务公开办)的全称、简称和所辖地区。全称显示在登录页,简称和地区用于页面和导出文件。',
    firstRun: '首次使用:请确认本机构信息',
    name: '机构全称',
    namePlaceholder: '如:临江市人民政府办公室(市政务公开办)',
    shortName: '机构简称',
    shortNamePlaceholder: '如:市政务公开办',
    regionName: '所辖地区',
    regionNamePlaceholder: '如:临江市',
    save: '保存机构信息',
    saved: '机构信息已保存',
    setUpAt: '首次确认于 {{at}}',
  },
  checklist: {
    title: '开始使用:{{year}}年度设置向导',
    help: '新机构依次完成以下步骤即可开展季度考评。每一步完成后自动打勾;确认机构信息后本向导不再显示在概览页。',
    progress: '已完成 {{done}}/{{total}} 步',
    done: '已完成',
    todo: '待完成',
    go: '前往',
    steps: {
      office: { title: '机构信息', description: '在“设置 › 机构信息”中填写本机构的全称、简称和所辖地区。' },
      groups: { title: '考核分组', description: '在“设置 › 分组”中建立本年度分组(如县区、市直部门、乡镇),单位按分组编码归组、分组排名。' },
      units: { title: '导入单位', description: '在“单位”页导入单位名录(.xlsx 或 .csv,列:code、name、group、kind、parent、tags)。' },
      liaisons: {
        title: '生成联络员账号',
        description: '在“设置 › 用户”中为全部单位批量生成联络员账号,下载含初始密码的 .xlsx 分发给各单位。',
      },
      scheme: { title: '导入考核细则', description: '在“考评 › 考核方案”中导入本机构的考核细则(.xlsx/.docx),逐项确认评分规则后保存。' },
      round: { title: '创建考评轮次', description: '在“设置 › 期次”中新增季度期次(如 2026Q4),再在“考评”中开启该季度的考评轮次。' },
    },
  },
};
