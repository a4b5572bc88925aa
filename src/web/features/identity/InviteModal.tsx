import { Form, Input, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { SecretRevealModal } from '../../components/SecretRevealModal';
import { api } from '../../lib/api';
import { ROLES } from '../../lib/domain';
import type { CreatedInvitationT, CreateInvitationInput, Invitation, Role } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

/** Invite by email and role; on success shows the one-time accept link with a copy button. */
export function InviteModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (inv: Invitation) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateInvitationInput>();
  const [created, setCreated] = useState<CreatedInvitationT | null>(null);

  const invite = useCallback((v: CreateInvitationInput) => api.invite(me.org.id, v), [me.org.id]);
  const done = useCallback(
    (inv: CreatedInvitationT) => {
      setCreated(inv);
      const { token: _secret, acceptPath: _path, ...listed } = inv;
      onCreated(listed);
    },
    [onCreated],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, invite, done);

  const close = () => {
    setCreated(null);
    clearError();
    form.resetFields();
    onClose();
  };

  return (
    <SecretRevealModal
      open={open}
      title={t('invitations.invite')}
      revealedTitle={t('invitations.createdTitle')}
      secret={
        created
          ? {
              value: new URL(created.acceptPath, window.location.origin).toString(),
              hint: t('invitations.linkHint', { email: created.email }),
              testId: 'invite-link',
            }
          : null
      }
      error={error}
      submitting={submitting}
      submitLabel={t('invitations.send')}
      submitTestId="invite-submit"
      onSubmit={() => form.submit()}
      onClose={close}
    >
      <Form<CreateInvitationInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: 'member' }}
      >
        <Form.Item
          name="email"
          label={t('users.fields.email')}
          rules={[
            { required: true, message: t('validation.emailRequired') },
            { type: 'email', message: t('validation.emailInvalid') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.fields.role')} extra={t('invitations.roleHint')}>
          <Select<Role> options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </SecretRevealModal>
  );
}
