import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Form,
  type FormInstance,
  Input,
  Radio,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClassificationT, catalogApi, type QuestionsT, type QuestionT } from './api';
import { LevelTag, RuleMark } from './marks';

/** The wizard's form values inside the asset form. */
export interface WizardValues {
  answers?: Record<string, string | undefined>;
  overrideOn?: boolean;
  override?: { level?: 'general' | 'important' | 'core'; reason?: string };
}

const isCoreQuestion = (q: QuestionT) => q.answers.some((a) => a.minLevel === 'core');
const answered = (a: WizardValues['answers']) =>
  Object.fromEntries(Object.entries(a ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** One question with its clause and how settled it is, answered with radio buttons. */
function QuestionItem({ q }: { q: QuestionT }) {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  return (
    <Form.Item
      name={['answers', q.id]}
      rules={[{ required: true }]}
      label={
        <Space size={4} wrap>
          <span>{q.prompt[lang]}</span>
          <RuleMark status={q.status} clause={q.clause} />
        </Space>
      }
      extra={q.help[lang]}
      data-testid={`question-${q.id}`}
    >
      <Radio.Group>
        <Space direction="vertical">
          {q.answers.map((a) => (
            <Radio key={a.key} value={a.key} data-testid={`answer-${q.id}-${a.key}`}>
              {a.label[lang]}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Form.Item>
  );
}

/** The live result: the derived level, the answers that set it (就高), and the override with its reason. */
function Result({
  questions,
  result,
  form,
}: {
  questions: QuestionsT;
  result: ClassificationT | null;
  form: FormInstance;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const overrideOn = Form.useWatch('overrideOn', form);
  const prompt = (id: string) => questions.questions.find((q) => q.id === id)?.prompt[lang] ?? id;
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{t('catalog.wizard.derived')}</Typography.Text>
        {result ? <LevelTag level={result.derivedLevel} testId="derived-level" /> : '—'}
        {result && !result.complete ? (
          <Typography.Text type="warning">
            {t('catalog.wizard.unanswered', { count: result.unanswered.length })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Alert
        type="info"
        showIcon
        message={
          <Space size={4} wrap>
            {t('catalog.wizard.highest')}
            <RuleMark status={questions.mixedData.status} clause={questions.mixedData.clause} />
          </Space>
        }
        description={
          result?.reasons.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="level-reasons">
              {result.reasons.map((r) => (
                <li key={r.questionId}>
                  {prompt(r.questionId)} <LevelTag level={r.level} />
                </li>
              ))}
            </ul>
          ) : (
            t('catalog.wizard.noRaise')
          )
        }
      />
      <Form.Item name="overrideOn" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox data-testid="override-toggle">
          {t('catalog.wizard.override')}{' '}
          <RuleMark status={questions.override.status} clause={questions.override.clause} />
        </Checkbox>
      </Form.Item>
      {overrideOn ? (
        <>
          <Form.Item
            name={['override', 'level']}
            label={t('catalog.wizard.overrideLevel')}
            rules={[{ required: true }]}
          >
            <Select
              options={questions.levels.map((l) => ({ value: l.key, label: lang === 'zh' ? l.zh : l.en }))}
              data-testid="override-level"
            />
          </Form.Item>
          <Form.Item
            name={['override', 'reason']}
            label={t('catalog.wizard.overrideReason')}
            extra={t('catalog.wizard.overrideReasonHelp', { n: questions.override.reasonMinLength })}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="override-reason" />
          </Form.Item>
        </>
      ) : null}
    </Flex>
  );
}

/**
 * The classification wizard as a stepped form: core-data criteria (Measures art. 11, draft), then the important-data
 * definition and grading elements (GB/T 43697-2024), then the derived level, which updates live as answers change.
 */
export function ClassificationWizard({ questions, form }: { questions: QuestionsT; form: FormInstance }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [result, setResult] = useState<ClassificationT | null>(null);
  const raw = Form.useWatch('answers', form) as WizardValues['answers'];
  const key = JSON.stringify(answered(raw));

  useEffect(() => {
    let live = true;
    catalogApi.classify(JSON.parse(key) as Record<string, string>).then(
      (r) => live && setResult(r),
      () => live && setResult(null),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const groups = [
    questions.questions.filter(isCoreQuestion),
    questions.questions.filter((q) => !isCoreQuestion(q)),
  ];
  const titles = [
    t('catalog.wizard.stepCore'),
    t('catalog.wizard.stepImportant'),
    t('catalog.wizard.stepResult'),
  ];
  return (
    <div data-testid="classification-wizard">
      <Steps
        size="small"
        current={step}
        onChange={setStep}
        items={titles.map((title) => ({ title }))}
        style={{ marginBottom: 16 }}
      />
      {groups.map((g, i) => (
        // Every step stays mounted so answers keep their values and field errors land on them.
        <div key={titles[i]} style={{ display: step === i ? 'block' : 'none' }}>
          {g.map((q) => (
            <QuestionItem key={q.id} q={q} />
          ))}
        </div>
      ))}
      <div style={{ display: step === 2 ? 'block' : 'none' }}>
        <Result questions={questions} result={result} form={form} />
      </div>
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t('catalog.wizard.prev')}
        </Button>
        <Flex align="center" gap={8}>
          {result ? <LevelTag level={result.derivedLevel} testId="live-level" /> : null}
          <Button disabled={step === 2} onClick={() => setStep(step + 1)} data-testid="wizard-next">
            {t('catalog.wizard.next')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}
