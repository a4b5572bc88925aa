import { z } from 'zod';
import { Timestamp } from './common';

/** A CPE 2.3 formatted string (NISTIR 7695 §6.2): `cpe:2.3:part:vendor:product:version:…` (13 fields). */
export const Cpe23 = z
  .string()
  .max(400)
  .regex(/^cpe:2\.3:[aho*-](?::(?:[^:\\]|\\.)*){10}$/, 'must be a CPE 2.3 formatted string');

/** A Package URL string; parsed and normalised by the server. */
export const PurlString = z.string().min(8).max(1000).startsWith('pkg:', 'must start with pkg:');

/** An affected-version range in OSV event terms; versions are the product's own version strings. */
export const VersionRange = z.strictObject({
  introduced: z.string().min(1).max(100).optional(),
  fixed: z.string().min(1).max(100).optional(),
  lastAffected: z.string().min(1).max(100).optional(),
});

/** A network product a vendor registers. */
export const Product = z.object({
  id: z.uuid(),
  vendorOrgId: z.uuid(),
  vendorName: z.string(),
  name: z.string(),
  model: z.string().nullable(),
  versions: z.array(z.string()),
  versionRanges: z.array(VersionRange),
  purl: z.string().nullable(),
  cpe: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A product. */
export type Product = z.infer<typeof Product>;

/** Fields a vendor sets on a product. */
export const ProductBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  model: z.string().trim().max(200).optional(),
  versions: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
  versionRanges: z.array(VersionRange).max(50).default([]),
  purl: PurlString.optional(),
  cpe: Cpe23.optional(),
});

/** Editable product fields. */
export const UpdateProductBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  model: z.string().trim().max(200).nullable().optional(),
  versions: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
  versionRanges: z.array(VersionRange).max(50).optional(),
  purl: PurlString.nullable().optional(),
  cpe: Cpe23.nullable().optional(),
});

/** Product search for the public catalogue (intake needs it) and vendors' own lists. */
export const ProductListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  vendorOrgId: z.uuid().optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An upstream component of a product, with its maker when that vendor is on the platform. */
export const Component = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  purl: z.string(),
  name: z.string(),
  version: z.string().nullable(),
  upstreamVendorOrgId: z.uuid().nullable(),
  createdAt: Timestamp,
});

/** Adds an upstream component by purl. */
export const ComponentBody = z.strictObject({
  purl: PurlString,
  upstreamVendorOrgId: z.uuid().optional(),
});
