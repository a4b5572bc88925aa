import { Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CreateEnterpriseBody, Enterprise } from '../../../contracts/enterprises';
import { usccCheckCharacter } from '../../../lib/china/uscc';
import { useMe } from '../../app/session';
import { placesFor } from './places';

/** The registry form's values (officer fields all or none). */
export interface EnterpriseValues {
  uscc: string;
  name: string;
  provinceCode: string;
  cityCode: string;
  industryDivision: string;
  sector: 'industry' | 'telecom' | 'radio';
  aboveSize: boolean;
  annualRevenueYuan?: number | null;
  revenueYear?: number | null;
  officer?: { name?: string; title?: string; phone?: string; email?: string };
}

const ALPHABET = /^[0-9A-HJ-NPQRTUWXY]$/;

/** GB 32100-2015 check on the client, worded for the user: length, a character outside the alphabet, the check character. */
export function usccMessage(t: TFunction, raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return t('enterprises.uscc.length', { n: code.length });
  const bad = [...code.slice(0, 17)].findIndex((c) => !ALPHABET.test(c));
  if (bad >= 0) return t('enterprises.uscc.char', { pos: bad + 1, char: code[bad] });
  const expected = usccCheckCharacter(code.slice(0, 17));
  return code[17] === expected ? null : t('enterprises.uscc.check', { expected });
}

/** Form values for a profile (or blank for a new one in the actor's province). */
export const valuesOf = (e: Enterprise | null, provinceCode: string | null): Partial<EnterpriseValues> =>
  e
    ? {
        ...e,
        officer: e.officer ?? undefined,
      }
    : { provinceCode: provinceCode ?? undefined, sector: 'industry', aboveSize: true };

/** The request body from the form's values; an officer with no field filled is sent as null. */
export function bodyOf(v: EnterpriseValues): z.input<typeof CreateEnterpriseBody> {
  const o = v.officer;
  const officer =
    o && (o.name || o.title || o.phone || o.email)
      ? { name: o.name ?? '', title: o.title ?? '', phone: o.phone ?? '', email: o.email ?? '' }
      : null;
  return {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name,
    provinceCode: v.provinceCode,
    cityCode: v.cityCode,
    industryDivision: v.industryDivision,
    sector: v.sector,
    aboveSize: v.aboveSize,
    annualRevenueYuan: v.annualRevenueYuan ?? null,
    revenueYear: v.revenueYear ?? null,
    officer,
  };
}

/** Registry profile fields: GB/T 2260 city by province, GB/T 4754 division grouped by section, USCC checked here too. */
export function EnterpriseForm({
  form,
  onFinish,
  disabled,
}: {
  form: FormInstance<EnterpriseValues>;
  onFinish: (v: EnterpriseValues) => void;
  disabled?: boolean;
}) {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const places = placesFor(i18n.language === 'en');
  const province = Form.useWatch('provinceCode', form);
  const provincial = me.org.kind === 'provincial-regulator';
  return (
    <Form<EnterpriseValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={disabled}
      data-testid="enterprise-form"
      onValuesChange={(changed) => {
        if ('provinceCode' in changed) form.setFieldValue('cityCode', undefined);
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="uscc"
            label={t('enterprises.fields.uscc')}
            normalize={(v: string) => v?.toUpperCase()}
            rules={[
              { required: true },
              {
                validator: async (_r, v: string | undefined) => {
                  const m = v ? usccMessage(t, v) : null;
                  if (m) throw new Error(m);
                },
              },
            ]}
          >
            <Input maxLength={18} data-testid="enterprise-uscc" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('enterprises.fields.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} data-testid="enterprise-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="provinceCode"
            label={t('enterprises.fields.province')}
            rules={[{ required: true }]}
          >
            <Select
              options={places.provinces}
              showSearch
              optionFilterProp="label"
              disabled={provincial || disabled}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="cityCode" label={t('enterprises.fields.city')} rules={[{ required: true }]}>
            <Select
              options={places.cities(province)}
              showSearch
              optionFilterProp="label"
              data-testid="enterprise-city"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="industryDivision"
            label={t('enterprises.fields.industry')}
            rules={[{ required: true }]}
          >
            <Select
              options={places.divisions}
              showSearch
              optionFilterProp="label"
              data-testid="enterprise-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="sector" label={t('enterprises.fields.sector')} rules={[{ required: true }]}>
            <Select
              options={(['industry', 'telecom', 'radio'] as const).map((s) => ({
                value: s,
                label: t(`enterprises.sectors.${s}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="aboveSize" label={t('enterprises.fields.aboveSize')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="annualRevenueYuan" label={t('enterprises.fields.revenue')}>
            <InputNumber<number> min={0} style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="revenueYear" label={t('enterprises.fields.revenueYear')}>
            <InputNumber<number> min={1990} max={2100} style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
        {(['name', 'title', 'phone', 'email'] as const).map((k) => (
          <Col xs={24} md={12} key={k}>
            <Form.Item name={['officer', k]} label={t(`enterprises.officer.${k}`)}>
              <Input maxLength={k === 'email' ? 254 : 100} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}
