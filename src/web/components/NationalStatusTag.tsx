import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NationalReportStatus } from '../lib/types';

const colors: Record<NationalReportStatus, string> = {
  filed: 'processing',
  acknowledged: 'success',
  'more-info-requested': 'warning',
};

/** A national report's status in the ministry's inbox. */
export function NationalStatusTag({ status }: { status: NationalReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="national-status" data-status={status}>
      {t(`nationalStatus.${status}`)}
    </Tag>
  );
}
