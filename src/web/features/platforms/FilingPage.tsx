import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditFiling } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Filing, FilingStatus } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { FilingDetails, FilingStatusTag } from './FilingDetails';
import { FilingForm, type FilingValues } from './FilingForm';

// 146号 workflow (server filing-rules.ts): a draft, or a rejected or revoked filing, may be edited; saving makes it a
// draft again, which may then be submitted.
const EDITABLE: readonly FilingStatus[] = ['draft', 'rejected', 'revoked'];

const fieldsOf = (f: Filing): FilingValues => ({
  platformName: f.platformName,
  url: f.url,
  icpNumber: f.icpNumber,
  publicationChannels: f.publicationChannels,
  hostName: f.hostName,
  hostUscc: f.hostUscc,
  responsiblePerson: f.responsiblePerson,
  contacts: f.contacts,
  registeredCapital: f.registeredCapital,
  shareholding: f.shareholding,
  collectionScope: f.collectionScope,
  collectionMethods: f.collectionMethods,
  verificationRules: f.verificationRules,
  notificationRules: f.notificationRules,
  publicationRules: f.publicationRules,
  userIdentityRules: f.userIdentityRules,
  mlpsLevel3FilingNumber: f.mlpsLevel3FilingNumber,
  commitmentLetterSigned: f.commitmentLetterSigned,
});

// A number belongs to an approval (a revoked filing keeps the one it lost); a re-filed draft has none until MIIT
// approves it again, which assigns a new one (server filing-rules.ts `filingNumber`).
const numbered: readonly FilingStatus[] = ['approved', 'revoked'];

/** Where the platform's filing stands: status, filing number, dates and the ministry's reason when returned. */
function FilingStatusCard({ filing }: { filing: Filing | null }) {
  const { t } = useTranslation();
  if (!filing) {
    return <Alert type="info" showIcon title={t('filingForm.none')} description={t('filingForm.noneText')} />;
  }
  return (
    <Card data-testid="filing-status-card">
      <Flex gap={24} wrap align="center">
        <div>
          <Typography.Text type="secondary">{t('filings.filingNumber')}</Typography.Text>
          <div style={{ fontSize: 22, fontWeight: 600, letterSpacing: 0.5 }} data-testid="filing-number">
            {numbered.includes(filing.status) && filing.filingNumber
              ? filing.filingNumber
              : t('filingForm.noNumber')}
          </div>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ flex: 1, minWidth: 320 }}
          items={[
            {
              key: 'status',
              label: t('filings.statusLabel'),
              children: <FilingStatusTag status={filing.status} />,
            },
            { key: 'submitted', label: t('filings.submittedAt'), children: formatTime(filing.submittedAt) },
            {
              key: 'decided',
              label: t('filingForm.decidedAt'),
              children:
                numbered.includes(filing.status) || filing.status === 'rejected'
                  ? formatTime(filing.decidedAt)
                  : '—',
            },
          ]}
        />
      </Flex>
      {filing.decisionReason && (filing.status === 'rejected' || filing.status === 'revoked') ? (
        <Alert
          type={filing.status === 'rejected' ? 'error' : 'warning'}
          showIcon
          style={{ marginTop: 16 }}
          title={t(`filingForm.returned.${filing.status}`)}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{filing.decisionReason}</span>}
          data-testid="filing-reason"
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 13 }}>
        {t(`filingForm.statusHints.${filing.status}`)}
      </Typography.Paragraph>
    </Card>
  );
}

/** A collection platform's own MIIT filing (RMSV art. 10): fill in, save as draft, submit; read once submitted. */
export default function FilingPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const loaded = useAsync(async () => (await api.filings())[0] ?? null, []);
  const [form] = Form.useForm<FilingValues>();
  const mode = useRef<'save' | 'submit'>('save');
  const filing = loaded.data ?? null;
  const editable = canEditFiling(me) && (!filing || EDITABLE.includes(filing.status));

  useEffect(() => {
    if (filing) form.setFieldsValue(fieldsOf(filing));
  }, [filing, form]);

  const save = useCallback(async (v: FilingValues) => {
    const saved = await api.saveFiling(v);
    return mode.current === 'submit' ? api.submitFiling(saved.id) : saved;
  }, []);
  const done = useCallback(
    (f: Filing) => {
      message.success(t(f.status === 'submitted' ? 'filingForm.submitted' : 'filingForm.saved'));
      loaded.setData(() => f);
    },
    [message, t, loaded.setData],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, save, done);

  const run = (m: 'save' | 'submit') => {
    clearError();
    mode.current = m;
    if (m === 'save') {
      form.submit();
      return;
    }
    if (!form.getFieldValue('commitmentLetterSigned')) {
      form.setFields([{ name: 'commitmentLetterSigned', errors: [t('filingForm.commitmentRequired')] }]);
      return;
    }
    modal.confirm({
      title: t('filingForm.confirmSubmit'),
      content: t('filingForm.confirmSubmitText'),
      okText: t('filingForm.submit'),
      cancelText: t('common.cancel'),
      onOk: () => form.submit(),
    });
  };

  return (
    <div data-testid="filing-page">
      <PageHeader
        title={t('filingForm.title')}
        subtitle={t('filingForm.subtitle')}
        extra={
          editable ? (
            <Space>
              <Button
                icon={<SaveOutlined />}
                loading={submitting && mode.current === 'save'}
                onClick={() => run('save')}
                data-testid="filing-save"
              >
                {t('filingForm.save')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submitting && mode.current === 'submit'}
                onClick={() => run('submit')}
                data-testid="filing-submit"
              >
                {t('filingForm.submit')}
              </Button>
            </Space>
          ) : null
        }
      />
      <ProblemAlert error={loaded.error} />
      {loaded.loading && loaded.data === undefined ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <FilingStatusCard filing={filing} />
          {!canEditFiling(me) ? <Alert type="info" showIcon title={t('filingForm.adminOnly')} /> : null}
          <ProblemAlert error={error} onClose={clearError} />
          {editable ? (
            <FilingForm form={form} disabled={submitting} onFinish={submit} />
          ) : filing ? (
            <Card title={t('filingForm.contents')}>
              <FilingDetails f={filing} />
            </Card>
          ) : null}
        </Flex>
      )}
    </div>
  );
}
