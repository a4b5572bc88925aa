import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { exposureStateColor } from '../lib/exposure';
import { severityColor } from '../lib/reports';
import type { AssetKind, ExposureState } from '../lib/types';

const kindColors: Record<AssetKind, string> = {
  system: 'geekblue',
  device: 'cyan',
  'product-release': 'purple',
};

/** The highest CVSS rating an advisory states; advisories without one (most Go and PyPA records) read "unrated". */
export function SeverityTag({ severity }: { severity: string | null }) {
  const { t } = useTranslation();
  const code = severity?.toLowerCase() ?? 'unrated';
  return (
    <Tag color={severity ? severityColor(code) : 'default'} data-testid="severity" data-severity={code}>
      {t(`severity.${code}`, { defaultValue: severity ?? '' })}
    </Tag>
  );
}

/** An exposure's triage state. */
export function ExposureStateTag({ state }: { state: ExposureState }) {
  const { t } = useTranslation();
  return (
    <Tag color={exposureStateColor(state)} data-testid="exposure-state" data-state={state}>
      {t(`exposureStates.${state}`)}
    </Tag>
  );
}

/** What an asset is: a system, a device or a vendor's product release. */
export function AssetKindTag({ kind }: { kind: AssetKind }) {
  const { t } = useTranslation();
  return <Tag color={kindColors[kind]}>{t(`assetKinds.${kind}`)}</Tag>;
}
