import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAsync } from '../../lib/useAsync';
import { catalogApi } from './api';

// A4 with print margins; the toolbar disappears on paper.
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
.dc-sheet { background: #fff; max-width: 800px; margin: 24px auto; padding: 40px 48px; box-shadow: 0 4px 24px rgba(15,31,61,.08); color: #000; }
.dc-sheet h1 { text-align: center; font-size: 24px; margin: 0 0 4px; letter-spacing: 4px; }
.dc-sheet .dc-no { text-align: center; font-size: 14px; margin-bottom: 24px; }
.dc-sheet table { width: 100%; border-collapse: collapse; font-size: 14px; }
.dc-sheet th, .dc-sheet td { border: 1px solid #333; padding: 8px 10px; text-align: left; vertical-align: top; }
.dc-sheet th { width: 30%; background: #f3f5f8; font-weight: 600; }
.dc-sheet .dc-foot { margin-top: 32px; font-size: 12px; color: #555; }
@media print {
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .dc-sheet { box-shadow: none; margin: 0; padding: 0; max-width: none; }
}`;

/** The catalog filing certificate (备案凭证) laid out for printing or saving as PDF. */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const navigate = useNavigate();
  const c = useAsync(() => catalogApi.certificate(id), [id]);
  const d = c.data;

  useEffect(() => {
    if (d) document.title = `${d.certificateNo} ${t('catalog.certificate.title')}`;
  }, [d, t]);

  if (c.error) return <ProblemAlert error={c.error} />;
  if (!d) return <FullPageSpin />;
  const rows: [string, string][] = [
    [t('catalog.certificate.org'), d.orgName],
    [t('catalog.certificate.uscc'), d.uscc ?? '—'],
    [
      t('catalog.certificate.recipient'),
      `${d.recipient[lang]}${d.regulatorName ? `（${d.regulatorName}）` : ''}`,
    ],
    [t('catalog.certificate.kind'), t(`catalog.filing.kinds.${d.kind}`)],
    [t('catalog.certificate.levels'), t('catalog.certificate.levelCounts', d.levels)],
    [
      t('catalog.certificate.categories'),
      Object.entries(d.categories)
        .map(([k, v]) => `${k}：${v.toLocaleString()}`)
        .join('\n'),
    ],
    [t('catalog.certificate.scale'), d.scale.toLocaleString()],
    [t('catalog.certificate.issuedOn'), d.issuedOn],
    [t('catalog.certificate.status'), t(`catalog.filingStatus.${d.status}`)],
  ];
  return (
    <div data-testid="certificate-print">
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="center" gap={12} style={{ paddingTop: 24 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('catalog.certificate.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('catalog.certificate.print')}
        </Button>
      </Flex>
      <div className="dc-sheet">
        <h1>{t('catalog.certificate.heading')}</h1>
        <div className="dc-no" data-testid="certificate-number">
          {t('catalog.certificate.no')}：{d.certificateNo}
        </div>
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td style={{ whiteSpace: 'pre-wrap' }}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dc-foot">
          {t('catalog.certificate.basis', {
            clause: d.outcome.clause,
            status: t(`catalog.rule.${d.outcome.status}`),
          })}
        </div>
      </div>
    </div>
  );
}
