import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { gradeCode, severityColor, stateColor } from '../lib/reports';
import type { Report, ReportState } from '../lib/types';

/** A report's lifecycle state. */
export function StateTag({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor(state)} data-testid="report-state" data-state={state}>
      {t(`reportStates.${state}`)}
    </Tag>
  );
}

/** A GB/T 30279-2020 grade, named in the UI language. */
export function GradeTag({ grade }: { grade: string | null }) {
  const { t } = useTranslation();
  if (!grade) return <span>—</span>;
  const code = gradeCode(grade);
  return <Tag color={severityColor(code)}>{t(`grades.${code}`)}</Tag>;
}

/** Each CVSS score with its severity; the vector shows on hover. */
export function CvssTags({ cvss }: { cvss: Report['cvss'] }) {
  const { t } = useTranslation();
  if (!cvss.length) return <span>—</span>;
  return (
    <Flex gap={4} wrap>
      {cvss.map((c) => (
        <Tooltip key={c.vector} title={c.vector}>
          <Tag color={severityColor(c.severity)} data-testid="cvss-score">
            {`CVSS ${c.version} · ${c.baseScore.toFixed(1)} ${t(`severity.${c.severity.toLowerCase()}`)}`}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
