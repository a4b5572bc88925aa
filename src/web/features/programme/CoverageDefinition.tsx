import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageDefinition as Definition } from '../../../contracts/programme';
import { ValueStatusTag } from './ValueStatusTag';

/**
 * What "covered" means, shown wherever the number appears: each required kind of evidence with its window, the
 * clause and how settled the definition is (Bulwark's own, unconfirmed, since 34号 does not define the count).
 */
export function CoverageDefinition({ definition, year }: { definition: Definition; year: number }) {
  const { t } = useTranslation();
  const window = (kind: Definition['allOf'][number]) => {
    if (definition.currentYear.includes(kind)) return t('programme.definition.inYear', { year });
    return t('programme.definition.anyTime');
  };
  return (
    <div data-testid="coverage-definition">
      <Space size={6} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{t('programme.definition.title')}</Typography.Text>
        <ValueStatusTag status={definition.status} clause={definition.clause} />
      </Space>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('programme.definition.lead')}
      </Typography.Paragraph>
      <ul style={{ margin: '0 0 6px', paddingInlineStart: 20 }}>
        {definition.allOf.map((k) => (
          <li key={k}>
            {t(`programme.evidence.${k}`)}
            <Typography.Text type="secondary">
              {' '}
              ({window(k)}
              {definition.withinPeriod.includes(k)
                ? t('programme.definition.inPeriod', { from: definition.periodFrom, to: definition.periodTo })
                : ''}
              )
            </Typography.Text>
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('programme.definition.clause', { clause: definition.clause })}
      </Typography.Text>
    </div>
  );
}
