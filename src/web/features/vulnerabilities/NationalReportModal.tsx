import { Alert, Flex, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/Countdown';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { NATIONAL_REPORT_FIELDS } from '../../lib/reports';
import type { NationalReport, NationalReportInput, ReportDetail } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { draftFromFiled, nationalReportDraft } from './nationalReportForm';

const LONG = new Set(['technicalCharacteristics', 'harm', 'scope']);

/**
 * RMSV art. 7(2) report to MIIT's vulnerability-sharing platform: the six mandatory fields, pre-filled; missing
 * ones come back as field errors. Also re-files after the ministry asked for more.
 */
export function NationalReportModal({
  open,
  report,
  fetchedAt,
  filed,
  onClose,
  onDone,
}: {
  open: boolean;
  report: ReportDetail;
  fetchedAt: number;
  /** The report filed before, when re-filing. */
  filed: NationalReport | null;
  onClose: () => void;
  onDone: (n: NationalReport) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NationalReportInput>();
  const file = useCallback((v: NationalReportInput) => api.fileNationalReport(report.id, v), [report.id]);
  const { submit, submitting, error, clearError } = useSubmit(form, file, onDone);

  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(filed ? draftFromFiled(filed.fields) : nationalReportDraft(report));
  }, [open, filed, report, form, clearError]);

  return (
    <Modal
      open={open}
      title={filed ? t('national.refileTitle') : t('national.formTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('national.submit')}
      okButtonProps={{ loading: submitting, 'data-testid': 'national-submit' }}
      cancelText={t('common.cancel')}
      width={760}
      forceRender
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('national.recipient')}</Typography.Text>
        <Countdown clock={report.clocks.nationalReport} fetchedAt={fetchedAt} />
      </Flex>
      {filed?.ministryNote ? (
        <Alert
          type="warning"
          showIcon
          title={t('national.ministryAsks')}
          description={filed.ministryNote}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ProblemAlert error={error} />
      <Form
        form={form}
        name="national"
        layout="vertical"
        onFinish={submit}
        data-testid="national-form"
        requiredMark
      >
        {NATIONAL_REPORT_FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`national.fields.${f}`)}
            rules={[{ required: true, whitespace: true, message: t('national.fieldRequired') }]}
          >
            {LONG.has(f) ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} /> : <Input />}
          </Form.Item>
        ))}
        <Form.Item name="additional" label={t('national.fields.additional')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
