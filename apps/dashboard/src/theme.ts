// The dashboard's antd theme, shared by the app (app.tsx, ConfigProvider) and the build (vite.config.ts,
// antd-static-style.ts), which turns it into a static stylesheet: in the browser antd runs with
// `zeroRuntime` and no longer generates its component styles at first render (issue #14).

/** Design tokens. The component stylesheet is generated from these: change them here only. */
export const THEME_TOKEN = {
  colorPrimary: '#b71c1c',
  borderRadius: 4,
  fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
};

/** The build (vite.config.ts) writes antd's component styles for THEME_TOKEN into a stylesheet; the app only sets the token's CSS variables. */
export const THEME = { token: THEME_TOKEN, zeroRuntime: true };
