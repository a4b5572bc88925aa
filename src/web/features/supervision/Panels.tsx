import { Badge, Card, Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaFigures } from '../../../contracts/supervision';
import { useMe } from '../../app/session';
import { type Area, exposureTotal, incidentTotal, SEVERITIES, TIERS } from './drill';
import { FigureLink, num } from './FigureLink';

interface Item {
  name: string;
  label: string;
  value: number | null;
  colour: string;
}

/** A panel of counts, each opening its list, under a total that opens the whole list. */
function CountPanel({
  title,
  total,
  items,
  area,
  testId,
  plain,
}: {
  title: string;
  total: { name: string; value: number | null };
  items: Item[];
  area: Area;
  testId: string;
  plain?: boolean;
}) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      <FigureLink name={total.name} area={area} plain={plain}>
        <span style={{ fontSize: 24, fontWeight: 600 }}>{num(total.value)}</span>
      </FigureLink>
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        {items.map((i) => (
          <Flex key={i.name} justify="space-between" align="center">
            <Badge color={i.colour} text={i.label} />
            <FigureLink name={i.name} area={area} plain={plain}>
              {num(i.value)}
            </FigureLink>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

const TIER_COLOURS = ['#a8071a', '#d4380d', '#d48806', '#1677ff'];
const SEVERITY_COLOURS = ['#a8071a', '#d4380d', '#d48806', '#1677ff', '#8c8c8c'];

/** Incidents by tier, national reports by timeliness, open exposures by severity and catalog filings in review. */
export function Panels({ f, area }: { f: AreaFigures; area: Area }) {
  const { t } = useTranslation();
  // Vulnerability reports go to MIIT (RMSV art. 7): a province sees their count, not the list.
  const ministry = useMe().org.kind === 'ministry';
  const reports: [string, number | null, string][] = [
    ['on-time', f.nationalReportsOnTime, '#389e0d'],
    ['late', f.nationalReportsLate, '#d48806'],
    ['overdue', f.nationalReportsOverdue, '#cf1322'],
    ['pending', f.nationalReportsPending, '#1677ff'],
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={6}>
        <CountPanel
          testId="panel-incidents"
          title={t('supervision.panels.incidents')}
          area={area}
          total={{ name: 'incidents', value: incidentTotal(f) }}
          items={TIERS.map((tier, n) => ({
            name: `incidents-${tier}`,
            label: t('supervision.tier', { tier, name: t(`incidents.tiers.${tier}`) }),
            value: f.incidents[tier],
            colour: TIER_COLOURS[n]!,
          }))}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <CountPanel
          testId="panel-national-reports"
          plain={!ministry}
          title={t('supervision.panels.nationalReports')}
          area={area}
          total={{ name: 'vulnerabilityReports', value: f.vulnerabilityReports }}
          items={reports.map(([status, value, colour]) => ({
            name: `nationalReports-${status}`,
            label: t(`supervision.reportStatus.${status}`),
            value,
            colour,
          }))}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <CountPanel
          testId="panel-exposures"
          title={t('supervision.panels.exposures')}
          area={area}
          total={{ name: 'exposuresOpen', value: exposureTotal(f) }}
          items={SEVERITIES.map((s, n) => ({
            name: `exposures-${s}`,
            label: t(`supervision.severity.${s}`),
            value: f.exposuresOpen[s],
            colour: SEVERITY_COLOURS[n]!,
          }))}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <CountPanel
          testId="panel-filings"
          title={t('supervision.panels.filings')}
          area={area}
          total={{ name: 'filings', value: f.filingsPending }}
          items={[
            {
              name: 'filings-pending',
              label: t('supervision.filingStatus.pending'),
              value: f.filingsPending,
              colour: '#1677ff',
            },
            {
              name: 'filings-overdue',
              label: t('supervision.filingStatus.overdue'),
              value: f.filingsOverdue,
              colour: '#cf1322',
            },
          ]}
        />
      </Col>
    </Row>
  );
}
