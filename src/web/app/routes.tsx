import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import type { PageKey } from './access';
import { Guard } from './Guard';
import { PublicLayout } from './PublicLayout';
import { RequireAuth } from './RequireAuth';

// One chunk per page (stack.md gotcha 12: antd + echarts in one chunk is 1.5 MB).
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const AcceptInvitationPage = lazy(() => import('../features/auth/AcceptInvitationPage'));
const AccountPage = lazy(() => import('../features/auth/AccountPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const OrgProfilePage = lazy(() => import('../features/identity/OrgProfilePage'));
const OrgsPage = lazy(() => import('../features/identity/OrgsPage'));
const UsersPage = lazy(() => import('../features/identity/UsersPage'));
const TokensPage = lazy(() => import('../features/identity/TokensPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const NotFoundPage = lazy(() => import('../features/NotFoundPage'));
const ReportsPage = lazy(() => import('../features/vulnerabilities/ReportsPage'));
const SubmitReportPage = lazy(() => import('../features/vulnerabilities/SubmitReportPage'));
const UnroutedPage = lazy(() => import('../features/vulnerabilities/UnroutedPage'));
const ReportDetailPage = lazy(() => import('../features/vulnerabilities/ReportDetailPage'));
const NationalReportsPage = lazy(() => import('../features/national-reports/NationalReportsPage'));
const NationalReportPage = lazy(() => import('../features/national-reports/NationalReportPage'));
const NationalReportPrintPage = lazy(() => import('../features/national-reports/NationalReportPrintPage'));
const PlatformFilingsPage = lazy(() => import('../features/platforms/PlatformFilingsPage'));
const FiledPlatformsPage = lazy(() => import('../features/platforms/FiledPlatformsPage'));
const FreezeWindowsPage = lazy(() => import('../features/freeze-windows/FreezeWindowsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const AdvisoriesPage = lazy(() => import('../features/advisories/AdvisoriesPage'));
const AdvisoryPage = lazy(() => import('../features/advisories/AdvisoryPage'));
const AssetsPage = lazy(() => import('../features/exposure/AssetsPage'));
const AssetDetailPage = lazy(() => import('../features/exposure/AssetDetailPage'));
const ExposuresPage = lazy(() => import('../features/exposure/ExposuresPage'));
const AdvisoryImportPage = lazy(() => import('../features/exposure/AdvisoryImportPage'));
const AffectedPage = lazy(() => import('../features/exposure/AffectedPage'));
const AffectedUsersPage = lazy(() => import('../features/exposure/AffectedUsersPage'));
const ProductsPage = lazy(() => import('../features/products/ProductsPage'));
const FilingPage = lazy(() => import('../features/platforms/FilingPage'));
const AnonymousReportPage = lazy(() => import('../features/intake/AnonymousReportPage'));
const FollowReportPage = lazy(() => import('../features/intake/FollowReportPage'));
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage'));
const ReportIncidentPage = lazy(() => import('../features/incidents/ReportIncidentPage'));
const IncidentPage = lazy(() => import('../features/incidents/IncidentPage'));
const DataCatalogPage = lazy(() => import('../features/data-catalog/DataCatalogPage'));
const CatalogReviewsPage = lazy(() => import('../features/data-catalog/CatalogReviewsPage'));
const CatalogCertificatePage = lazy(() => import('../features/data-catalog/CertificatePage'));
const ExaminationsPage = lazy(() => import('../features/assessments/ExaminationsPage'));
const ExaminationPage = lazy(() => import('../features/assessments/ExaminationPage'));
const CorrectiveActionsPage = lazy(() => import('../features/assessments/CorrectiveActionsPage'));
const RiskAssessmentsPage = lazy(() => import('../features/assessments/RiskAssessmentsPage'));
const ProgrammePage = lazy(() => import('../features/programme/ProgrammePage'));
const TrainingPage = lazy(() => import('../features/training/TrainingPage'));
const EnterprisesPage = lazy(() => import('../features/enterprises/EnterprisesPage'));
const DrillsPage = lazy(() => import('../features/drills/DrillsPage'));
const DrillConsolePage = lazy(() => import('../features/drills/DrillConsolePage'));
const AfterActionPage = lazy(() => import('../features/drills/AfterActionPage'));
const ScenariosPage = lazy(() => import('../features/drills/ScenariosPage'));
const ScenarioDesignerPage = lazy(() => import('../features/drills/ScenarioDesignerPage'));
const SupervisionPage = lazy(() => import('../features/supervision/SupervisionPage'));
const DrillListPage = lazy(() => import('../features/supervision/DrillListPage'));

const guarded = (path: string, page: PageKey, element: ReactNode) => ({
  path,
  element: <Guard page={page}>{element}</Guard>,
});

/** The route table; workspace pages sit behind RequireAuth and the shared layout. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/accept', element: <AcceptInvitationPage /> },
  {
    element: <PublicLayout />,
    children: [
      { path: '/advisories', element: <AdvisoriesPage /> },
      { path: '/advisories/:ref', element: <AdvisoryPage /> },
      { path: '/platforms', element: <FiledPlatformsPage /> },
      { path: '/intake', element: <AnonymousReportPage /> },
      { path: '/intake/follow', element: <FollowReportPage /> },
    ],
  },
  {
    // Printed on its own, without the workspace frame.
    path: '/national-reports/:id/print',
    element: (
      <RequireAuth>
        <Guard page="nationalReports">
          <NationalReportPrintPage />
        </Guard>
      </RequireAuth>
    ),
  },
  {
    // The filing certificate, printed on its own; the server shows it only to the filing's enterprise and regulators.
    path: '/catalog-certificates/:id',
    element: (
      <RequireAuth>
        <CatalogCertificatePage />
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      guarded('supervision', 'supervision', <SupervisionPage />),
      guarded('supervision/lists/:kind', 'supervision', <DrillListPage />),
      guarded('vulnerabilities', 'vulnerabilities', <ReportsPage />),
      guarded('vulnerabilities/new', 'submit', <SubmitReportPage />),
      guarded('vulnerabilities/unrouted', 'unrouted', <UnroutedPage />),
      guarded('vulnerabilities/:id', 'vulnerabilities', <ReportDetailPage />),
      guarded('national-reports', 'nationalReports', <NationalReportsPage />),
      guarded('national-reports/:id', 'nationalReports', <NationalReportPage />),
      guarded('products', 'products', <ProductsPage />),
      guarded('inventory', 'assets', <AssetsPage />),
      guarded('inventory/:id', 'assets', <AssetDetailPage />),
      guarded('exposures', 'exposures', <ExposuresPage />),
      guarded('affected-users', 'affectedUsers', <AffectedUsersPage />),
      guarded('match-advisories/import', 'advisoryImport', <AdvisoryImportPage />),
      guarded('match-advisories/affected', 'affected', <AffectedPage />),
      guarded('filing', 'filing', <FilingPage />),
      guarded('platform-filings', 'platformFilings', <PlatformFilingsPage />),
      guarded('freeze-windows', 'freezeWindows', <FreezeWindowsPage />),
      guarded('incidents', 'incidents', <IncidentsPage />),
      guarded('incidents/new', 'incidents', <ReportIncidentPage />),
      guarded('incidents/:id', 'incidents', <IncidentPage />),
      guarded('data-catalog', 'dataCatalog', <DataCatalogPage />),
      guarded('catalog-reviews', 'catalogReviews', <CatalogReviewsPage />),
      guarded('self-examinations', 'examinations', <ExaminationsPage />),
      guarded('self-examinations/:id', 'examinations', <ExaminationPage />),
      guarded('corrective-actions', 'correctiveActions', <CorrectiveActionsPage />),
      guarded('risk-assessments', 'riskAssessments', <RiskAssessmentsPage />),
      guarded('programme', 'programme', <ProgrammePage />),
      guarded('training', 'training', <TrainingPage />),
      guarded('enterprises', 'enterprises', <EnterprisesPage />),
      guarded('drills', 'drills', <DrillsPage />),
      guarded('drills/:id', 'drills', <DrillConsolePage />),
      guarded('drills/:id/report', 'drills', <AfterActionPage />),
      guarded('drill-scenarios', 'drillScenarios', <ScenariosPage />),
      guarded('drill-scenarios/:id', 'drillScenarios', <ScenarioDesignerPage />),
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'org', element: <OrgProfilePage /> },
      {
        path: 'orgs',
        element: (
          <Guard page="orgs">
            <OrgsPage />
          </Guard>
        ),
      },
      {
        path: 'orgs/:orgId',
        element: (
          <Guard page="orgs">
            <OrgProfilePage />
          </Guard>
        ),
      },
      {
        path: 'users',
        element: (
          <Guard page="users">
            <UsersPage />
          </Guard>
        ),
      },
      { path: 'tokens', element: <TokensPage /> },
      {
        path: 'audit',
        element: (
          <Guard page="audit">
            <AuditPage />
          </Guard>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
