import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Bounds the server enforces on a new password (it also refuses common passwords, with a field error). */
export const PASSWORD_MIN = 12;
/** Longest accepted password. */
export const PASSWORD_MAX = 256;

/** Words of an email's local part that a password must not contain (four letters or more, as the server checks). */
export const emailWords = (email: string): string[] => {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return [local, ...local.split(/[._+-]/)].filter((w) => w.length >= 4);
};

/** Form rules for a new password: required, 12–256 characters, not containing the email's name. */
export const passwordRules = (t: TFunction, email?: string): FormRule[] => [
  { required: true, message: t('validation.passwordRequired') },
  { min: PASSWORD_MIN, message: t('validation.passwordMin', { min: PASSWORD_MIN }) },
  { max: PASSWORD_MAX, message: t('validation.maxLength', { max: PASSWORD_MAX }) },
  {
    validator: (_, value?: string) =>
      email && value && emailWords(email).some((w) => value.toLowerCase().includes(w))
        ? Promise.reject(new Error(t('account.passwordContainsEmail')))
        : Promise.resolve(),
  },
];
