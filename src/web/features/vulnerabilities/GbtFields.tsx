import { Col, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GBT_INDICATORS } from './gbt';

/** GB/T 30279-2020 indicator selects; exploitability and impact are needed, the environment is optional. */
export function GbtFields() {
  const { t } = useTranslation();
  return (
    <>
      {Object.keys(GBT_INDICATORS).map((group) => (
        <div key={group}>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px' }}>
            {t(`gbt.groups.${group}`)}
          </Typography.Text>
          <Row gutter={12}>
            {Object.entries(GBT_INDICATORS[group] ?? {}).map(([name, values]) => (
              <Col key={name} xs={24} sm={12} md={6}>
                <Form.Item
                  name={['gbt', group, name]}
                  label={t(`gbt.indicators.${name}`)}
                  rules={group === 'environment' ? [] : [{ required: true, message: t('validation.choose') }]}
                >
                  <Select
                    allowClear
                    options={values.map((v) => ({ value: v, label: t(`gbt.values.${name}.${v}`) }))}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </>
  );
}
