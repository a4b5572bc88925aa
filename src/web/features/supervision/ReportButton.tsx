import { FilePdfOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportUrl } from './api';

/** The printable monthly supervision report of an area (PDF) for a chosen month, the current one by default. */
export function ReportButton({ province }: { province: string | undefined }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  return (
    <Space.Compact>
      <DatePicker
        picker="month"
        allowClear={false}
        value={month}
        onChange={(v) => v && setMonth(v)}
        disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        style={{ width: 130 }}
        data-testid="report-month"
      />
      <Button
        icon={<FilePdfOutlined />}
        href={reportUrl(province, month.format('YYYY-MM'))}
        target="_blank"
        rel="noopener"
        data-testid="report-pdf-button"
      >
        {t('supervision.report')}
      </Button>
    </Space.Compact>
  );
}
