import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayOpen, type PageKey } from './access';
import { useMe } from './session';

/** Keeps a page reachable only for actors whose menu offers it (the server enforces the same rules). */
export function Guard({ page, children }: { page: PageKey; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (mayOpen(me, page)) return children;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
