import { Button, Descriptions, Drawer, Form, Space, Tag } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../contracts/enterprises';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useSubmit } from '../../lib/useSubmit';
import { enterprisesApi } from './api';
import { bodyOf, EnterpriseForm, type EnterpriseValues, valuesOf } from './EnterpriseForm';

/** Registers an enterprise (`enterprise` null) or shows and edits one; read-only for viewers. */
export function EnterpriseDrawer({
  open,
  enterprise,
  provinceCode,
  canEdit,
  onClose,
  onSaved,
}: {
  open: boolean;
  enterprise: Enterprise | null;
  provinceCode: string | null;
  canEdit: boolean;
  onClose: () => void;
  onSaved: (e: Enterprise) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EnterpriseValues>();
  const save = useCallback(
    (v: EnterpriseValues) =>
      enterprise ? enterprisesApi.update(enterprise.id, bodyOf(v)) : enterprisesApi.create(bodyOf(v)),
    [enterprise],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, save, onSaved);
  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(valuesOf(enterprise, provinceCode));
  }, [open, enterprise, provinceCode, form, clearError]);

  return (
    <Drawer
      open={open}
      size={720}
      title={enterprise ? enterprise.name : t('enterprises.create')}
      onClose={onClose}
      forceRender
      data-testid="enterprise-drawer"
      extra={
        canEdit ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={submitting}
              onClick={() => form.submit()}
              data-testid="enterprise-save"
            >
              {enterprise ? t('common.save') : t('common.create')}
            </Button>
          </Space>
        ) : null
      }
    >
      {enterprise ? (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('enterprises.fields.topDecile')}>
            {enterprise.topDecile ? <Tag color="gold">{t('enterprises.topDecileTag')}</Tag> : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.updatedAt')}>
            {formatTime(enterprise.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <ProblemAlert error={error} />
      <EnterpriseForm form={form} onFinish={submit} disabled={!canEdit} />
    </Drawer>
  );
}
