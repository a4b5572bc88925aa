import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Popconfirm,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageFreezeWindows } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import type { FreezeWindow } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { useNow } from '../../lib/useNow';
import { useSubmit } from '../../lib/useSubmit';

interface Values {
  name: string;
  range: [Dayjs, Dayjs];
}

type Phase = 'active' | 'upcoming' | 'past';
const phaseOf = (w: FreezeWindow, now: number): Phase =>
  now < Date.parse(w.from) ? 'upcoming' : now < Date.parse(w.to) ? 'active' : 'past';
const PHASE_COLORS: Record<Phase, string> = { active: 'red', upcoming: 'orange', past: 'default' };

/** Major-event publication freezes (RMSV art. 9, unconfirmed item): nothing is published inside one without MPS consent. */
export default function FreezeWindowsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const now = useNow();
  const manage = canManageFreezeWindows(me);
  const list = useAsync(() => api.freezeWindows(), []);
  const [form] = Form.useForm<Values>();
  const add = useCallback(
    (v: Values) =>
      api.addFreezeWindow({
        name: v.name.trim(),
        from: v.range[0].toISOString(),
        to: v.range[1].toISOString(),
      }),
    [],
  );
  const added = useCallback(
    (w: FreezeWindow) => {
      form.resetFields();
      message.success(t('freeze.added', { name: w.name }));
      list.reload();
    },
    [form, message, t, list.reload],
  );
  const { submit, submitting, error } = useSubmit(form, add, added);

  const remove = async (w: FreezeWindow) => {
    try {
      await api.deleteFreezeWindow(w.id);
      message.success(t('freeze.deleted', { name: w.name }));
      list.reload();
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  const rows = [...(list.data ?? [])].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));

  return (
    <div data-testid="freeze-windows-page">
      <PageHeader title={t('freeze.title')} subtitle={t('freeze.subtitle')} />
      <ProblemAlert error={list.error} />
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={manage ? 16 : 24}>
          <Card title={t('freeze.listTitle')}>
            <Table<FreezeWindow>
              rowKey="id"
              loading={list.loading}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: <Empty description={t('freeze.empty')} /> }}
              columns={[
                {
                  key: 'name',
                  title: t('freeze.name'),
                  render: (_v, w) => <Typography.Text strong>{w.name}</Typography.Text>,
                },
                { key: 'from', title: t('freeze.from'), width: 170, render: (_v, w) => formatTime(w.from) },
                { key: 'to', title: t('freeze.to'), width: 170, render: (_v, w) => formatTime(w.to) },
                {
                  key: 'phase',
                  title: t('freeze.phase'),
                  width: 100,
                  render: (_v, w) => {
                    const p = phaseOf(w, now);
                    return <Tag color={PHASE_COLORS[p]}>{t(`freeze.phases.${p}`)}</Tag>;
                  },
                },
                ...(manage
                  ? [
                      {
                        key: 'actions',
                        title: t('common.actions'),
                        width: 90,
                        render: (_v: unknown, w: FreezeWindow) => (
                          <Popconfirm
                            title={t('freeze.confirmDelete', { name: w.name })}
                            okText={t('common.confirm')}
                            cancelText={t('common.cancel')}
                            onConfirm={() => void remove(w)}
                          >
                            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                              {t('common.delete')}
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        {manage ? (
          <Col xs={24} lg={8}>
            <Card title={t('freeze.addTitle')}>
              <ProblemAlert error={error} />
              <Form<Values> form={form} layout="vertical" onFinish={submit}>
                <Form.Item
                  name="name"
                  label={t('freeze.name')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input maxLength={200} placeholder={t('freeze.namePlaceholder')} />
                </Form.Item>
                <Form.Item
                  name="range"
                  label={t('freeze.range')}
                  rules={[{ required: true, message: t('validation.choose') }]}
                >
                  <DatePicker.RangePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<PlusOutlined />}
                  loading={submitting}
                  block
                  data-testid="freeze-add"
                >
                  {t('freeze.add')}
                </Button>
              </Form>
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
                {t('freeze.note')}
              </Typography.Paragraph>
            </Card>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
