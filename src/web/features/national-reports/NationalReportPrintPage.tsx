import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { NATIONAL_REPORT_FIELDS } from '../../lib/reports';
import { useAsync } from '../../lib/useAsync';

// A4 with print margins; the toolbar and the page background disappear on paper.
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
.nr-sheet { background: #fff; max-width: 800px; margin: 24px auto; padding: 40px 48px; box-shadow: 0 4px 24px rgba(15,31,61,.08); color: #000; }
.nr-sheet h1 { text-align: center; font-size: 22px; margin: 0 0 4px; letter-spacing: 2px; }
.nr-sheet .nr-sub { text-align: center; color: #555; margin-bottom: 24px; font-size: 13px; }
.nr-sheet table { width: 100%; border-collapse: collapse; font-size: 14px; }
.nr-sheet th, .nr-sheet td { border: 1px solid #333; padding: 8px 10px; vertical-align: top; text-align: left; }
.nr-sheet th { width: 28%; background: #f3f5f8; font-weight: 600; }
.nr-sheet td { white-space: pre-wrap; }
.nr-sheet .nr-meta { display: flex; justify-content: space-between; font-size: 13px; margin-bottom: 8px; }
.nr-sheet .nr-foot { margin-top: 32px; font-size: 12px; color: #555; display: flex; justify-content: space-between; }
@media print {
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .nr-sheet { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  .nr-sheet th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** The national report laid out as a form for printing or saving as PDF (RMSV art. 7(2) contents). */
export default function NationalReportPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const n = useAsync(() => api.nationalReport(id), [id]);
  const r = n.data;

  useEffect(() => {
    if (r) document.title = `${r.reportRef} ${t('national.documentTitle')}`;
  }, [r, t]);

  if (n.error) return <ProblemAlert error={n.error} />;
  if (!r) return <FullPageSpin />;
  const rows: [string, string][] = [
    [t('reports.fields.vendor'), r.vendorName],
    ...NATIONAL_REPORT_FIELDS.map((f): [string, string] => [t(`national.fields.${f}`), r.fields[f] ?? '—']),
    ...(r.fields.additional
      ? [[t('national.fields.additional'), r.fields.additional] as [string, string]]
      : []),
  ];
  return (
    <div data-testid="national-print">
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="center" gap={12} style={{ paddingTop: 24 }}>
        <Link to={`/national-reports/${r.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('nationalInbox.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('national.printNow')}
        </Button>
      </Flex>
      <div className="nr-sheet">
        <h1>{t('national.documentTitle')}</h1>
        <div className="nr-sub">{t('national.documentBasis')}</div>
        <div className="nr-meta">
          <span>
            {t('reports.fields.ref')}
            {t('common.colon')}
            {r.reportRef}
          </span>
          <span>
            {t('national.status')}
            {t('common.colon')}
            {t(`nationalStatus.${r.status}`)}
            {r.late ? t('national.lateSuffix') : ''}
          </span>
        </div>
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>{value}</td>
              </tr>
            ))}
            <tr>
              <th>{t('national.dueAt')}</th>
              <td>{formatTime(r.dueAt)}</td>
            </tr>
            <tr>
              <th>{t('national.submittedAt')}</th>
              <td>{formatTime(r.submittedAt)}</td>
            </tr>
            {r.acknowledgedAt ? (
              <tr>
                <th>{t('national.acknowledgedAt')}</th>
                <td>{formatTime(r.acknowledgedAt)}</td>
              </tr>
            ) : null}
            {r.ministryNote ? (
              <tr>
                <th>{t('nationalInbox.note')}</th>
                <td>{r.ministryNote}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <div className="nr-foot">
          <span>{t('national.recipient')}</span>
          <span>{t('national.printedAt', { time: formatTime(new Date().toISOString()) })}</span>
        </div>
      </div>
    </div>
  );
}
