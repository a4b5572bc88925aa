import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Client-side mirrors of CreateOrgBody/UpdateOrgBody limits, worded in the UI language. */
export const orgContactRules = (
  t: TFunction,
): Record<'name' | 'contactEmail' | 'contactPhone' | 'address', FormRule[]> => ({
  name: [
    { required: true, whitespace: true, message: t('validation.orgNameRequired') },
    { max: 200, message: t('validation.maxLength', { max: 200 }) },
  ],
  contactEmail: [
    { type: 'email', message: t('validation.emailInvalid') },
    { max: 254, message: t('validation.maxLength', { max: 254 }) },
  ],
  contactPhone: [{ max: 40, message: t('validation.maxLength', { max: 40 }) }],
  address: [{ max: 500, message: t('validation.maxLength', { max: 500 }) }],
});
