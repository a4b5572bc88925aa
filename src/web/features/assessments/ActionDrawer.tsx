import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Input,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction, CorrectiveTransitionBody } from '../../../contracts/assessments';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import type { User } from '../../lib/types';
import { assessmentsApi } from './api';
import { EvidenceList } from './EvidenceList';

/**
 * One corrective action: owner, due date and detail; evidence; and the next move on the board (resolve needs a
 * resolution and evidence, verification a note by someone other than the resolver).
 */
export function ActionDrawer({
  action,
  users,
  onClose,
  onChanged,
}: {
  action: CorrectiveAction | null;
  users: User[] | undefined;
  onClose: () => void;
  onChanged: (a: CorrectiveAction) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const a = action;
  const canAct = me.org.kind === 'enterprise' && me.user.role !== 'viewer' && a?.orgId === me.org.id;

  const run = async (fn: () => Promise<CorrectiveAction>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      onChanged(next);
      setText('');
      message.success(t('assessments.actions.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const move = (body: CorrectiveTransitionBody) => a && run(() => assessmentsApi.moveAction(a.id, body));

  return (
    <Drawer
      open={a !== null}
      onClose={() => {
        setError(null);
        setText('');
        onClose();
      }}
      size="large"
      title={a ? `${a.controlId ?? ''} ${t(`assessments.actionStatus.${a.status}`)}` : ''}
      destroyOnHidden
      data-testid="action-drawer"
    >
      {a ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <ProblemAlert error={error} onClose={() => setError(null)} />
          <Typography.Paragraph strong>{a.title}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('assessments.actions.source')}>
              {t(`assessments.source.${a.sourceKind}`)} ·{' '}
              {a.scenarios.map((s) => t(`assessments.scenario.${s}`)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessments.actions.owner')}>
              {canAct && users ? (
                <Select
                  style={{ minWidth: 220 }}
                  value={a.ownerUserId ?? undefined}
                  options={users
                    .filter((u) => u.status === 'active')
                    .map((u) => ({ value: u.id, label: u.name }))}
                  onChange={(ownerUserId: string) =>
                    run(() => assessmentsApi.updateAction(a.id, { ownerUserId }))
                  }
                  data-testid="action-owner"
                />
              ) : (
                (a.ownerName ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessments.actions.due')}>
              {canAct && a.status !== 'verified' ? (
                <DatePicker
                  value={dayjs(a.dueOn)}
                  allowClear={false}
                  onChange={(d) =>
                    d && run(() => assessmentsApi.updateAction(a.id, { dueOn: d.format('YYYY-MM-DD') }))
                  }
                />
              ) : (
                a.dueOn
              )}{' '}
              {a.overdue ? <Tag color="red">{t('assessments.actions.overdue')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessments.actions.detail')}>{a.detail ?? '—'}</Descriptions.Item>
            {a.resolution ? (
              <Descriptions.Item label={t('assessments.actions.resolution')}>
                {a.resolution} <Typography.Text type="secondary">{formatTime(a.resolvedAt)}</Typography.Text>
              </Descriptions.Item>
            ) : null}
            {a.verificationNote ? (
              <Descriptions.Item label={t('assessments.actions.verification')}>
                {a.verificationNote}{' '}
                <Typography.Text type="secondary">{formatTime(a.verifiedAt)}</Typography.Text>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Divider titlePlacement="start">{t('assessments.evidence.title')}</Divider>
          <EvidenceList
            files={a.evidence}
            testId="action-evidence"
            upload={
              canAct && a.status !== 'verified'
                ? async (file) => {
                    await assessmentsApi.actionEvidence(a.id, file);
                    const [fresh] = (await assessmentsApi.actions({ sourceId: a.sourceId })).filter(
                      (x) => x.id === a.id,
                    );
                    if (fresh) onChanged(fresh);
                  }
                : undefined
            }
          />
          {canAct ? (
            <>
              <Divider titlePlacement="start">{t('assessments.actions.next')}</Divider>
              {a.status === 'open' ? (
                <Button loading={busy} onClick={() => move({ action: 'start' })} data-testid="action-start">
                  {t('assessments.actions.start')}
                </Button>
              ) : null}
              {a.status === 'open' || a.status === 'in-progress' ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={3}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    placeholder={t('assessments.actions.resolutionHint')}
                    data-testid="action-resolution"
                  />
                  <Button
                    type="primary"
                    loading={busy}
                    disabled={!text.trim()}
                    onClick={() => move({ action: 'resolve', resolution: text.trim() })}
                    data-testid="action-resolve"
                  >
                    {t('assessments.actions.resolve')}
                  </Button>
                  {a.evidence.length === 0 ? (
                    <Typography.Text type="warning">{t('assessments.actions.needsEvidence')}</Typography.Text>
                  ) : null}
                </Space>
              ) : null}
              {a.status === 'resolved' ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={3}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    placeholder={t('assessments.actions.verifyHint')}
                    data-testid="action-verify-note"
                  />
                  <Space>
                    <Button
                      type="primary"
                      loading={busy}
                      disabled={!text.trim() || a.resolvedBy === me.user.id}
                      onClick={() => move({ action: 'verify', note: text.trim() })}
                      data-testid="action-verify"
                    >
                      {t('assessments.actions.verify')}
                    </Button>
                    <Button
                      loading={busy}
                      onClick={() =>
                        move({ action: 'reopen', ...(text.trim() ? { note: text.trim() } : {}) })
                      }
                      data-testid="action-reopen"
                    >
                      {t('assessments.actions.reopen')}
                    </Button>
                  </Space>
                  {a.resolvedBy === me.user.id ? (
                    <Typography.Text type="secondary">{t('assessments.actions.fourEyes')}</Typography.Text>
                  ) : null}
                </Space>
              ) : null}
            </>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
