import type { ThemeConfig } from 'antd';

/** Brand palette: a sober government blue on a light workspace, dark navigation. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1459c7',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f1f3d', headerBg: '#ffffff', bodyBg: '#f5f7fa', headerPadding: '0 24px' },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1730', darkItemSelectedBg: '#1459c7' },
  },
};
