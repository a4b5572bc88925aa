import { CheckCircleOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

const highlights = ['vulnerabilities', 'dataSecurity', 'audit'] as const;

/** Split-screen frame shared by the login and invitation pages: brand panel left, form card right. */
export function AuthShell({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex style={{ minHeight: '100vh' }}>
      <Flex
        vertical
        justify="space-between"
        style={{
          flex: '0 0 44%',
          padding: '48px 56px',
          color: '#fff',
          background: 'linear-gradient(150deg, #0f1f3d 0%, #143a7a 60%, #1459c7 100%)',
        }}
      >
        <Flex align="center" gap={12}>
          <SafetyCertificateFilled style={{ fontSize: 34, color: '#7fb0ff' }} />
          <div>
            <div style={{ fontSize: 24, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</div>
            <div style={{ opacity: 0.75 }}>{t('app.tagline')}</div>
          </div>
        </Flex>
        <div>
          <Typography.Title level={2} style={{ color: '#fff', marginBottom: 12 }}>
            {t('auth.heroTitle')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.78)', fontSize: 15, maxWidth: 460 }}>
            {t('auth.heroText')}
          </Typography.Paragraph>
          <Flex vertical gap={10} style={{ marginTop: 24 }}>
            {highlights.map((h) => (
              <Flex key={h} gap={10} align="center" style={{ color: 'rgba(255,255,255,0.9)' }}>
                <CheckCircleOutlined style={{ color: '#7fb0ff' }} />
                <span>{t(`auth.highlights.${h}`)}</span>
              </Flex>
            ))}
          </Flex>
        </div>
        <div style={{ opacity: 0.55, fontSize: 12 }}>{t('app.footer')}</div>
      </Flex>
      <Flex vertical style={{ flex: 1, background: '#f5f7fa' }}>
        <Flex justify="flex-end" style={{ padding: '20px 28px' }}>
          <LanguageSwitch />
        </Flex>
        <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
          <Card style={{ width: 420, boxShadow: '0 8px 30px rgba(15,31,61,0.08)' }} variant="borderless">
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {title}
            </Typography.Title>
            {subtitle ? (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
                {subtitle}
              </Typography.Paragraph>
            ) : null}
            {children}
          </Card>
        </Flex>
      </Flex>
    </Flex>
  );
}
