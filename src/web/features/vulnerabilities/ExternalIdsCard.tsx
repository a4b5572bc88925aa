import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canRecordIds } from '../../app/access';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { ExternalIdsInput, Report } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

const REGISTRIES = [
  { key: 'cve', placeholder: 'CVE-2026-12345' },
  { key: 'cnvd', placeholder: 'CNVD-2026-12345' },
  { key: 'cnnvd', placeholder: 'CNNVD-202611-1234' },
  { key: 'nvdb', placeholder: 'NVDB-2026-12345' },
] as const;

type Values = Record<(typeof REGISTRIES)[number]['key'], string | undefined>;

/** CVE / CNVD / CNNVD / NVDB identifiers; the vendor's and the ministry's staff record them (format-checked). */
export function ExternalIdsCard({ report, onSaved }: { report: Report; onSaved: (r: Report) => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const save = useCallback(
    (v: Values) => {
      // Blank clears an id (null); untouched registries are sent as they are.
      const body: ExternalIdsInput = Object.fromEntries(
        REGISTRIES.map(({ key }) => [key, v[key]?.trim() ? v[key]!.trim() : null]),
      );
      return api.setExternalIds(report.id, body);
    },
    [report.id],
  );
  const done = useCallback(
    (r: Report) => {
      setOpen(false);
      onSaved(r);
    },
    [onSaved],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, save, done);
  const editable = canRecordIds(me, report);

  return (
    <Card
      size="small"
      title={t('externalIds.title')}
      extra={
        editable ? (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              clearError();
              form.setFieldsValue(report.externalIds as Values);
              setOpen(true);
            }}
            data-testid="external-ids-edit"
          >
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={REGISTRIES.map(({ key }) => ({
          key,
          label: t(`externalIds.${key}`),
          children: report.externalIds[key] ? (
            <Typography.Text copyable data-testid={`external-id-${key}`}>
              {report.externalIds[key]}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
        }))}
      />
      <Modal
        open={open}
        title={t('externalIds.edit')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: submitting, 'data-testid': 'external-ids-save' }}
        forceRender
      >
        <ProblemAlert error={error} />
        <Form form={form} name="externalIds" layout="vertical" onFinish={submit}>
          {REGISTRIES.map(({ key, placeholder }) => (
            <Form.Item key={key} name={key} label={t(`externalIds.${key}`)}>
              <Input placeholder={placeholder} allowClear />
            </Form.Item>
          ))}
          <Typography.Text type="secondary">{t('externalIds.hint')}</Typography.Text>
        </Form>
      </Modal>
    </Card>
  );
}
