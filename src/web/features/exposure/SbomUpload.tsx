import { CloudUploadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { sbomErrorPointer, sbomMediaType } from '../../lib/exposure';
import { fileSize } from '../../lib/format';
import { ApiError, type FieldProblem } from '../../lib/problem';
import type { SbomUploadResult } from '../../lib/types';
import { SbomResult } from './SbomResult';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; file: File }
  | { kind: 'done'; file: File; result: SbomUploadResult }
  | { kind: 'failed'; file: File; error: unknown };

// The format marker sits at the top of both formats; 4 KiB covers pretty-printed headers.
const HEAD_BYTES = 4096;

/** Per-path schema errors of a rejected SBOM (the server stored nothing). */
function InvalidSbom({ fileName, errors }: { fileName: string; errors: FieldProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sbom-invalid"
      title={t('sbom.invalid', { name: fileName })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('sbom.invalidHint')}</Typography.Paragraph>
          <Table<FieldProblem & { key: number }>
            size="small"
            pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={errors.map((e, key) => ({ ...e, key }))}
            columns={[
              {
                key: 'path',
                title: t('sbom.errorPath'),
                width: 220,
                render: (_v, e) => (
                  <Typography.Text code data-testid="sbom-error-path">
                    {sbomErrorPointer(e.path)}
                  </Typography.Text>
                ),
              },
              { key: 'message', title: t('sbom.errorMessage'), dataIndex: 'message' },
            ]}
          />
        </>
      }
    />
  );
}

/**
 * Drag-and-drop SBOM upload: the file goes as the raw body (the server streams it), then the counts of what was
 * parsed and matched, or the schema errors by path when the document is malformed.
 */
export function SbomUpload({
  assetId,
  disabled,
  onUploaded,
}: {
  assetId: string;
  disabled?: boolean;
  onUploaded: (r: SbomUploadResult) => void;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading';

  const upload = async (file: File) => {
    setPhase({ kind: 'uploading', file });
    try {
      const type = sbomMediaType(file.name, await file.slice(0, HEAD_BYTES).text());
      const result = await api.uploadSbom(assetId, file, type);
      setPhase({ kind: 'done', file, result });
      onUploaded(result);
    } catch (error) {
      setPhase({ kind: 'failed', file, error });
    }
  };

  const invalid =
    phase.kind === 'failed' && phase.error instanceof ApiError && phase.error.code === 'sbom.invalid'
      ? (phase.error.problem.errors ?? [])
      : null;

  return (
    <Flex vertical gap={16}>
      <div data-testid="sbom-upload">
        <Upload.Dragger
          accept=".json,application/json"
          multiple={false}
          showUploadList={false}
          disabled={disabled || busy}
          beforeUpload={(file) => {
            void upload(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <CloudUploadOutlined />
          </p>
          <p className="ant-upload-text">{t('sbom.drop')}</p>
          <p className="ant-upload-hint">{t('sbom.dropHint')}</p>
        </Upload.Dragger>
      </div>
      {phase.kind === 'uploading' ? (
        <div data-testid="sbom-progress">
          <Flex gap={8} align="center">
            <FileSearchOutlined />
            <Typography.Text>
              {t('sbom.uploading', { name: phase.file.name, size: fileSize(phase.file.size) })}
            </Typography.Text>
          </Flex>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      ) : null}
      {phase.kind === 'done' ? <SbomResult result={phase.result} fileName={phase.file.name} /> : null}
      {invalid ? (
        <InvalidSbom fileName={phase.kind === 'failed' ? phase.file.name : ''} errors={invalid} />
      ) : null}
      {phase.kind === 'failed' && !invalid ? <ProblemAlert error={phase.error} /> : null}
    </Flex>
  );
}
