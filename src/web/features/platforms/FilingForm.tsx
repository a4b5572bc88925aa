import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, type FormInstance, Input, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usccProblem } from '../../../lib/china/uscc';
import type { FilingFieldsInput } from '../../lib/types';

/** The filing form's values: the 146号 contents as PUT /api/platform-filings/mine takes them. */
export type FilingValues = FilingFieldsInput;

const RULE_FIELDS = [
  'collectionScope',
  'collectionMethods',
  'verificationRules',
  'notificationRules',
  'publicationRules',
  'userIdentityRules',
] as const;

const required = (t: TFunction, max: number): Rule[] => [
  { required: true, whitespace: true, message: t('validation.required') },
  { max, message: t('validation.maxLength', { max }) },
];

/** Name, phone and email of one person, as the contract's Contact requires them. */
function PersonFields({ t, prefix }: { t: TFunction; prefix: (string | number)[] }) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={6}>
        <Form.Item name={[...prefix, 'name']} label={t('filingForm.person.name')} rules={required(t, 100)}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={[...prefix, 'phone']}
          label={t('filingForm.person.phone')}
          rules={[...required(t, 40), { min: 5, message: t('validation.minLength', { min: 5 }) }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item
          name={[...prefix, 'email']}
          label={t('filingForm.person.email')}
          rules={[...required(t, 254), { type: 'email', message: t('validation.emailInvalid') }]}
        >
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * The collection-platform filing form (《网络产品安全漏洞收集平台备案管理办法》 comment draft, 146号), in the
 * sections a filing officer reads: platform, host organisation, people, handling rules, safeguards.
 */
export function FilingForm({
  form,
  disabled,
  onFinish,
}: {
  form: FormInstance<FilingValues>;
  disabled: boolean;
  onFinish: (v: FilingValues) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form<FilingValues>
      form={form}
      layout="vertical"
      disabled={disabled}
      onFinish={onFinish}
      initialValues={{ publicationChannels: [], contacts: [], commitmentLetterSigned: false }}
      data-testid="filing-form"
    >
      <Flex vertical gap={16}>
        <Card size="small" title={t('filingForm.sections.platform')}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item
                name="platformName"
                label={t('filings.fields.platformName')}
                rules={required(t, 200)}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="url"
                label={t('filings.fields.url')}
                rules={[...required(t, 500), { type: 'url', message: t('validation.url') }]}
              >
                <Input placeholder="https://" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="icpNumber"
                label={t('filings.fields.icpNumber')}
                rules={[...required(t, 100), { min: 4, message: t('validation.minLength', { min: 4 }) }]}
              >
                <Input placeholder={t('filingForm.icpPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="publicationChannels"
                label={t('filings.fields.publicationChannels')}
                extra={t('filingForm.channelsHint')}
              >
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('filingForm.sections.host')}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="hostName" label={t('filings.fields.hostName')} rules={required(t, 200)}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="hostUscc"
                label={t('filings.fields.hostUscc')}
                extra={t('filingForm.usccHint')}
                normalize={(v: string | undefined) => (v ?? '').toUpperCase().trim()}
                rules={[
                  { required: true, message: t('validation.required') },
                  {
                    // GB 32100-2015 §5: the 18th character is a check character over the first 17.
                    validator: (_r, v: string | undefined) =>
                      !v || !usccProblem(v)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('filingForm.usccInvalid'))),
                  },
                ]}
              >
                <Input
                  maxLength={18}
                  style={{ fontFamily: 'monospace', letterSpacing: 1 }}
                  data-testid="filing-uscc"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="registeredCapital"
                label={t('filings.fields.registeredCapital')}
                rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="shareholding"
                label={t('filings.fields.shareholding')}
                rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('filingForm.sections.people')}>
          <Form.Item label={t('filings.fields.responsiblePerson')} required style={{ marginBottom: 0 }}>
            <PersonFields t={t} prefix={['responsiblePerson']} />
          </Form.Item>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="flex-start">
                    <div style={{ flex: 1 }}>
                      <Form.Item label={t('filingForm.contactN', { n: i + 1 })} style={{ marginBottom: 0 }}>
                        <PersonFields t={t} prefix={[f.name]} />
                      </Form.Item>
                    </div>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 58 }}
                    />
                  </Flex>
                ))}
                {fields.length < 10 ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('filingForm.addContact')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('filingForm.sections.rules')}>
          <Row gutter={12}>
            {RULE_FIELDS.map((key) => (
              <Col xs={24} md={12} key={key}>
                <Form.Item name={key} label={t(`filings.fields.${key}`)} rules={required(t, 4000)}>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    placeholder={t(`filingForm.placeholders.${key}`)}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <Card size="small" title={t('filingForm.sections.safeguards')}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item
                name="mlpsLevel3FilingNumber"
                label={t('filings.fields.mlpsLevel3FilingNumber')}
                extra={t('filingForm.mlpsHint')}
                rules={required(t, 100)}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="commitmentLetterSigned"
                label={t('filings.fields.commitmentLetterSigned')}
                valuePropName="checked"
                extra={t('filingForm.commitmentHint')}
              >
                <Checkbox data-testid="filing-commitment">{t('filingForm.commitment')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Flex>
    </Form>
  );
}
