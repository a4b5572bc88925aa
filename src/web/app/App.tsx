import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { usePrefersReducedMotion } from './reduced-motion';
import { router } from './routes';
import { SessionProvider } from './session';
import { theme } from './theme';

/** Root: antd locale follows the i18next language, motion the system setting; the session wraps every route. */
export function App() {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  const themed = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={themed}>
      <AntApp>
        <SessionProvider>
          <Suspense fallback={<FullPageSpin />}>
            <RouterProvider router={router} />
          </Suspense>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
