import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '../../../contracts/assessments';
import { describeError } from '../../lib/errors';
import { fileSize } from '../../lib/format';
import { evidenceUrl, MAX_EVIDENCE_BYTES } from './api';

/** Evidence files with download links and, when allowed, an upload button that seals a new one on the server. */
export function EvidenceList({
  files,
  upload,
  testId,
}: {
  files: EvidenceFile[];
  /** Uploads one file; omitted when the actor may not add evidence. */
  upload?: (file: File) => Promise<unknown>;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {files.map((f) => (
        <Space key={f.id} size={6} data-testid={`${testId}-file`}>
          <PaperClipOutlined />
          <Typography.Link href={evidenceUrl(f.id)} download={f.filename}>
            {f.filename}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fileSize(f.size)}
          </Typography.Text>
        </Space>
      ))}
      {upload ? (
        <span data-testid={testId}>
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_EVIDENCE_BYTES) {
                message.error(t('assessments.evidence.tooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              upload(file as File).then(
                (r) => {
                  message.success(t('assessments.evidence.uploaded', { name: (file as File).name }));
                  onSuccess?.(r);
                },
                (err: unknown) => {
                  message.error(describeError(t, err));
                  onError?.(err as Error);
                },
              );
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('assessments.evidence.upload')}
            </Button>
          </Upload>
        </span>
      ) : null}
    </Space>
  );
}
