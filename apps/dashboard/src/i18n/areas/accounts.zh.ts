// 用户管理, 我的账号, forced password change and the sign-in page's setup notice.
export const accountsZh = {
  users: {
    title: '用户管理', create: '新建用户', edit: '编辑用户', bulk: '批量创建联络员账号', import: '导入用户', searchPlaceholder: '按用户名、姓名或电话搜索',
    username: '用户名', displayName: '姓名', role: '角色', unit: '所属单位', phone: '电话', status: '状态', lastSignIn: '最近登录', never: '从未登录',
    active: '启用', disabled: '已停用', mustChange: '待修改初始密码', mustChangeShort: '待改密', more: '更多', disable: '停用', enable: '启用', resetPassword: '重置密码', endSessions: '结束会话',
    disableConfirm: '停用 {{name}}?其所有登录会话将立即结束,账号保留(审计记录中的姓名不变)。', resetConfirm: '为 {{name}} 生成新的初始密码?其所有登录会话将立即结束,下次登录须修改密码。',
    endSessionsConfirm: '结束 {{name}} 的所有登录会话?', sessionsEnded: '已结束 {{count}} 个会话', saved: '已保存', enabled: '已启用', disabledDone: '已停用',
    oneTimeTitle: '初始密码', oneTimeHelp: '请将用户名和初始密码告知 {{name}}。该密码只显示这一次,首次登录后必须修改。', copy: '复制', copied: '已复制',
    unitPlaceholder: '选择单位(单位联络员必填)', allRoles: '全部角色', allStatuses: '全部状态', allUnits: '全部单位',
    bulkHelp: '为所选单位各创建一个单位联络员账号(用户名为 lly- 加单位编码),初始密码写入下载的 Excel 表,由办公室分发;首次登录须修改密码。',
    scope: '范围', scopeAll: '全部在册单位', scopeGroup: '某一分组', scopeKind: '某一类型', scopeUnits: '指定单位', group: '分组', kind: '单位类型', units: '单位',
    skipExisting: '跳过已有联络员的单位', bulkRun: '创建并下载账号表', bulkDone: '已创建 {{count}} 个联络员账号,账号表已下载', bulkSkipped: '跳过 {{count}} 个单位(已有联络员)', bulkNone: '没有需要创建的账号',
    importHelp: '支持 .xlsx(第一个工作表)或 CSV,表头:用户名、姓名、角色、单位编码、手机。角色填“管理员/考评员/单位联络员/领导”;单位联络员须填单位编码。任一行有误则整个文件不导入。',
    importRun: '导入', importDone: '已导入 {{count}} 个用户,初始密码表已下载', importFailed: '文件未导入,请修正以下问题:', row: '行', column: '列', problem: '问题', chooseFile: '选择文件',
    downloadAgain: '再次下载账号表',
  },
  account: {
    title: '我的账号', changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码', mismatch: '两次输入的新密码不一致',
    policy: '至少 10 个字符,不能包含用户名,不能是常见密码或键盘序列;建议用几个不相关的词加数字和符号。', changed: '密码已修改,其他设备上的登录已结束',
    sessions: '我的登录会话', sessionStarted: '登录时间', sessionExpires: '过期时间', sessionIp: 'IP 地址', current: '当前会话', end: '结束', signOutEverywhere: '退出所有设备',
    signOutEverywhereConfirm: '结束你的所有登录会话(包括当前这个)?', forcedTitle: '请修改初始密码', forcedHelp: '你正在使用管理员分配的初始密码。修改密码后才能使用系统。', myAccount: '我的账号',
  },
  setup: {
    noAdmin: '系统中还没有管理员账号', noAdminHelp: '这是一个新的空数据库。请在服务器上运行以下命令创建第一个管理员,然后用它登录:',
  },
  audit: {
    user_create: '新建用户', user_update: '修改用户', user_disable: '停用用户', user_enable: '启用用户', user_password_reset: '重置密码', user_password_change: '修改密码',
    user_sessions_end: '结束登录会话', session_end: '结束一个会话', 'user_bulk-create': '批量创建联络员账号', user_import: '导入用户',
  },
};
