import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/** Largest attachment the server accepts (10 MiB before sealing). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A chosen proof-of-concept file and whether it is a tool made to exploit the flaw (RMSV art. 9(4)). */
export interface PocFile {
  uid: string;
  file: File;
  exploitTool: boolean;
}

/** Picks proof-of-concept files, each marked as exploit tool or not; nothing uploads until the report exists. */
export function PocFiles({ value, onChange }: { value: PocFile[]; onChange: (files: PocFile[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <>
      <Upload.Dragger
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > MAX_ATTACHMENT_BYTES) message.error(t('attachments.tooLarge', { name: file.name }));
          else onChange([...value, { uid: file.uid, file, exploitTool: false }]);
          return Upload.LIST_IGNORE;
        }}
        data-testid="poc-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('attachments.drop')}</p>
        <p className="ant-upload-hint">{t('attachments.hint')}</p>
      </Upload.Dragger>
      {value.length ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={value}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => onChange(value.filter((x) => x.uid !== f.uid))}
                />,
              ]}
            >
              <Flex gap={12} align="center" wrap style={{ width: '100%' }}>
                <PaperClipOutlined />
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {f.file.name}
                </Typography.Text>
                <Checkbox
                  checked={f.exploitTool}
                  onChange={(e) =>
                    onChange(
                      value.map((x) => (x.uid === f.uid ? { ...x, exploitTool: e.target.checked } : x)),
                    )
                  }
                  data-testid="poc-exploit-tool"
                >
                  {t('attachments.exploitTool')}
                </Checkbox>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </>
  );
}
