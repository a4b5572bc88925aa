import type { AfterActionReport, DrillMeasures } from '../../../contracts/drills';
import { type PdfFont, pdfDocument } from '../../core/pdf';

const A4 = { width: 595.28, height: 841.89 };
const M = 50;
const MEASURED: { key: keyof DrillMeasures; zh: string; en: string; colour: string }[] = [
  { key: 'timeToDetect', zh: '发现', en: 'Detect', colour: '#1677ff' },
  { key: 'timeToContain', zh: '遏制', en: 'Contain', colour: '#fa8c16' },
  { key: 'timeToReport', zh: '报告', en: 'Report', colour: '#eb2f96' },
  { key: 'timeToRestore', zh: '恢复', en: 'Restore', colour: '#52c41a' },
];
const mins = (v: number | null) => (v === null ? '—' : `${v} min`);

/** The timeline: a drill-minute axis with inject markers above it and the four measured times below. */
function timeline(doc: PDFKit.PDFDocument, r: AfterActionReport, top: number) {
  // A label column on the left; the axis and the bars share one scale to its right.
  const left = M + 72;
  const width = A4.width - 2 * M - 100;
  const start = r.injects[0]?.minute ?? 0;
  const measured = MEASURED.map((m) => r.measures[m.key] as number | null);
  const end = Math.max(
    r.drill.currentMinute,
    ...r.injects.map((i) => i.minute),
    ...measured.map((v) => (v === null ? 0 : v + start)),
    start + 1,
  );
  const x = (minute: number) => left + ((minute - start) / (end - start)) * width;
  const axisY = top + 66;
  doc
    .save()
    .lineWidth(1.2)
    .strokeColor('#333333')
    .moveTo(left, axisY)
    .lineTo(left + width, axisY)
    .stroke();
  for (let t = 0; t <= 4; t++) {
    const minute = Math.round(start + ((end - start) * t) / 4);
    doc
      .moveTo(x(minute), axisY)
      .lineTo(x(minute), axisY + 4)
      .stroke();
    doc
      .fontSize(7)
      .fillColor('#666666')
      .text(`${minute}'`, x(minute) - 10, axisY + 6, { width: 20, align: 'center' });
  }
  r.injects.forEach((inj, i) => {
    const px = x(inj.minute);
    const labelY = top + (i % 4) * 13;
    doc
      .strokeColor('#8c8c8c')
      .lineWidth(0.5)
      .moveTo(px, labelY + 10)
      .lineTo(px, axisY)
      .stroke();
    doc.fillColor('#262626').circle(px, axisY, 3).fill();
    doc
      .fontSize(7)
      .fillColor('#262626')
      .text(`${inj.minute}' ${inj.title.zh}`, px + 2, labelY, { lineBreak: false });
  });
  MEASURED.forEach((m, i) => {
    const v = r.measures[m.key] as number | null;
    const y = axisY + 24 + i * 14;
    doc
      .fontSize(8)
      .fillColor(m.colour)
      .text(`${m.zh} ${m.en}`, M, y - 1, { width: left - M - 4, lineBreak: false });
    if (v === null) return;
    doc
      .save()
      .fillColor(m.colour)
      .opacity(0.8)
      .rect(x(start), y, Math.max(2, x(start + v) - x(start)), 6)
      .fill()
      .restore();
    doc
      .fontSize(7)
      .fillColor('#262626')
      .text(mins(v), x(start + v) + 4, y - 1, { lineBreak: false });
  });
  doc.restore();
  return axisY + 24 + MEASURED.length * 14 + 10;
}

/** Renders the after-action report as an A4 PDF: title, facts, timeline, scores, incident, lessons, actions. */
export function renderAfterActionPdf(r: AfterActionReport, font: PdfFont): Promise<Buffer> {
  const { doc, done } = pdfDocument(font, `${r.drill.title} 事后评估报告 After-action report`, M);
  const d = r.drill;
  doc.fontSize(18).fillColor('#000000').text(`${d.title}`, { align: 'left' });
  doc.fontSize(12).fillColor('#595959').text('事后评估报告 After-action report');
  doc.moveDown(0.5).fontSize(9).fillColor('#262626');
  doc.text(`企业 Enterprise: ${d.orgName}    省份 Province: ${d.provinceCode}`);
  doc.text(`场景 Scenario: ${r.scenarioTitle.zh} / ${r.scenarioTitle.en}`);
  doc.text(
    `开始 Started: ${d.startedAt ?? '—'}    结束 Completed: ${d.completedAt ?? '—'}    演练时长 Drill minutes: ${d.currentMinute}`,
  );
  doc.text(`参演人员 Participants: ${r.participants.map((p) => p.name).join('、') || '—'}`);
  doc.moveDown(0.8);
  doc.fontSize(12).fillColor('#000000').text('时间线 Timeline');
  const after = timeline(doc, r, doc.y + 6);
  doc.y = after;
  doc.x = M;
  doc.fontSize(12).fillColor('#000000').text('评分 Scores', M);
  doc.fontSize(10).fillColor('#262626');
  doc.text(
    `得分 Score: ${r.measures.score} / 100    达成 Expectations met: ${r.measures.met} / ${r.measures.total}`,
  );
  for (const m of MEASURED)
    doc.text(`${m.zh}用时 Time to ${m.en.toLowerCase()}: ${mins(r.measures[m.key] as number | null)}`);
  doc.moveDown(0.5);
  doc.fontSize(9);
  for (const e of r.expectations) {
    const verdict =
      e.status === 'met'
        ? e.inBudget
          ? '达成 met'
          : '超时 late'
        : e.status === 'missed'
          ? '未达成 missed'
          : '待定 pending';
    doc.text(
      `• ${e.injectKey} / ${e.key}: ${verdict} (budget ${e.budgetMinutes} min${e.minute === null ? '' : `, at ${e.minute}'`})`,
    );
  }
  if (r.incident) {
    doc.moveDown(0.5).fontSize(12).fillColor('#000000').text('演练事件 Practice incident');
    doc.fontSize(9).fillColor('#262626');
    doc.text(`${r.incident.ref}  分级 Tier ${r.incident.tier ?? '—'}  [演练 practice]`);
    for (const f of r.incident.fired) doc.text(`• ${f.criterion} → ${f.tier} (${f.threshold}; ${f.clause})`);
  }
  doc.moveDown(0.5).fontSize(12).fillColor('#000000').text('经验教训 Lessons learned');
  doc.fontSize(9).fillColor('#262626');
  if (!r.lessons.length) doc.text('—');
  r.lessons.forEach((l, i) => {
    doc.text(`${i + 1}. ${l}`);
  });
  doc.moveDown(0.5).fontSize(12).fillColor('#000000').text('整改措施 Corrective actions');
  doc.fontSize(9).fillColor('#262626');
  if (!r.correctiveActions.length) doc.text('—');
  for (const a of r.correctiveActions) doc.text(`• ${a.title} (${a.status}, due ${a.dueOn})`);
  doc.moveDown(1).fontSize(7).fillColor('#8c8c8c').text(`Generated ${r.generatedAt} by Bulwark`);
  doc.end();
  return done;
}
