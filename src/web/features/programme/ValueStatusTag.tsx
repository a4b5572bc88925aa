import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** How settled a regulatory value is (final, draft, unconfirmed), with the clause it rests on on hover. */
export function ValueStatusTag({
  status,
  clause,
}: {
  status: 'final' | 'draft' | 'unconfirmed';
  clause?: string;
}) {
  const { t } = useTranslation();
  const color = status === 'final' ? 'green' : status === 'draft' ? 'gold' : 'orange';
  return (
    <Tooltip title={clause}>
      <Tag color={color} data-testid="value-status" data-status={status} style={{ marginInlineEnd: 0 }}>
        {t(`programme.valueStatus.${status}`)}
      </Tag>
    </Tooltip>
  );
}
