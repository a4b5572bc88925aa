import type {
  AreaFigures,
  Headline,
  SupervisionOverview,
  SupervisionTrends,
} from '../../../contracts/supervision';
import { prefectureByCode, provinceByCode } from '../../../lib/china/gbt2260';
import { type PdfFont, pdfDocument } from '../../core/pdf';

/** What the monthly report prints. */
export interface MonthlyReport {
  overview: SupervisionOverview;
  trends: SupervisionTrends;
  month: string;
  generatedAt: string;
}

const M = 42;
const WIDTH = 595.28 - 2 * M;
const HEADLINE_NAMES: Record<Headline['key'], string> = {
  enterprisesCovered: '开展分类分级保护企业 Enterprises covered',
  topDecileCovered: '营收前10%覆盖 Top 10 % covered',
  trainingPersonTimes: '培训人次 Training person-times',
  talents: '数据安全人才 Talents',
  enterprisesRegistered: '登记企业 Enterprises registered',
  drillsCompleted: '完成演练 Drills completed',
};
const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits });

/** The name of an area code: 全国, a province or a city (GB/T 2260). */
export function areaName(code: string): string {
  if (code === 'CN') return '全国 National';
  const p = provinceByCode(code);
  if (p) return `${p.name} ${p.nameEn}`;
  const c = prefectureByCode(code);
  return c ? `${c.name} ${c.nameEn}` : code;
}

/** Draws a table of rows of text at the cursor, with a shaded header and page breaks. */
function table(doc: PDFKit.PDFDocument, widths: number[], header: string[], rows: string[][]) {
  const rowH = 14;
  const draw = (cells: string[], shade: boolean) => {
    if (doc.y + rowH > 841.89 - M) doc.addPage();
    const y = doc.y;
    if (shade) doc.rect(M, y - 2, WIDTH, rowH).fill('#f0f5ff');
    doc.fillColor('#262626');
    let x = M;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 60;
      doc.text(c, x + 2, y, {
        width: w - 4,
        height: rowH,
        lineBreak: false,
        ellipsis: true,
        align: i ? 'right' : 'left',
      });
      x += w;
    });
    doc.x = M;
    doc.y = y + rowH;
  };
  doc.fontSize(8);
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.5);
}

/** A small line chart of a cumulative series over months. */
function lineChart(doc: PDFKit.PDFDocument, months: string[], values: (number | null)[], title: string) {
  const h = 110;
  if (doc.y + h + 30 > 841.89 - M) doc.addPage();
  doc.fontSize(10).fillColor('#000000').text(title, M);
  const top = doc.y + 4;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  doc.lineWidth(0.5).strokeColor('#bfbfbf').rect(M, top, WIDTH, h).stroke();
  const step = months.length > 1 ? WIDTH / (months.length - 1) : 0;
  let started = false;
  doc.lineWidth(1.5).strokeColor('#1677ff');
  values.forEach((v, i) => {
    if (v === null) return;
    const x = M + i * step;
    const y = top + h - (v / max) * (h - 10);
    if (started) doc.lineTo(x, y);
    else doc.moveTo(x, y);
    started = true;
  });
  if (started) doc.stroke();
  doc.fontSize(7).fillColor('#8c8c8c');
  doc.text(months[0] ?? '', M, top + h + 2, { lineBreak: false });
  doc.text(months.at(-1) ?? '', M + WIDTH - 40, top + h + 2, { lineBreak: false });
  doc.text(fmt(max), M + 2, top + 2, { lineBreak: false });
  doc.x = M;
  doc.y = top + h + 14;
}

const BREAKDOWN_HEADER = [
  '地区 Area',
  '登记',
  '覆盖',
  '前10%覆盖',
  '培训人次',
  '人才',
  '演练',
  '事件',
  '待审备案',
];
const breakdownRow = (code: string, f: AreaFigures) => [
  areaName(code),
  fmt(f.enterprisesRegistered),
  fmt(f.enterprisesCovered),
  `${fmt(f.topDecileCovered)}/${fmt(f.topDecileQuota)}`,
  fmt(f.trainingPersonTimes),
  fmt(f.talents),
  fmt(f.drillsCompleted),
  fmt(f.incidents.I + f.incidents.II + f.incidents.III + f.incidents.IV),
  fmt(f.filingsPending),
];

