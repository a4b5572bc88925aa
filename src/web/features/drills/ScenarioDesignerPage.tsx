import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Scenario, ScenarioDefinition } from '../../../contracts/drills';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { drillsApi } from './api';
import { EXPECTATIONS, pick, ROLES } from './drills';

/** Both language fields of one text at `name`. */
function Bilingual({ name, label, area }: { name: (string | number)[]; label: string; area?: boolean }) {
  const Field = area ? Input.TextArea : Input;
  return (
    <Row gutter={8}>
      <Col span={12}>
        <Form.Item
          name={[...name, 'zh']}
          label={`${label}（中文）`}
          rules={[{ required: true, whitespace: true }]}
        >
          <Field maxLength={4000} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={[...name, 'en']}
          label={`${label} (English)`}
          rules={[{ required: true, whitespace: true }]}
        >
          <Field maxLength={4000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * The scenario designer: title, summary and every inject (minute, texts, roles, expected actions, scored
 * expectations with their time budgets). The server validates; its field paths land on the fields.
 */
export default function ScenarioDesignerPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<ScenarioDefinition>();
  const [saved, setSaved] = useState(false);
  const scenario = useAsync(() => drillsApi.scenario(id), [id]);
  const s = scenario.data;
  useEffect(() => {
    if (s) form.setFieldsValue(s.definition);
  }, [s, form]);
  // The raising inject's incident facts are kept as they are; the designer edits the drill's texts and scoring.
  const save = useCallback(
    (v: ScenarioDefinition) => {
      const before = new Map((s?.definition.injects ?? []).map((i) => [i.key, i.raisesIncident]));
      return drillsApi.saveScenario(id, {
        ...v,
        injects: v.injects.map((i) => ({ ...i, raisesIncident: before.get(i.key) ?? undefined })),
      });
    },
    [id, s],
  );
  const { submit, submitting, error } = useSubmit(form, save, (next: Scenario) => {
    setSaved(true);
    scenario.setData(() => next);
  });

  if (!s) return <ProblemAlert error={scenario.error} />;
  const readOnly = s.builtIn;
  return (
    <div data-testid="scenario-designer">
      <PageHeader
        title={pick(s.definition.title, i18n.language)}
        subtitle={readOnly ? t('drills.designer.readOnly') : t('drills.designer.subtitle')}
        extra={
          readOnly ? null : (
            <Button
              type="primary"
              loading={submitting}
              onClick={() => form.submit()}
              data-testid="scenario-save"
            >
              {t('common.save')}
            </Button>
          )
        }
      />
      <ProblemAlert error={error} />
      {saved ? (
        <Tag color="green" data-testid="scenario-saved">
          {t('drills.designer.saved')}
        </Tag>
      ) : null}
      <Form<ScenarioDefinition>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        onValuesChange={() => setSaved(false)}
        data-testid="scenario-form"
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Bilingual name={['title']} label={t('drills.designer.title')} />
          <Bilingual name={['summary']} label={t('drills.designer.summary')} area />
          <Form.Item name="threat" label={t('drills.designer.threat')}>
            <Select
              options={['ransomware', 'insider-misuse', 'other'].map((v) => ({
                value: v,
                label: t(`drills.threats.${v}`),
              }))}
            />
          </Form.Item>
        </Card>
        <Form.List name="injects">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }} size={12}>
              {fields.map((f, n) => {
                const raises = Boolean(s.definition.injects[n]?.raisesIncident);
                return (
                  <Card
                    key={f.key}
                    size="small"
                    data-testid={`designer-inject-${n}`}
                    title={
                      <Space>
                        {t('drills.designer.inject', { n: n + 1 })}
                        {raises ? <Tag color="red">{t('drills.scenarios.raises')}</Tag> : null}
                      </Space>
                    }
                    extra={
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.remove')}
                      />
                    }
                  >
                    <Row gutter={8}>
                      <Col span={8}>
                        <Form.Item
                          name={[f.name, 'key']}
                          label={t('drills.designer.key')}
                          rules={[{ required: true }]}
                        >
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item
                          name={[f.name, 'minute']}
                          label={t('drills.designer.minute')}
                          rules={[{ required: true }]}
                        >
                          <InputNumber
                            min={0}
                            max={10080}
                            style={{ width: '100%' }}
                            data-testid={`designer-minute-${n}`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'roles']} label={t('drills.designer.roles')}>
                          <Select
                            mode="multiple"
                            options={ROLES.map((r) => ({ value: r, label: t(`drills.roles.${r}`) }))}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Bilingual name={[f.name, 'title']} label={t('drills.designer.injectTitle')} />
                    <Bilingual name={[f.name, 'body']} label={t('drills.designer.body')} area />
                    <Typography.Text strong>{t('drills.designer.expectedActions')}</Typography.Text>
                    <Form.List name={[f.name, 'expectedActions']}>
                      {(acts, ops) => (
                        <>
                          {acts.map((a) => (
                            <Space key={a.key} align="start" style={{ display: 'flex' }}>
                              <div style={{ flex: 1 }}>
                                <Bilingual name={[a.name]} label={t('drills.designer.action')} />
                              </div>
                              <Button
                                size="small"
                                icon={<DeleteOutlined />}
                                onClick={() => ops.remove(a.name)}
                                aria-label={t('common.remove')}
                              />
                            </Space>
                          ))}
                          <Button
                            size="small"
                            icon={<PlusOutlined />}
                            onClick={() => ops.add({ zh: '', en: '' })}
                          >
                            {t('drills.designer.addAction')}
                          </Button>
                        </>
                      )}
                    </Form.List>
                    <div style={{ marginTop: 12 }}>
                      <Typography.Text strong>{t('drills.designer.expectations')}</Typography.Text>
                    </div>
                    <Form.List name={[f.name, 'expectations']}>
                      {(exps, ops) => (
                        <>
                          {exps.map((e) => (
                            <Space key={e.key} align="baseline" wrap>
                              <Form.Item name={[e.name, 'key']} rules={[{ required: true }]}>
                                <Select
                                  style={{ width: 180 }}
                                  options={EXPECTATIONS.map((x) => ({
                                    value: x,
                                    label: t(`drills.expectations.${x}`),
                                  }))}
                                />
                              </Form.Item>
                              <Form.Item name={[e.name, 'budgetMinutes']} rules={[{ required: true }]}>
                                <InputNumber min={1} max={10080} addonAfter={t('drills.minutes')} />
                              </Form.Item>
                              <Button
                                size="small"
                                icon={<DeleteOutlined />}
                                onClick={() => ops.remove(e.name)}
                                aria-label={t('common.remove')}
                              />
                            </Space>
                          ))}
                          <div>
                            <Button
                              size="small"
                              icon={<PlusOutlined />}
                              onClick={() => ops.add({ key: 'detected', budgetMinutes: 15 })}
                            >
                              {t('drills.designer.addExpectation')}
                            </Button>
                          </div>
                        </>
                      )}
                    </Form.List>
                  </Card>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: `inject-${fields.length + 1}`,
                    minute: 0,
                    title: { zh: '', en: '' },
                    body: { zh: '', en: '' },
                    roles: ['it'],
                    expectedActions: [],
                    expectations: [],
                  })
                }
                data-testid="designer-add-inject"
              >
                {t('drills.designer.addInject')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </div>
  );
}
