import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Modal, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ImportResult, ImportRowError } from '../../../contracts/enterprises';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeField } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { enterprisesApi } from './api';

type Result = z.infer<typeof ImportResult>;
type RowError = z.infer<typeof ImportRowError>;

/** The row report the server attaches to a 400 (`rows` extension member), if any. */
const rowsOf = (err: unknown): RowError[] | null =>
  err instanceof ApiError ? ((err.problem as { rows?: RowError[] }).rows ?? null) : null;

/** Per-row problems, by spreadsheet row number and column as written in the file. */
function RowReport({ rows }: { rows: RowError[] }) {
  const { t } = useTranslation();
  return (
    <Table<RowError>
      size="small"
      rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      data-testid="import-errors"
      columns={[
        { key: 'row', title: t('enterprises.import.row'), dataIndex: 'row', width: 80 },
        {
          key: 'column',
          title: t('enterprises.import.column'),
          render: (_v, r) => r.column ?? '—',
          width: 160,
        },
        {
          key: 'message',
          title: t('enterprises.import.problem'),
          render: (_v, r) => describeField(t)({ path: '', message: r.message, code: r.code }),
        },
      ]}
    />
  );
}

/** CSV / XLSX import: choose a file, preview every row's outcome and problems, then apply (all or the valid rows). */
export function ImportModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [applied, setApplied] = useState<Result | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const step = applied ? 2 : preview ? 1 : 0;

  const reset = () => {
    setFile(null);
    setPreview(null);
    setApplied(null);
    setSkipInvalid(false);
    setError(null);
  };
  const run = async (f: File, previewOnly: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await enterprisesApi.import(f, { preview: previewOnly, skipInvalid });
      if (previewOnly) setPreview(r);
      else {
        setApplied(r);
        onDone();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const failedRows = rowsOf(error);
  const invalid = preview?.rows.length ?? 0;

  return (
    <Modal
      open={open}
      width={860}
      title={t('enterprises.import.title')}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('enterprises.import.steps.choose') },
          { title: t('enterprises.import.steps.preview') },
          { title: t('enterprises.import.steps.apply') },
        ]}
      />
      {failedRows ? null : <ProblemAlert error={error} />}
      {failedRows ? (
        <>
          <Alert
            type="error"
            showIcon
            message={t('enterprises.import.rejected')}
            style={{ marginBottom: 12 }}
          />
          <RowReport rows={failedRows} />
        </>
      ) : null}
      {step === 0 ? (
        <>
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".csv,.xlsx"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                run(f, true);
                return false;
              }}
              showUploadList={false}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('enterprises.import.drop')}</p>
              <Typography.Text type="secondary">{t('enterprises.import.hint')}</Typography.Text>
            </Upload.Dragger>
          </div>
          {busy ? (
            <Alert type="info" message={t('enterprises.import.reading')} style={{ marginTop: 12 }} />
          ) : null}
        </>
      ) : null}
      {step === 1 && preview ? (
        <div data-testid="import-preview">
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('enterprises.import.total')}>{preview.total}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.import.created')}>
              {preview.created + preview.linked}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprises.import.updated')}>{preview.updated}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.import.unchanged')}>
              {preview.unchanged}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprises.import.invalid')}>{preview.skipped}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.import.file')}>{file?.name}</Descriptions.Item>
          </Descriptions>
          {invalid ? (
            <>
              <Alert
                type="warning"
                showIcon
                message={t('enterprises.import.hasErrors', { count: preview.skipped })}
              />
              <RowReport rows={preview.rows} />
              <Checkbox
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.target.checked)}
                data-testid="import-skip"
              >
                {t('enterprises.import.skipInvalid')}
              </Checkbox>
            </>
          ) : (
            <Alert type="success" showIcon message={t('enterprises.import.allValid')} />
          )}
          <Space style={{ marginTop: 16 }}>
            <Button onClick={reset}>{t('enterprises.import.another')}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!file || (invalid > 0 && !skipInvalid) || preview.total === preview.skipped}
              onClick={() => file && run(file, false)}
              data-testid="import-apply"
            >
              {t('enterprises.import.apply')}
            </Button>
          </Space>
        </div>
      ) : null}
      {step === 2 && applied ? (
        <div data-testid="import-done">
          <Alert
            type="success"
            showIcon
            message={t('enterprises.import.done', {
              created: applied.created + applied.linked,
              updated: applied.updated,
              skipped: applied.skipped,
            })}
          />
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              onClick={() => {
                reset();
                onClose();
              }}
            >
              {t('common.done')}
            </Button>
          </Space>
        </div>
      ) : null}
    </Modal>
  );
}