/** The monthly supervision report (A4): headlines against the 34号 targets, risk figures, breakdown and trends. */
export function renderMonthlyReportPdf(r: MonthlyReport, font: PdfFont): Promise<Buffer> {
  const o = r.overview;
  const title = `工业领域数据安全监管月报 Monthly supervision report ${r.month}`;
  const { doc, done } = pdfDocument(font, title, M);
  doc.fontSize(16).fillColor('#000000').text('工业领域数据安全监管月报');
  doc
    .fontSize(11)
    .fillColor('#595959')
    .text(`Monthly supervision report · ${areaName(o.scope.code)} · ${r.month}`);
  doc.fontSize(8).text(`数据截至 As of: ${o.asOf ?? '—'}    目标日期 Target date: ${o.deadline}`);
  doc.moveDown(0.6);
  doc
    .fontSize(11)
    .fillColor('#000000')
    .text('目标进度 Progress against the 2026 targets (工信部网安〔2024〕34号)');
  table(
    doc,
    [190, 60, 70, 50, 80, 61],
    ['指标 Figure', '当前 Value', '目标 Target', '% ', '预计 Projected', '达标 On track'],
    o.headlines.map((h) => [
      HEADLINE_NAMES[h.key],
      fmt(h.value),
      h.target
        ? `${h.target.op === 'gt' ? '>' : '≥'}${fmt(h.target.value)}${h.target.scope === 'national' && o.scope.level === 'province' ? '*' : ''}`
        : '—',
      h.pct === null ? '—' : `${fmt(h.pct, 1)}%`,
      fmt(h.projectedAtDeadline),
      h.onTrack === null ? '—' : h.onTrack ? '是 yes' : '否 no',
    ]),
  );
  const d = o.definition;
  doc.fontSize(7).fillColor('#8c8c8c');
  doc.text(
    `覆盖口径 Coverage definition (${d.status}): ${d.allOf.join(' + ')}; ${d.clause}. 预测 Projection: least-squares pace over ${o.projection.windowDays} days (${o.projection.status}).`,
    M,
    doc.y,
    { width: WIDTH },
  );
  doc.moveDown(0.6);
  const f = o.figures;
  doc.fontSize(11).fillColor('#000000').text('风险与事件 Risks and incidents');
  const monthTiers = r.trends.incidents;
  const i = r.trends.months.indexOf(r.month);
  const inMonth = (t: 'I' | 'II' | 'III' | 'IV') => (i >= 0 ? (monthTiers[t][i] ?? 0) : 0);
  table(
    doc,
    [190, 80, 80, 80, 81],
    ['', 'I 特别重大', 'II 重大', 'III 较大', 'IV 一般'],
    [
      [
        '本月事件 Incidents this month',
        fmt(inMonth('I')),
        fmt(inMonth('II')),
        fmt(inMonth('III')),
        fmt(inMonth('IV')),
      ],
      [
        '累计事件 Incidents to date',
        fmt(f.incidents.I),
        fmt(f.incidents.II),
        fmt(f.incidents.III),
        fmt(f.incidents.IV),
      ],
    ],
  );
  table(
    doc,
    [190, 80, 80, 80, 81],
    ['', '按时 on time', '迟报 late', '逾期 overdue', '未到期 pending'],
    [
      [
        `漏洞国家平台报送 National reports (of ${fmt(f.vulnerabilityReports)})`,
        fmt(f.nationalReportsOnTime),
        fmt(f.nationalReportsLate),
        fmt(f.nationalReportsOverdue),
        fmt(f.nationalReportsPending),
      ],
    ],
  );
  const e = f.exposuresOpen;
  table(
    doc,
    [190, 56, 56, 56, 56, 97],
    ['', '严重 crit.', '高 high', '中 med.', '低 low', '未知 unknown'],
    [['未处置暴露 Open exposures', fmt(e.critical), fmt(e.high), fmt(e.medium), fmt(e.low), fmt(e.unknown)]],
  );
  doc.fontSize(8).fillColor('#262626');
  doc.text(
    `目录备案待审 Catalog filings under review: ${fmt(f.filingsPending)}, 超期 overdue: ${fmt(f.filingsOverdue)}`,
    M,
  );
  doc.moveDown(0.6);
  if (o.breakdown.length) {
    doc
      .fontSize(11)
      .fillColor('#000000')
      .text(o.scope.level === 'nation' ? '分省情况 By province' : '分地市情况 By city');
    table(
      doc,
      [131, 50, 50, 60, 60, 40, 40, 40, 40],
      BREAKDOWN_HEADER,
      o.breakdown.map((b) => breakdownRow(b.code, b.figures)),
    );
  }
  lineChart(doc, r.trends.months, r.trends.enterprisesCovered, '覆盖企业趋势 Enterprises covered, by month');
  lineChart(
    doc,
    r.trends.months,
    r.trends.trainingPersonTimes,
    '培训人次趋势 Training person-times, by month',
  );
  doc.fontSize(7).fillColor('#8c8c8c');
  if (o.scope.level === 'province')
    doc.text('* 全国目标，未分解到省 National target, not apportioned to provinces.', M);
  doc.text(`Generated ${r.generatedAt} by Bulwark`, M);
  doc.end();
  return done;
}
