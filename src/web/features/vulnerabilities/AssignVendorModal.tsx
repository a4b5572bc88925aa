import { Form, Modal, Select, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { Org, Report } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

/** The ministry routes a report on an uncatalogued product to a vendor; that starts the vendor's clocks. */
export function AssignVendorModal({
  report,
  onClose,
  onDone,
}: {
  report: Pick<Report, 'id' | 'ref' | 'productName' | 'vendorName'> | null;
  onClose: () => void;
  onDone: (r: Report) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ vendorOrgId: string }>();
  const [q, setQ] = useState(report?.vendorName ?? '');
  const [vendors, setVendors] = useState<Org[]>([]);
  const assign = useCallback(
    (v: { vendorOrgId: string }) => api.assignVendor(report!.id, v.vendorOrgId),
    [report],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, assign, onDone);

  useEffect(() => {
    if (!report) return;
    clearError();
    form.resetFields();
    setQ('');
  }, [report, form, clearError]);

  useEffect(() => {
    if (!report) return;
    const timer = setTimeout(() => {
      api.orgs({ kind: 'vendor', q: q.trim() || undefined, limit: 50 }).then(
        (p) => setVendors(p.items),
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, report]);

  return (
    <Modal
      open={report !== null}
      title={t('assign.title', { ref: report?.ref ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('assign.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submitting, 'data-testid': 'assign-submit' }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Typography.Paragraph type="secondary">
        {t('assign.hint', { product: report?.productName ?? '', vendor: report?.vendorName ?? '—' })}
      </Typography.Paragraph>
      <Form form={form} name="assign" layout="vertical" onFinish={submit}>
        <Form.Item
          name="vendorOrgId"
          label={t('assign.vendor')}
          rules={[{ required: true, message: t('validation.choose') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={vendors.map((o) => ({ value: o.id, label: o.name }))}
            data-testid="assign-vendor"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
