import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HARMS, INCIDENT_TYPES, LEVELS, PRODUCTION_IMPACTS, SECTORS } from './incidents';

const count = { min: 0, precision: 0, style: { width: '100%' } } as const;

/** The facts an incident is tiered on (214号 事件分级), shared by the report wizard and the update form. */
export function FactsFields() {
  const { t } = useTranslation();
  const options = (keys: readonly string[], prefix: string) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('incidents.fields.type')} rules={[{ required: true }]}>
            <Select options={options(INCIDENT_TYPES, 'incidents.types')} data-testid="incident-type" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sector" label={t('incidents.fields.sector')} rules={[{ required: true }]}>
            <Select options={options(SECTORS, 'incidents.sectors')} data-testid="incident-sector" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="dataLevels"
            label={t('incidents.fields.dataLevels')}
            extra={t('incidents.hints.dataLevels')}
          >
            <Select
              mode="multiple"
              options={options(LEVELS, 'incidents.levels')}
              data-testid="incident-levels"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="harm" label={t('incidents.fields.harm')} extra={t('incidents.hints.harm')}>
            <Select allowClear options={options(HARMS, 'incidents.harms')} data-testid="incident-harm" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="piRecords" label={t('incidents.fields.piRecords')}>
            <InputNumber {...count} data-testid="incident-pi" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="sensitivePiRecords" label={t('incidents.fields.sensitivePiRecords')}>
            <InputNumber {...count} data-testid="incident-spi" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="directLossYuan" label={t('incidents.fields.directLossYuan')}>
            <InputNumber {...count} data-testid="incident-loss" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="outageHours"
            label={t('incidents.fields.outageHours')}
            extra={t('incidents.hints.outage')}
          >
            <InputNumber {...count} max={100_000} data-testid="incident-outage" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="productionImpact" label={t('incidents.fields.productionImpact')}>
            <Select allowClear options={options(PRODUCTION_IMPACTS, 'incidents.impacts')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Drops empty optional numbers and selects so the server reads them as "not known". */
export function cleanFacts<T extends Record<string, unknown>>(v: T): T {
  return Object.fromEntries(
    Object.entries(v).filter(([, x]) => x !== null && x !== undefined && x !== ''),
  ) as T;
}
