import { Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAsync } from '../../lib/useAsync';
import { catalogApi, type FilingDetailT } from './api';
import { FilingDetail } from './FilingDetail';

/** A filing's detail in a drawer; `actions` renders the reviewer's buttons for the loaded filing. */
export function FilingDrawer({
  id,
  onClose,
  actions,
}: {
  id: string | null;
  onClose: () => void;
  actions?: (f: FilingDetailT) => ReactNode;
}) {
  const { t } = useTranslation();
  const detail = useAsync(() => (id ? catalogApi.filing(id) : Promise.resolve(undefined)), [id]);
  const f = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={980}
      title={f ? t('catalog.filing.title', { org: f.orgName }) : t('catalog.filing.loading')}
      extra={f && actions ? actions(f) : null}
      destroyOnHidden
    >
      <ProblemAlert error={detail.error} />
      {f ? <FilingDetail filing={f} fetchedAt={Date.now()} /> : detail.loading ? <FullPageSpin /> : null}
    </Drawer>
  );
}
