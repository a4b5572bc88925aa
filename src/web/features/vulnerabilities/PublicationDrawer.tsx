import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeField } from '../../lib/errors';
import { ApiError, fieldErrors } from '../../lib/problem';
import { GRADES, gradeCode } from '../../lib/reports';
import type { Advisory, ReportDetail } from '../../lib/types';
import { type PublicationFormValues, type Refusal, refusalsOf, toPublication } from './publication';
import { RefusalList } from './RefusalList';

/** Advisory fields a request may flag (RMSV art. 9(2): operators' system details are never published). */
const FIELD_PATHS = [
  'title',
  'description',
  'affectedVersions',
  'fixedVersions',
  'cvss',
  'cwe',
  'remediation',
] as const;
// Pre-publication recipients are mostly CERTs and coordinators; the server treats anything but CN as overseas.
const COUNTRIES = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'KR', 'SG', 'RU', 'IN', 'AU', 'CA', 'NL', 'IL'];

/**
 * RMSV art. 9 publication request: public text, whether the fix goes with it, attachments, flagged fields and
 * pre-publication recipients. A refusal lists every failed check in words; the form stays for a new try.
 */
export function PublicationDrawer({
  open,
  report,
  onClose,
  onPublished,
}: {
  open: boolean;
  report: ReportDetail;
  onClose: () => void;
  onPublished: (a: Advisory) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublicationFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [refusals, setRefusals] = useState<Refusal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const regions = new Intl.DisplayNames([i18n.language], { type: 'region' });

  useEffect(() => {
    if (!open) return;
    setRefusals(null);
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      publicTitle: report.title,
      publicDescription: '',
      includesFixOrMitigation: report.fix !== null,
      publicAttachmentIds: [],
      fields: [],
      recipients: [],
    });
  }, [open, report, form]);

  const describeTarget = (target: string): string => {
    const [head, index] = target.split('.');
    const i = Number(index);
    if (head === 'recipients') {
      const name = form.getFieldValue(['recipients', i, 'name']) as string | undefined;
      return t('publication.targets.recipient', { n: i + 1, name: name ?? '' });
    }
    if (head === 'attachments') return report.attachments[i]?.filename ?? target;
    if (head === 'publishedGrade') return t('publication.statedGrade');
    return t('publication.targets.field', { path: target });
  };

  const submit = async (v: PublicationFormValues) => {
    setSubmitting(true);
    setRefusals(null);
    setError(null);
    try {
      const advisory = await api.requestPublication(report.id, toPublication(v));
      message.success(t('publication.published', { ref: advisory.ref }));
      onPublished(advisory);
    } catch (err) {
      const refused = refusalsOf(err);
      if (refused) setRefusals(refused);
      else {
        setError(err);
        if (err instanceof ApiError) form.setFields(fieldErrors(err.problem, describeField(t)) as never);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('publication.title')}
      forceRender
      data-testid="publication-drawer"
      extra={
        <Button
          type="primary"
          loading={submitting}
          onClick={() => form.submit()}
          data-testid="publication-submit"
        >
          {t('publication.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('publication.intro')}</Typography.Paragraph>
      {refusals ? <RefusalList refusals={refusals} describeTarget={describeTarget} /> : null}
      <ProblemAlert error={error} />
      <Form<PublicationFormValues>
        form={form}
        name="publication"
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="publicTitle"
          label={t('publication.publicTitle')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 4, message: t('validation.minLength', { min: 4 }) },
          ]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="publicDescription"
          label={t('publication.publicDescription')}
          extra={t('publication.publicDescriptionHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 20, message: t('validation.minLength', { min: 20 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="public-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="includesFixOrMitigation"
              valuePropName="checked"
              label={t('publication.includesFix')}
              extra={
                report.fix
                  ? t('publication.fixOnRecord', {
                      kind: t(`fixKinds.${report.fix.kind}`),
                      text: report.fix.description,
                    })
                  : t('publication.noFix')
              }
            >
              <Switch data-testid="includes-fix" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="statedGrade"
              label={t('publication.statedGrade')}
              extra={t('publication.statedGradeHint')}
            >
              <Select
                allowClear
                options={GRADES.map((g) => ({ value: g, label: t(`grades.${gradeCode(g)}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('publication.attachments')}</Divider>
        {report.attachments.length ? (
          <Form.Item name="publicAttachmentIds" extra={t('publication.attachmentsHint')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={report.attachments.map((a) => ({
                value: a.id,
                label: (
                  <span>
                    {a.filename}{' '}
                    {a.exploitTool ? <Tag color="red">{t('attachments.exploitTool')}</Tag> : null}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('publication.noAttachments')}</Typography.Paragraph>
        )}

        <Divider titlePlacement="start">{t('publication.fields')}</Divider>
        <Typography.Paragraph type="secondary">{t('publication.fieldsHint')}</Typography.Paragraph>
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Flex key={row.key} gap={12} align="center" style={{ marginBottom: 8 }} wrap>
                  <Form.Item
                    name={[row.name, 'path']}
                    noStyle
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <AutoComplete
                      style={{ width: 240 }}
                      placeholder={t('publication.fieldPath')}
                      options={FIELD_PATHS.map((p) => ({
                        value: p,
                        label: `${t(`publication.paths.${p}`)} (${p})`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'operatorSystemDetail']} valuePropName="checked" noStyle>
                    <Checkbox>{t('publication.operatorDetail')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[row.name, 'published']} valuePropName="checked" noStyle>
                    <Checkbox>{t('publication.fieldPublished')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(row.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ published: true })}>
                {t('publication.addField')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('publication.recipients')}</Divider>
        <Typography.Paragraph type="secondary">{t('publication.recipientsHint')}</Typography.Paragraph>
        <Form.List name="recipients">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Flex key={row.key} gap={12} align="center" style={{ marginBottom: 8 }} wrap>
                  <Form.Item
                    name={[row.name, 'name']}
                    noStyle
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input style={{ width: 220 }} placeholder={t('publication.recipientName')} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'country']}
                    noStyle
                    rules={[{ required: true, message: t('validation.choose') }]}
                  >
                    <Select
                      style={{ width: 180 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('publication.country')}
                      options={COUNTRIES.map((c) => ({ value: c, label: `${regions.of(c) ?? c} (${c})` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'productProvider']} valuePropName="checked" noStyle>
                    <Checkbox>{t('publication.productProvider')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(row.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ country: 'CN' })}>
                {t('publication.addRecipient')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Alert type="info" showIcon style={{ marginTop: 24 }} title={t('publication.gateNote')} />
    </Drawer>
  );
}
