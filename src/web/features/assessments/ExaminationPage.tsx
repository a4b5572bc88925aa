import { CheckOutlined, OrderedListOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import {
  App,
  Button,
  Card,
  Col,
  Collapse,
  Input,
  Popconfirm,
  Radio,
  Row,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  ControlAnswer,
  EvidenceFile,
  Examination,
  LibraryControl,
} from '../../../contracts/assessments';
import { mayOpen } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { assessmentsApi } from './api';
import { DiffCard } from './DiffCard';
import { EvidenceList } from './EvidenceList';
import { ScoreCard } from './ScoreCard';
import { useBilingual } from './text';

const ANSWERS: ControlAnswer[] = ['yes', 'partial', 'no', 'not-applicable'];

const fileIds = (fs: EvidenceFile[]) => fs.map((f) => f.id).join();
/** Re-render a control only when its own answer, evidence or editability changed (55 rows per page). */
const sameRow = (a: RowProps, b: RowProps) =>
  a.control === b.control &&
  a.canEdit === b.canEdit &&
  a.given?.answer === b.given?.answer &&
  a.given?.note === b.given?.note &&
  a.onAnswer === b.onAnswer &&
  fileIds(a.files) === fileIds(b.files);
type RowProps = Parameters<typeof ControlRowInner>[0];

/** One control, re-rendered only when its own state changed. */
const ControlRow = memo(ControlRowInner, sameRow);

/** One control: the question, its guidance and expected evidence, the answer, a note and evidence files. */
function ControlRowInner({
  control,
  examId,
  canEdit,
  given,
  files,
  onAnswer,
  onUploaded,
}: {
  control: LibraryControl;
  examId: string;
  canEdit: boolean;
  given: Examination['answers'][number] | undefined;
  files: EvidenceFile[];
  onAnswer: (controlId: string, answer: ControlAnswer, note: string | null) => Promise<void>;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const [note, setNote] = useState(given?.note ?? '');
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`control-${control.id}`}>
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={13}>
          <Space size={6} align="start">
            <Tag>{control.id}</Tag>
            <Typography.Text strong>{text(control.question)}</Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {text(control.guidance)}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessments.control.evidence')}: {control.evidence.map(text).join('；')}
          </Typography.Text>
          <div>
            <Tooltip title={`${control.clause} · ${control.source}`}>
              <Tag color="default" style={{ marginTop: 4, fontSize: 11 }}>
                {t('assessments.control.weight', { weight: control.weight })} ·{' '}
                {t(`assessments.valueStatus.${control.status}`)}
              </Tag>
            </Tooltip>
          </div>
        </Col>
        <Col xs={24} lg={11}>
          <Space orientation="vertical" style={{ width: '100%' }} size={6}>
            <Radio.Group
              value={given?.answer}
              disabled={!canEdit}
              onChange={(e) => onAnswer(control.id, e.target.value as ControlAnswer, note.trim() || null)}
              data-testid={`answer-${control.id}`}
              optionType="button"
              size="small"
              options={ANSWERS.map((a) => ({ value: a, label: t(`assessments.answer.${a}`) }))}
            />
            <Input.TextArea
              rows={1}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('assessments.control.note')}
              value={note}
              disabled={!canEdit}
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => {
                if (given && note.trim() !== (given.note ?? ''))
                  void onAnswer(control.id, given.answer, note.trim() || null);
              }}
              data-testid={`note-${control.id}`}
            />
            <EvidenceList
              files={files}
              testId={`evidence-${control.id}`}
              upload={
                canEdit
                  ? async (file) => {
                      await assessmentsApi.answerEvidence(examId, control.id, file);
                      onUploaded();
                    }
                  : undefined
              }
            />
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

