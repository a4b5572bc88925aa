import { DeleteOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { ComponentT } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

// The catalogue is public, so a maker's name comes from any of its products; one lookup per maker per page.
const makers = new Map<string, Promise<string | null>>();
const makerName = (vendorOrgId: string): Promise<string | null> => {
  let p = makers.get(vendorOrgId);
  if (!p) {
    p = api.vendorProducts(vendorOrgId, 1).then(
      (page) => page.items[0]?.vendorName ?? null,
      () => {
        makers.delete(vendorOrgId);
        return null;
      },
    );
    makers.set(vendorOrgId, p);
  }
  return p;
};

/** The upstream maker of a component when it is a vendor on the platform (RMSV art. 7(1) notifies it). */
function Maker({ vendorOrgId }: { vendorOrgId: string | null }) {
  const { t } = useTranslation();
  const name = useAsync(async () => (vendorOrgId ? makerName(vendorOrgId) : null), [vendorOrgId]);
  if (!vendorOrgId) {
    return (
      <Tooltip title={t('products.components.noMakerHint')}>
        <Typography.Text type="secondary">{t('products.components.noMaker')}</Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Tag color="green" icon={<LinkOutlined />} data-testid="component-maker">
      {name.data ?? t('products.components.linkedMaker')}
    </Tag>
  );
}

/**
 * A product's upstream components by purl; each is linked to its maker automatically when that maker ships the
 * package on the platform, so a confirmed flaw in it reaches the maker's inbox.
 */
export function ComponentsCard({ productId, editable }: { productId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAsync(() => api.components(productId), [productId]);
  const [form] = Form.useForm<{ purl: string }>();

  const add = useCallback(
    (v: { purl: string }) => api.addComponent(productId, { purl: v.purl.trim() }),
    [productId],
  );
  const added = useCallback(
    (c: ComponentT) => {
      form.resetFields();
      message.success(t('products.components.added', { name: c.name }));
      list.reload();
    },
    [form, message, t, list.reload],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, add, added);

  const remove = async (c: ComponentT) => {
    try {
      await api.removeComponent(productId, c.id);
      message.success(t('products.components.removed', { name: c.name }));
      list.reload();
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  return (
    <Card size="small" title={t('products.components.title')} data-testid="components-card">
      {editable ? (
        <>
          <ProblemAlert error={error} onClose={clearError} />
          <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12 }}>
            <Form.Item
              name="purl"
              style={{ flex: 1 }}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { pattern: /^pkg:/, message: t('products.purlInvalid') },
              ]}
            >
              <Input
                placeholder="pkg:npm/lodash@4.17.21"
                style={{ fontFamily: 'monospace' }}
                data-testid="component-purl"
              />
            </Form.Item>
            <Form.Item style={{ marginInlineEnd: 0 }}>
              <Button
                htmlType="submit"
                icon={<PlusOutlined />}
                loading={submitting}
                data-testid="component-add"
              >
                {t('products.components.add')}
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : null}
      <ProblemAlert error={list.error} />
      <Table<ComponentT>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.components.empty')} />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('products.components.name'),
            render: (_v, c) => (
              <div>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  {c.version ? <Tag color="blue">{c.version}</Tag> : null}
                </Flex>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12, fontFamily: 'monospace', wordBreak: 'break-all' }}
                >
                  {c.purl}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'maker',
            title: t('products.components.maker'),
            width: 200,
            render: (_v, c) => <Maker vendorOrgId={c.upstreamVendorOrgId} />,
          },
          ...(editable
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 56,
                  render: (_v: unknown, c: ComponentT) => (
                    <Popconfirm
                      title={t('products.components.confirmRemove', { name: c.name })}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove(c)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.remove')}
                        data-testid="component-remove"
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
