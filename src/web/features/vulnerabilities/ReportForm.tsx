import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { IntakeResult, ProductT } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { GbtFields } from './GbtFields';
import { fileToBase64, type IntakeFormValues, toIntake } from './intakeForm';
import { type PocFile, PocFiles } from './PocFiles';
import { ProductPicker } from './ProductPicker';

/** What an intake produced: the report (and claim code), plus attachments that failed to upload. */
export interface Submitted {
  result: IntakeResult;
  failedUploads: string[];
}

const CVSS_HINT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

/**
 * The vulnerability report form (RMSV art. 5 intake): a catalogue or free-text product, versions, CWE, title,
 * description, CVSS vectors, optional GB/T 30279 indicators and, when signed in, proof-of-concept files.
 */
export function ReportForm({
  anonymous = false,
  onBehalfOf = false,
  onSubmitted,
}: {
  anonymous?: boolean;
  /** Filed collection platforms name the researcher they report for. */
  onBehalfOf?: boolean;
  onSubmitted: (s: Submitted) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeFormValues>();
  const [product, setProduct] = useState<ProductT | undefined>(undefined);
  const [files, setFiles] = useState<PocFile[]>([]);
  const mode = Form.useWatch('productMode', form);
  const useGbt = Form.useWatch('useGbt', form);

  const send = useCallback(
    async (v: IntakeFormValues): Promise<Submitted> => {
      const body = toIntake(v);
      const result = anonymous ? await api.submitAnonymous(body) : await api.submitReport(body);
      const failedUploads: string[] = [];
      // The report exists now; a failed upload must not hide that, so it is reported, not thrown.
      for (const f of files) {
        try {
          await api.uploadAttachment(result.report.id, {
            filename: f.file.name,
            contentType: f.file.type || 'application/octet-stream',
            contentBase64: await fileToBase64(f.file),
            exploitTool: f.exploitTool,
          });
        } catch {
          failedUploads.push(f.file.name);
        }
      }
      return { result, failedUploads };
    },
    [anonymous, files],
  );
  const { submit, submitting, error } = useSubmit(form, send, onSubmitted);

  const section = (title: string, children: ReactNode) => (
    <Card
      title={title}
      size="small"
      style={{ marginBottom: 16 }}
      styles={{ header: { background: '#fafbfd' } }}
    >
      {children}
    </Card>
  );

  return (
    <Form<IntakeFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ productMode: 'catalogue', affectedVersions: [], cvss: [''], useGbt: false }}
      scrollToFirstError
      data-testid="report-form"
    >
      <ProblemAlert error={error} />
      {section(
        t('intake.sections.product'),
        <>
          <Form.Item name="productMode">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'catalogue', label: t('intake.productCatalogue') },
                { value: 'text', label: t('intake.productText') },
              ]}
            />
          </Form.Item>
          {mode === 'text' ? (
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['productText', 'vendorName']}
                  label={t('intake.vendorName')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['productText', 'productName']}
                  label={t('intake.productName')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['productText', 'model']} label={t('intake.model')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                  {t('intake.productTextHint')}
                </Typography.Paragraph>
              </Col>
            </Row>
          ) : (
            <Form.Item
              name="productId"
              label={t('intake.product')}
              rules={[{ required: true, message: t('intake.productRequired') }]}
            >
              <ProductPicker onProduct={setProduct} />
            </Form.Item>
          )}
          <Form.Item
            name="affectedVersions"
            label={t('intake.versions')}
            extra={t('intake.versionsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('intake.versionsRequired') }]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ']}
              options={(mode === 'text' ? [] : (product?.versions ?? [])).map((v) => ({
                value: v,
                label: v,
              }))}
              data-testid="versions"
            />
          </Form.Item>
        </>,
      )}
      {section(
        t('intake.sections.vulnerability'),
        <>
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label={t('intake.title')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { min: 4, message: t('validation.minLength', { min: 4 }) },
                  { max: 300, message: t('validation.maxLength', { max: 300 }) },
                ]}
              >
                <Input placeholder={t('intake.titlePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="cwe"
                label={t('intake.cwe')}
                rules={[{ pattern: /^\s*CWE-\d{1,5}\s*$/i, message: t('intake.cweInvalid') }]}
              >
                <Input placeholder="CWE-78" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="description"
            label={t('intake.description')}
            extra={t('intake.descriptionHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { min: 20, message: t('validation.minLength', { min: 20 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} />
          </Form.Item>
        </>,
      )}
      {section(
        t('intake.sections.scoring'),
        <>
          <Form.List name="cvss">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Form.Item
                    key={f.key}
                    label={i === 0 ? t('intake.cvss') : undefined}
                    extra={i === fields.length - 1 ? t('intake.cvssHint') : undefined}
                    style={{ marginBottom: 8 }}
                  >
                    <div style={{ display: 'flex', gap: 8 }}>
                      <Form.Item
                        name={f.name}
                        noStyle
                        rules={[{ min: 10, message: t('intake.cvssInvalid') }]}
                      >
                        <Input
                          placeholder={CVSS_HINT}
                          data-testid={`cvss-${i}`}
                          style={{ fontFamily: 'monospace' }}
                        />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button onClick={() => remove(f.name)}>{t('common.remove')}</Button>
                      ) : null}
                    </div>
                  </Form.Item>
                ))}
                {fields.length < 4 ? (
                  <Button type="dashed" onClick={() => add('')} style={{ marginBottom: 16 }}>
                    {t('intake.cvssAdd')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Flex align="center" gap={8} style={{ marginBottom: useGbt ? 12 : 0 }}>
            <Form.Item name="useGbt" valuePropName="checked" noStyle>
              <Switch size="small" data-testid="use-gbt" />
            </Form.Item>
            <Typography.Text>{t('intake.gbt')}</Typography.Text>
            <Typography.Text type="secondary">{t('intake.gbtHint')}</Typography.Text>
          </Flex>
          {useGbt ? <GbtFields /> : null}
        </>,
      )}
      {anonymous
        ? null
        : section(t('intake.sections.attachments'), <PocFiles value={files} onChange={setFiles} />)}
      {onBehalfOf || anonymous
        ? section(
            t('intake.sections.reporter'),
            onBehalfOf ? (
              <Form.Item name="onBehalfOf" label={t('intake.onBehalfOf')} extra={t('intake.onBehalfOfHint')}>
                <Input maxLength={200} data-testid="on-behalf-of" />
              </Form.Item>
            ) : (
              <Form.Item
                name="contactEmail"
                label={t('intake.contactEmail')}
                extra={t('intake.contactEmailHint')}
                rules={[{ type: 'email', message: t('validation.emailInvalid') }]}
              >
                <Input maxLength={254} autoComplete="email" />
              </Form.Item>
            ),
          )
        : null}
      <Typography.Paragraph type="secondary">{t('intake.legal')}</Typography.Paragraph>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        icon={<SendOutlined />}
        loading={submitting}
        data-testid="report-submit"
      >
        {t('intake.submit')}
      </Button>
    </Form>
  );
}
