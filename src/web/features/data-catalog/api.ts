import type { z } from 'zod';
import type {
  CatalogFiling,
  CatalogFilingDetail,
  CatalogOverview,
  Classification,
  CreateDataAssetBody,
  DataAsset,
  DataAssetWrite,
  FilingCertificate,
  FilingStatus,
  LevelOverride,
  UpdateDataAssetBody,
  WizardQuestions,
} from '../../../contracts/data-catalog';
import { http } from '../../lib/api';

/** A data asset. */
export type DataAssetT = z.infer<typeof DataAsset>;
/** A data level. */
export type Level = DataAssetT['level'];
/** The answer to an asset write. */
export type AssetWriteT = z.infer<typeof DataAssetWrite>;
/** The wizard's questions. */
export type QuestionsT = z.infer<typeof WizardQuestions>;
/** One wizard question. */
export type QuestionT = QuestionsT['questions'][number];
/** A wizard result. */
export type ClassificationT = z.infer<typeof Classification>;
/** A filing in a list. */
export type FilingT = z.infer<typeof CatalogFiling>;
/** A filing with snapshot and timeline. */
export type FilingDetailT = z.infer<typeof CatalogFilingDetail>;
/** A filing's status. */
export type FilingStatusT = z.infer<typeof FilingStatus>;
/** The enterprise's catalog overview. */
export type OverviewT = z.infer<typeof CatalogOverview>;
/** A filing certificate. */
export type CertificateT = z.infer<typeof FilingCertificate>;
/** A level override. */
export type OverrideT = z.infer<typeof LevelOverride>;
/** Body of an asset registration. */
export type CreateAssetInput = z.input<typeof CreateDataAssetBody>;
/** Body of an asset edit. */
export type UpdateAssetInput = z.input<typeof UpdateDataAssetBody>;

const seg = encodeURIComponent;
const filing = (id: string, tail = '') => `/api/data-catalog/filings/${seg(id)}${tail}`;

/** The data-catalog endpoints (Measures 2022 catalog and filing). */
export const catalogApi = {
  questions: () => http.get<QuestionsT>('/api/data-catalog/questions'),
  classify: (answers: Record<string, string>, override?: OverrideT | null) =>
    http.post<ClassificationT>('/api/data-catalog/classify', { answers, override }),
  overview: () => http.get<OverviewT>('/api/data-catalog/overview'),
  assets: (status?: 'active' | 'destroyed') => http.get<DataAssetT[]>('/api/data-catalog/assets', { status }),
  createAsset: (body: CreateAssetInput) => http.post<AssetWriteT>('/api/data-catalog/assets', body),
  updateAsset: (id: string, body: UpdateAssetInput) =>
    http.patch<AssetWriteT>(`/api/data-catalog/assets/${seg(id)}`, body),
  destroyAsset: (id: string) => http.post<AssetWriteT>(`/api/data-catalog/assets/${seg(id)}/destroy`),
  filings: (status?: FilingStatusT) => http.get<FilingT[]>('/api/data-catalog/filings', { status }),
  filing: (id: string) => http.get<FilingDetailT>(filing(id)),
  submit: () => http.post<FilingT>('/api/data-catalog/filings'),
  resubmit: (id: string) => http.post<FilingT>(filing(id, '/resubmit')),
  approve: (id: string) => http.post<FilingT>(filing(id, '/approve')),
  returnFiling: (id: string, comment: string) => http.post<FilingT>(filing(id, '/return'), { comment }),
  certificate: (id: string) => http.get<CertificateT>(filing(id, '/certificate')),
};

/** Where a filing's printable certificate opens. */
export const certificatePath = (id: string) => `/catalog-certificates/${seg(id)}`;
