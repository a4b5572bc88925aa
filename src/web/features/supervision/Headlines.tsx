import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Popover, Progress, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Headline, SupervisionOverview } from '../../../contracts/supervision';
import { CoverageDefinition } from '../programme/CoverageDefinition';
import { ValueStatusTag } from '../programme/ValueStatusTag';
import type { Area } from './drill';
import { FigureLink, num } from './FigureLink';

/** The calendar day (China time) a deadline at 24:00 falls on. */
export const deadlineDay = (deadline: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.parse(deadline) - 1);

// 34号 sets these nationally; a province's dashboard has no share of them.
const NATIONAL_TARGETS: Headline['key'][] = ['enterprisesCovered', 'trainingPersonTimes', 'talents'];

/** Met, on track or behind, as the server judged it against the target. */
function PaceTag({ h }: { h: Headline }) {
  const { t } = useTranslation();
  if (h.met) return <Tag color="green">{t('supervision.pace.met')}</Tag>;
  if (h.onTrack === true) return <Tag color="blue">{t('supervision.pace.onTrack')}</Tag>;
  if (h.onTrack === false) return <Tag color="red">{t('supervision.pace.behind')}</Tag>;
  return null;
}

/** The target line: the 34号 value with its clause, a national target shown unapportioned, or none. */
function TargetLine({ h, provincial }: { h: Headline; provincial: boolean }) {
  const { t } = useTranslation();
  const target = h.target;
  if (!target) {
    const national = provincial && NATIONAL_TARGETS.includes(h.key);
    return (
      <Typography.Text type="secondary">
        {t(national ? 'supervision.target.nationalOnly' : 'supervision.target.none')}
      </Typography.Text>
    );
  }
  const values = {
    op: t(`programme.op.${target.op}`),
    value: target.value.toLocaleString(),
    unit: t(`supervision.units.${target.key}`),
  };
  return (
    <Space size={6} wrap>
      <Typography.Text type="secondary">
        {provincial && target.scope === 'national'
          ? t('supervision.target.notApportioned', values)
          : t('supervision.target.value', values)}
      </Typography.Text>
      <ValueStatusTag status={target.status} clause={`${target.clause} · ${target.source}`} />
    </Space>
  );
}

/** The lists around a coverage figure: the enterprises not yet covered, and the top 10 % itself. */
function Breakdown({ h, o, area }: { h: Headline; o: SupervisionOverview; area: Area }) {
  const { t } = useTranslation();
  const f = o.figures;
  if (h.key === 'enterprisesCovered') {
    return (
      <Typography.Text type="secondary">
        {t('supervision.uncovered')}{' '}
        <FigureLink name="enterprisesUncovered" area={area}>
          {num(f.enterprisesRegistered - f.enterprisesCovered)}
        </FigureLink>
      </Typography.Text>
    );
  }
  if (h.key !== 'topDecileCovered') return null;
  return (
    <Space size={12} wrap>
      <Typography.Text type="secondary">
        {t('supervision.topDecileMembers', { quota: num(f.topDecileQuota) })}{' '}
        <FigureLink name="topDecileMembers" area={area}>
          {num(f.topDecileMembers)}
        </FigureLink>
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('supervision.uncovered')}{' '}
        <FigureLink name="topDecileUncovered" area={area}>
          {num(f.topDecileMembers - f.topDecileCovered)}
        </FigureLink>
      </Typography.Text>
    </Space>
  );
}

/** One headline: the value (opening its list), its target, progress, pace and projection at the deadline. */
function HeadlineCard({ h, o, area }: { h: Headline; o: SupervisionOverview; area: Area }) {
  const { t } = useTranslation();
  const provincial = o.scope.level === 'province';
  const apportioned = !(provincial && h.target?.scope === 'national');
  const coverage = h.key === 'enterprisesCovered';
  const d = o.definition;
  const year = Number(deadlineDay(o.asOf ?? new Date().toISOString()).slice(0, 4));
  return (
    <Card
      size="small"
      data-testid={`headline-${h.key}`}
      title={t(`supervision.headlines.${h.key}`)}
      style={{ height: '100%' }}
      extra={
        coverage ? (
          <Popover
            content={
              <div style={{ maxWidth: 420 }}>
                <CoverageDefinition definition={d} year={year} />
              </div>
            }
          >
            <Typography.Link data-testid="definition-popover">
              <InfoCircleOutlined /> {t('supervision.definition')}
            </Typography.Link>
          </Popover>
        ) : null
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space align="center" size={8} wrap>
          <FigureLink name={h.key} area={area}>
            <span style={{ fontSize: 28, fontWeight: 600 }}>{num(h.value)}</span>
          </FigureLink>
          {coverage ? <ValueStatusTag status={d.status} clause={d.clause} /> : null}
        </Space>
        {coverage ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="definition-clause">
            {t('supervision.definitionBasis', { clause: d.clause, source: d.source })}
          </Typography.Text>
        ) : null}
        <Breakdown h={h} o={o} area={area} />
        <TargetLine h={h} provincial={provincial} />
        {h.pct !== null && apportioned ? (
          <Progress
            percent={Math.min(h.pct, 100)}
            format={() => `${h.pct?.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`}
            status={h.met ? 'success' : 'normal'}
            size="small"
          />
        ) : null}
        <Space size={6} wrap>
          {apportioned ? <PaceTag h={h} /> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.projected', {
              value: num(Math.round(h.projectedAtDeadline)),
              date: deadlineDay(o.deadline),
            })}
          </Typography.Text>
          <Tooltip
            title={t('supervision.paceHint', {
              pace: h.pacePerDay.toLocaleString(undefined, { maximumFractionDigits: 2 }),
              days: o.projection.windowDays,
              clause: o.projection.clause,
            })}
          >
            <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
          </Tooltip>
        </Space>
      </Space>
    </Card>
  );
}

/** The headline figures of an area beside their 2026 targets. */
export function Headlines({ o, area }: { o: SupervisionOverview; area: Area }) {
  return (
    <Row gutter={[16, 16]}>
      {o.headlines.map((h) => (
        <Col key={h.key} xs={24} md={12} xl={8}>
          <HeadlineCard h={h} o={o} area={area} />
        </Col>
      ))}
    </Row>
  );
}