/** A self-examination: controls by scenario, answers with notes and evidence, the live score, completion, diff. */
export default function ExaminationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const me = useMe();
  const library = useAsync(() => assessmentsApi.library(), []);
  const exam = useAsync(() => assessmentsApi.examination(id), [id]);
  const e = exam.data;
  const diff = useAsync(
    () => (e ? assessmentsApi.diff(id) : Promise.resolve(undefined)),
    [id, e?.previousId, e?.score.overall.earned, e?.status],
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const { setData } = exam;
  const answer = useCallback(
    async (controlId: string, a: ControlAnswer, note: string | null) => {
      try {
        const next = await assessmentsApi.answer(id, { answers: [{ controlId, answer: a, note }] });
        setData(() => next);
      } catch (err) {
        message.error(describeError(t, err));
      }
    },
    [id, setData, message, t],
  );

  if (!e || !library.data)
    return exam.error || library.error ? <ProblemAlert error={exam.error ?? library.error} /> : <Spin />;
  const lib = library.data;

  const act = async (fn: () => Promise<Examination>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      exam.setData(() => next);
      if (done) message.success(done);
    } catch (err) {
      setError(err);
      exam.reload();
    } finally {
      setBusy(false);
    }
  };
  const answeredIds = new Set(e.answers.map((a) => a.controlId));
  const remaining = lib.groups.flatMap((g) => g.controls).filter((c) => !answeredIds.has(c.id));

  return (
    <>
      <PageHeader
        title={t('assessments.examination.title', { year: e.year, org: e.orgName })}
        subtitle={
          <Space size={8} wrap>
            <Tag color={e.status === 'completed' ? 'green' : 'blue'} data-testid="examination-status">
              {t(`assessments.examStatus.${e.status}`)}
            </Tag>
            <span>{t('assessments.examination.library', { version: e.libraryVersion })}</span>
            <span>{t('assessments.examination.started', { at: formatTime(e.startedAt) })}</span>
            {e.completedAt ? (
              <span>{t('assessments.examination.completedAt', { at: formatTime(e.completedAt) })}</span>
            ) : null}
          </Space>
        }
        extra={
          <Space wrap>
            {e.canEdit && remaining.length ? (
              <Popconfirm
                title={t('assessments.examination.remainingYesConfirm', { count: remaining.length })}
                onConfirm={() =>
                  act(() =>
                    assessmentsApi.answer(e.id, {
                      answers: remaining.map((c) => ({ controlId: c.id, answer: 'yes' })),
                    }),
                  )
                }
                okButtonProps={{ 'data-testid': 'remaining-yes-confirm' } as ButtonProps}
              >
                <Button icon={<OrderedListOutlined />} loading={busy} data-testid="remaining-yes">
                  {t('assessments.examination.remainingYes', { count: remaining.length })}
                </Button>
              </Popconfirm>
            ) : null}
            {e.canEdit ? (
              <Popconfirm
                title={t('assessments.examination.completeConfirm')}
                description={t('assessments.examination.completeHint')}
                onConfirm={() =>
                  act(() => assessmentsApi.complete(e.id), t('assessments.examination.completed'))
                }
                okButtonProps={{ 'data-testid': 'complete-confirm' } as ButtonProps}
              >
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={busy}
                  data-testid="complete-examination"
                >
                  {t('assessments.examination.complete')}
                </Button>
              </Popconfirm>
            ) : null}
            {e.status === 'completed' && mayOpen(me, 'correctiveActions') ? (
              <Link to={`/corrective-actions?sourceId=${e.id}`} data-testid="to-corrective-actions">
                <Button>{t('assessments.examination.toActions')}</Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ScoreCard score={e.score} library={lib} />
        {diff.data ? <DiffCard diff={diff.data} library={lib} /> : null}
        <Collapse
          defaultActiveKey={lib.groups.map((g) => g.scenario)}
          items={lib.groups.map((g) => {
            const s = e.score.byScenario[g.scenario];
            return {
              key: g.scenario,
              label: (
                <Space>
                  <Typography.Text strong>{text(g.label)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('assessments.examination.groupCount', {
                      done: g.controls.filter((c) => answeredIds.has(c.id)).length,
                      total: g.controls.length,
                    })}
                  </Typography.Text>
                  {s && s.score !== null ? <Tag>{Math.round(s.score * 10) / 10}</Tag> : null}
                </Space>
              ),
              children: g.controls.map((c) => (
                <ControlRow
                  key={c.id}
                  control={c}
                  examId={e.id}
                  canEdit={e.canEdit}
                  given={e.answers.find((a) => a.controlId === c.id)}
                  files={e.evidence.filter((f) => f.subjectPart === c.id)}
                  onAnswer={answer}
                  onUploaded={exam.reload}
                />
              )),
            };
          })}
        />
      </Space>
    </>
  );
}
