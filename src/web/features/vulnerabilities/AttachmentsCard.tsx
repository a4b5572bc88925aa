import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canUploadAttachment } from '../../app/access';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api, attachmentUrl } from '../../lib/api';
import { fileSize, formatTime } from '../../lib/format';
import type { Attachment, ReportDetail } from '../../lib/types';
import { fileToBase64 } from './intakeForm';
import { type PocFile, PocFiles } from './PocFiles';

/** Sealed evidence files: download for the report's parties, upload for its reporter and vendor. */
export function AttachmentsCard({ report, onAdded }: { report: ReportDetail; onAdded: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<PocFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const f of files) {
        await api.uploadAttachment(report.id, {
          filename: f.file.name,
          contentType: f.file.type || 'application/octet-stream',
          contentBase64: await fileToBase64(f.file),
          exploitTool: f.exploitTool,
        });
      }
      message.success(t('attachments.uploaded', { count: files.length }));
      setFiles([]);
      setOpen(false);
      onAdded();
    } catch (err) {
      setError(err);
      onAdded();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('attachments.title')}
      extra={
        canUploadAttachment(me, report) ? (
          <Button type="link" size="small" icon={<UploadOutlined />} onClick={() => setOpen(true)}>
            {t('attachments.add')}
          </Button>
        ) : null
      }
      data-testid="attachments-card"
    >
      {report.attachments.length ? (
        <List<Attachment>
          size="small"
          dataSource={report.attachments}
          renderItem={(a) => (
            <List.Item
              style={{ paddingInline: 0 }}
              actions={[
                <a
                  key="dl"
                  href={attachmentUrl(report.id, a.id)}
                  download={a.filename}
                  aria-label={t('attachments.download')}
                >
                  <DownloadOutlined />
                </a>,
              ]}
            >
              <div style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <PaperClipOutlined />
                  <Typography.Text ellipsis style={{ maxWidth: 200 }}>
                    {a.filename}
                  </Typography.Text>
                  {a.exploitTool ? <Tag color="red">{t('attachments.exploitTool')}</Tag> : null}
                  {a.public ? <Tag color="green">{t('attachments.public')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fileSize(a.size)} · {formatTime(a.createdAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      )}
      <Modal
        open={open}
        title={t('attachments.add')}
        onCancel={() => setOpen(false)}
        onOk={() => void upload()}
        okText={t('attachments.upload')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, disabled: files.length === 0 }}
      >
        <ProblemAlert error={error} />
        <PocFiles value={files} onChange={setFiles} />
      </Modal>
    </Card>
  );
}
