import { z } from 'zod';
import { Timestamp } from './common';

/** Filing status: drafted by the platform, submitted to MIIT, approved (filed) or rejected, or revoked. */
export const FilingStatus = z.enum(['draft', 'submitted', 'approved', 'rejected', 'revoked']);

/** A responsible person with contacts (146号 filing contents). */
export const Contact = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(5).max(40),
  email: z.email().max(254),
});

/**
 * Collection-platform filing contents (《网络产品安全漏洞收集平台备案管理办法》, 工信部网安〔2022〕146号).
 * The list follows the comment draft; the final list is unconfirmed (regulations.md §1.2).
 */
export const FilingFields = z.strictObject({
  platformName: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(500),
  icpNumber: z.string().trim().min(4).max(100).describe('ICP filing/licence number, e.g. 京ICP备12345678号'),
  publicationChannels: z.array(z.string().trim().min(1).max(200)).max(20),
  hostName: z.string().trim().min(1).max(200).describe('The organisation running the platform'),
  hostUscc: z.string().length(18).describe('Unified social credit code of the host (GB 32100-2015)'),
  responsiblePerson: Contact,
  contacts: z.array(Contact).max(10),
  registeredCapital: z.string().trim().max(100),
  shareholding: z.string().trim().max(2000),
  collectionScope: z.string().trim().min(1).max(4000),
  collectionMethods: z.string().trim().min(1).max(4000),
  verificationRules: z.string().trim().min(1).max(4000),
  notificationRules: z.string().trim().min(1).max(4000),
  publicationRules: z.string().trim().min(1).max(4000),
  userIdentityRules: z.string().trim().min(1).max(4000),
  mlpsLevel3FilingNumber: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Proof of the level-3 protection filing'),
  commitmentLetterSigned: z.boolean().describe('Signed and sealed commitment letter provided'),
});

/** A platform filing as the API returns it. */
export const Filing = FilingFields.extend({
  id: z.uuid(),
  orgId: z.uuid(),
  status: FilingStatus,
  filingNumber: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  decidedAt: Timestamp.nullable(),
  decisionReason: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** The ministry's decision on a submitted filing. */
export const FilingDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject', 'revoke']),
  reason: z.string().trim().max(2000).optional(),
});

/** Filter for the ministry's filing queue. */
export const FilingListQuery = z.strictObject({ status: FilingStatus.optional() });

/** A filed (approved) platform in the public list (RMSV art. 10: MIIT publishes the list). */
export const FiledPlatform = z.object({
  platformName: z.string(),
  url: z.string(),
  hostName: z.string(),
  filingNumber: z.string(),
  filedAt: Timestamp,
});
