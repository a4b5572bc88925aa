import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskAssessment } from '../../../contracts/assessments';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { assessmentsApi } from './api';
import { useBilingual } from './text';

interface FormValues {
  performedBy: 'self' | 'third-party';
  assessorName?: string;
  issuedOn?: Dayjs;
  sections: Record<string, string | undefined>;
}

const statusColour = { draft: 'default', submitted: 'blue', received: 'green' } as const;

/** The report's sections, read-only. */
function Sections({ r }: { r: RiskAssessment }) {
  const text = useBilingual();
  const tpl = useAsync(() => assessmentsApi.riskTemplate(), []);
  return (
    <Descriptions size="small" column={1} bordered>
      {(tpl.data?.sections ?? []).map((s) => (
        <Descriptions.Item key={s.key} label={text(s)}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {r.sections[s.key] ?? '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** An enterprise's draft: the 8 sections of 82号, who performed it and the issue date; save or submit. */
function RiskForm({ draft, onDone }: { draft: RiskAssessment | null; onDone: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const tpl = useAsync(() => assessmentsApi.riskTemplate(), []);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const performedBy = Form.useWatch('performedBy', form);

  const save = async (submit: boolean) => {
    const v = form.getFieldsValue(true) as FormValues;
    const body = {
      performedBy: v.performedBy,
      assessorName: v.assessorName?.trim() || null,
      issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
      sections: Object.fromEntries(Object.entries(v.sections ?? {}).map(([k, s]) => [k, s ?? ''])),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = draft
        ? await assessmentsApi.updateRisk(draft.id, body)
        : await assessmentsApi.createRisk(body);
      if (submit) await assessmentsApi.submitRisk(saved.id);
      message.success(t(submit ? 'assessments.risk.submitted' : 'assessments.risk.saved'));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t(draft ? 'assessments.risk.editDraft' : 'assessments.risk.new')} data-testid="risk-form">
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          performedBy: draft?.performedBy ?? 'self',
          assessorName: draft?.assessorName ?? undefined,
          issuedOn: draft?.issuedOn ? dayjs(draft.issuedOn) : undefined,
          sections: draft?.sections ?? {},
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="performedBy" label={t('assessments.risk.performedBy')}>
              <Radio.Group
                options={[
                  { value: 'self', label: t('assessments.risk.self') },
                  { value: 'third-party', label: t('assessments.risk.thirdParty') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {performedBy === 'third-party' ? (
              <Form.Item name="assessorName" label={t('assessments.risk.assessorName')}>
                <Input data-testid="risk-assessor" />
              </Form.Item>
            ) : null}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="issuedOn"
              label={t('assessments.risk.issuedOn')}
              extra={t('assessments.risk.validity', { months: tpl.data?.resultValidMonths ?? 12 })}
            >
              <DatePicker data-testid="risk-issued-on" />
            </Form.Item>
          </Col>
        </Row>
        {(tpl.data?.sections ?? []).map((s) => (
          <Form.Item key={s.key} name={['sections', s.key]} label={text(s)}>
            <Input.TextArea rows={3} data-testid={`risk-section-${s.key}`} />
          </Form.Item>
        ))}
        <Space>
          <Button loading={busy} onClick={() => save(false)} data-testid="risk-save">
            {t('assessments.risk.saveDraft')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => save(true)} data-testid="risk-submit">
            {t('assessments.risk.submit')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** Annual risk assessments: an enterprise drafts and submits; its provincial regulator marks reports received. */
export default function RiskAssessmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const isEnterprise = me.org.kind === 'enterprise';
  const list = useAsync(() => assessmentsApi.risks(), []);
  const status = useAsync(
    () => (isEnterprise ? assessmentsApi.riskStatus() : Promise.resolve(undefined)),
    [isEnterprise, list.data],
  );
  const [editing, setEditing] = useState<RiskAssessment | null | 'new'>(null);
  const [error, setError] = useState<unknown>(null);
  const canWrite = isEnterprise && me.user.role !== 'viewer';
  const canReceive = me.org.kind === 'provincial-regulator' && me.user.role !== 'viewer';
  const s = status.data;

  const receive = async (id: string) => {
    try {
      await assessmentsApi.receiveRisk(id);
      message.success(t('assessments.risk.receivedDone'));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t(isEnterprise ? 'assessments.risk.title' : 'assessments.risk.queueTitle')}
        subtitle={t('assessments.risk.subtitle')}
        extra={
          canWrite && editing === null ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="risk-new"
            >
              {t('assessments.risk.new')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={error ?? list.error} onClose={() => setError(null)} />
      {s ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col xs={24} md={8}>
              <Statistic
                title={t('assessments.risk.required')}
                valueRender={() => (
                  <Tag color={s.required ? 'orange' : 'default'} data-testid="risk-required">
                    {t(s.required ? 'assessments.risk.requiredYes' : 'assessments.risk.requiredNo')}
                  </Tag>
                )}
              />
            </Col>
            <Col xs={24} md={8}>
              <Statistic title={t('assessments.risk.validUntil')} value={s.validUntil ?? '—'} />
            </Col>
            <Col xs={24} md={8}>
              <div data-testid="risk-days-left" data-days={s.daysLeft ?? ''}>
                <Statistic
                  title={t('assessments.risk.daysLeft')}
                  value={s.daysLeft === null ? '—' : s.expired ? t('assessments.risk.expired') : s.daysLeft}
                  valueStyle={{
                    color: s.expired
                      ? '#cf1322'
                      : s.daysLeft !== null && s.daysLeft <= 30
                        ? '#d48806'
                        : undefined,
                  }}
                />
              </div>
            </Col>
          </Row>
        </Card>
      ) : null}
      {editing !== null ? (
        <RiskForm
          draft={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : (
        <Card>
          <Table<RiskAssessment>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data ?? []}
            pagination={false}
            data-testid="risk-table"
            expandable={{ expandedRowRender: (r) => <Sections r={r} /> }}
            columns={[
              ...(isEnterprise
                ? []
                : [{ title: t('assessments.cols.enterprise'), dataIndex: 'orgName', key: 'org' }]),
              {
                title: t('assessments.cols.status'),
                dataIndex: 'status',
                render: (v: RiskAssessment['status']) => (
                  <Tag color={statusColour[v]}>{t(`assessments.riskStatus.${v}`)}</Tag>
                ),
              },
              {
                title: t('assessments.risk.performedBy'),
                dataIndex: 'performedBy',
                render: (v: string, r) =>
                  v === 'self'
                    ? t('assessments.risk.self')
                    : `${t('assessments.risk.thirdParty')} ${r.assessorName ?? ''}`,
              },
              {
                title: t('assessments.risk.issuedOn'),
                dataIndex: 'issuedOn',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('assessments.risk.validUntil'),
                dataIndex: 'validUntil',
                render: (v: string | null) => v ?? '—',
              },
              { title: t('assessments.risk.submittedAt'), dataIndex: 'submittedAt', render: formatTime },
              { title: t('assessments.risk.receivedAt'), dataIndex: 'receivedAt', render: formatTime },
              {
                key: 'act',
                render: (_: unknown, r) =>
                  r.status === 'draft' && canWrite ? (
                    <Button size="small" onClick={() => setEditing(r)} data-testid="risk-edit">
                      {t('common.edit')}
                    </Button>
                  ) : r.status === 'submitted' && canReceive ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => receive(r.id)}
                      data-testid="risk-receive"
                    >
                      {t('assessments.risk.markReceived')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
