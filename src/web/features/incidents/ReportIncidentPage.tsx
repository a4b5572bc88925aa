import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Steps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../lib/useSubmit';
import { type ClassificationT, type FactsInput, incidentsApi } from './api';
import { ClassificationCard } from './ClassificationCard';
import { cleanFacts, FactsFields } from './FactsFields';

interface Values extends FactsInput {
  title: string;
  description: string;
  discoveredAt: Dayjs;
}

const FACT_KEYS = [
  'type',
  'sector',
  'dataLevels',
  'harm',
  'piRecords',
  'sensitivePiRecords',
  'directLossYuan',
  'outageHours',
  'productionImpact',
] as const;

/** Picks the tiering facts out of the form values. */
const factsOf = (v: Partial<Values>): FactsInput =>
  cleanFacts(Object.fromEntries(FACT_KEYS.map((k) => [k, v[k]]))) as FactsInput;

/**
 * The incident report wizard (214号 信息报告): what happened, then the impact facts with a live tier preview
 * showing which criteria fire, then submit; the regulator is told at once.
 */
export default function ReportIncidentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<ClassificationT | null>(null);
  const values = Form.useWatch([], form);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const f = factsOf(values ?? {});
    if (!f.type || !f.sector) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      incidentsApi.classify(f).then(
        (r) => setPreview(r.classification),
        () => setPreview(null),
      );
    }, 250);
    return () => clearTimeout(timer.current);
  }, [values]);

  const { submit, submitting, error } = useSubmit<Values, { id: string; ref: string }>(
    form,
    (v) =>
      incidentsApi.report({
        ...factsOf(v),
        title: v.title,
        description: v.description,
        discoveredAt: v.discoveredAt.toISOString(),
        systemsAffected: v.systemsAffected || undefined,
      }),
    (r) => {
      message.success(t('incidents.reported', { ref: r.ref }));
      navigate(`/incidents/${r.id}`);
    },
  );

  const next = async () => {
    const fields = step === 0 ? ['title', 'description', 'discoveredAt'] : ['type', 'sector'];
    await form.validateFields(fields);
    setStep(step + 1);
  };

  return (
    <div data-testid="report-incident-page">
      <PageHeader title={t('incidents.wizard.title')} subtitle={t('incidents.wizard.subtitle')} />
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('incidents.wizard.what') },
          { title: t('incidents.wizard.impact') },
          { title: t('incidents.wizard.review') },
        ]}
      />
      <ProblemAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(v) => void submit({ ...form.getFieldsValue(true), ...v })}
              initialValues={{ discoveredAt: dayjs(), sector: 'industry', dataLevels: [] }}
              preserve
            >
              <div style={{ display: step === 0 ? 'block' : 'none' }}>
                <Form.Item
                  name="title"
                  label={t('incidents.fields.title')}
                  rules={[{ required: true, max: 200 }]}
                >
                  <Input data-testid="incident-title" />
                </Form.Item>
                <Form.Item
                  name="discoveredAt"
                  label={t('incidents.fields.discoveredAt')}
                  extra={t('incidents.hints.discoveredAt')}
                  rules={[{ required: true }]}
                >
                  <DatePicker
                    showTime
                    disabledDate={(d) => d.isAfter(dayjs())}
                    data-testid="incident-discovered"
                  />
                </Form.Item>
                <Form.Item
                  name="description"
                  label={t('incidents.fields.description')}
                  rules={[{ required: true }]}
                >
                  <Input.TextArea rows={5} data-testid="incident-description" />
                </Form.Item>
                <Form.Item name="systemsAffected" label={t('incidents.fields.systemsAffected')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </div>
              <div style={{ display: step === 1 ? 'block' : 'none' }}>
                <FactsFields />
              </div>
              {step === 2 ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <p>{t('incidents.wizard.confirm')}</p>
                </Space>
              ) : null}
              <Space>
                {step > 0 ? (
                  <Button onClick={() => setStep(step - 1)}>{t('incidents.wizard.back')}</Button>
                ) : null}
                {step < 2 ? (
                  <Button key="next" type="primary" onClick={() => void next()} data-testid="wizard-next">
                    {t('incidents.wizard.next')}
                  </Button>
                ) : (
                  <Button
                    type="primary"
                    danger
                    htmlType="submit"
                    loading={submitting}
                    data-testid="incident-submit"
                  >
                    {t('incidents.wizard.submit')}
                  </Button>
                )}
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {preview ? (
            <ClassificationCard c={preview} title={t('incidents.wizard.preview')} />
          ) : (
            <Card title={t('incidents.wizard.preview')}>{t('incidents.wizard.previewHint')}</Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
