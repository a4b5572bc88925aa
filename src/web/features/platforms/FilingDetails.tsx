import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filing, FilingStatus } from '../../lib/types';

const STATUS_COLORS: Record<FilingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  revoked: 'warning',
};

/** A filing's status: drafted, submitted to MIIT, approved (filed), rejected or revoked. */
export function FilingStatusTag({ status }: { status: FilingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="filing-status" data-status={status}>
      {t(`filings.status.${status}`)}
    </Tag>
  );
}

/** The filing's contents (146号 comment-draft list) as label/value rows. */
export function FilingDetails({ f }: { f: Filing }) {
  const { t } = useTranslation();
  const person = (p: Filing['responsiblePerson']) => `${p.name} · ${p.phone} · ${p.email}`;
  const text = (key: keyof Filing, value: string) => ({
    key,
    label: t(`filings.fields.${key}`),
    children: <span style={{ whiteSpace: 'pre-wrap' }}>{value || '—'}</span>,
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 200 } }}
      items={[
        text('platformName', f.platformName),
        {
          key: 'url',
          label: t('filings.fields.url'),
          children: (
            <a href={f.url} target="_blank" rel="noreferrer noopener">
              {f.url}
            </a>
          ),
        },
        text('icpNumber', f.icpNumber),
        text('publicationChannels', f.publicationChannels.join(t('common.listSeparator'))),
        text('hostName', f.hostName),
        text('hostUscc', f.hostUscc),
        text('responsiblePerson', person(f.responsiblePerson)),
        text('contacts', f.contacts.map(person).join('\n')),
        text('registeredCapital', f.registeredCapital),
        text('shareholding', f.shareholding),
        text('collectionScope', f.collectionScope),
        text('collectionMethods', f.collectionMethods),
        text('verificationRules', f.verificationRules),
        text('notificationRules', f.notificationRules),
        text('publicationRules', f.publicationRules),
        text('userIdentityRules', f.userIdentityRules),
        text('mlpsLevel3FilingNumber', f.mlpsLevel3FilingNumber),
        {
          key: 'commitmentLetterSigned',
          label: t('filings.fields.commitmentLetterSigned'),
          children: f.commitmentLetterSigned ? (
            <Tag color="green">{t('common.yes')}</Tag>
          ) : (
            <Tag color="red">{t('common.no')}</Tag>
          ),
        },
      ]}
    />
  );
}
