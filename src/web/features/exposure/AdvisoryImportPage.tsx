import { AimOutlined, FileZipOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Progress, Row, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { ADVISORY_FILE_ACCEPT, advisoryMediaType } from '../../lib/exposure';
import { fileSize } from '../../lib/format';
import type { AdvisoryImportResult } from '../../lib/types';
import { AdvisoryImportResultCard } from './AdvisoryImportResultCard';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; file: File }
  | { kind: 'done'; file: File; result: AdvisoryImportResult }
  | { kind: 'failed'; file: File; error: unknown };

const FORMATS = ['osv', 'jsonl', 'zip', 'csaf'] as const;

/** The ministry loads advisory sets (OSV, JSON Lines, osv.dev zips, CSAF 2.0) into the exposure matcher. */
export default function AdvisoryImportPage() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const upload = async (file: File) => {
    setPhase({ kind: 'uploading', file });
    try {
      const result = await api.importAdvisories(file, advisoryMediaType(file.name));
      setPhase({ kind: 'done', file, result });
    } catch (error) {
      setPhase({ kind: 'failed', file, error });
    }
  };

  return (
    <div data-testid="advisory-import-page">
      <PageHeader
        title={t('advisoryImport.title')}
        subtitle={t('advisoryImport.subtitle')}
        extra={
          <Link to="/match-advisories/affected">
            <Button icon={<AimOutlined />}>{t('advisoryImport.toAffected')}</Button>
          </Link>
        }
      />
      <Row gutter={[20, 20]} style={{ marginBottom: 20 }}>
        <Col xs={24} lg={15}>
          <Card title={t('advisoryImport.uploadTitle')} style={{ height: '100%' }}>
            <div data-testid="advisory-upload">
              <Upload.Dragger
                accept={ADVISORY_FILE_ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={phase.kind === 'uploading'}
                beforeUpload={(file) => {
                  void upload(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('advisoryImport.drop')}</p>
                <p className="ant-upload-hint">{t('advisoryImport.dropHint')}</p>
              </Upload.Dragger>
            </div>
            {phase.kind === 'uploading' ? (
              <div style={{ marginTop: 16 }} data-testid="import-progress">
                <Flex gap={8} align="center">
                  <FileZipOutlined />
                  <Typography.Text>
                    {t('advisoryImport.uploading', {
                      name: phase.file.name,
                      size: fileSize(phase.file.size),
                    })}
                  </Typography.Text>
                </Flex>
                <Progress percent={100} status="active" showInfo={false} />
              </div>
            ) : null}
            {phase.kind === 'failed' ? (
              <div style={{ marginTop: 16 }}>
                <ProblemAlert error={phase.error} />
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('advisoryImport.formatsTitle')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={FORMATS.map((f) => ({
                key: f,
                label: t(`advisoryImport.formats.${f}.label`),
                children: t(`advisoryImport.formats.${f}.text`),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {phase.kind === 'done' ? (
        <AdvisoryImportResultCard result={phase.result} fileName={phase.file.name} />
      ) : null}
    </div>
  );
}
