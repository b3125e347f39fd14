// 安全日志 under 设置: failed sign-ins for the office's administrators.
export const securityZh = {
  tab: '安全日志',
  intro: '最近的登录失败记录(保留 180 天)。同一用户名或地址短时间内多次失败,说明可能有人在猜测密码。',
  at: '时间',
  username: '用户名',
  clientIp: '来源地址',
  detail: '原因',
  empty: '没有登录失败记录',
};
