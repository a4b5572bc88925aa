import type { GbtInput, IntakeInput } from '../../lib/types';

/** GB/T 30279 indicators as the form holds them: every select may still be empty. */
export interface GbtDraft {
  exploitability?: Partial<GbtInput['exploitability']>;
  impact?: Partial<GbtInput['impact']>;
  environment?: Partial<NonNullable<GbtInput['environment']>>;
}

/** The intake form's values (signed-in and anonymous). */
export interface IntakeFormValues {
  productMode: 'catalogue' | 'text';
  productId?: string;
  productText?: { vendorName?: string; productName?: string; model?: string };
  affectedVersions: string[];
  cwe?: string;
  title: string;
  description: string;
  cvss?: (string | undefined)[];
  useGbt?: boolean;
  gbt?: GbtDraft;
  onBehalfOf?: string;
  contactEmail?: string;
}

const trimmed = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : undefined;
};

const complete = <T extends object>(o: Partial<T> | undefined, keys: readonly (keyof T)[]): T | undefined =>
  o && keys.every((k) => o[k] !== undefined && o[k] !== null) ? (o as T) : undefined;

/** GB/T indicators to send: exploitability and impact complete, environment only when all three are set. */
export function gbtFrom(d: GbtDraft | undefined): GbtInput | undefined {
  const exploitability = complete<GbtInput['exploitability']>(d?.exploitability, [
    'accessPath',
    'trigger',
    'privileges',
    'interaction',
  ]);
  const impact = complete<GbtInput['impact']>(d?.impact, ['confidentiality', 'integrity', 'availability']);
  if (!exploitability || !impact) return undefined;
  const environment = complete<NonNullable<GbtInput['environment']>>(d?.environment, [
    'exploitationCost',
    'fixDifficulty',
    'impactScope',
  ]);
  return environment ? { exploitability, impact, environment } : { exploitability, impact };
}

/** The intake body for the form's values: exactly one of productId / productText, blanks left out. */
export function toIntake(v: IntakeFormValues): IntakeInput {
  const product =
    v.productMode === 'catalogue'
      ? { productId: v.productId }
      : {
          productText: {
            vendorName: v.productText?.vendorName?.trim() ?? '',
            productName: v.productText?.productName?.trim() ?? '',
            model: trimmed(v.productText?.model),
          },
        };
  const gbt = v.useGbt ? gbtFrom(v.gbt) : undefined;
  return {
    ...product,
    affectedVersions: v.affectedVersions.map((x) => x.trim()).filter(Boolean),
    title: v.title.trim(),
    cwe: trimmed(v.cwe)?.toUpperCase(),
    description: v.description.trim(),
    cvss: (v.cvss ?? []).map(trimmed).filter((x): x is string => Boolean(x)),
    ...(gbt ? { gbt } : {}),
    ...(trimmed(v.onBehalfOf) ? { onBehalfOf: trimmed(v.onBehalfOf) } : {}),
    ...(trimmed(v.contactEmail) ? { contactEmail: trimmed(v.contactEmail) } : {}),
  };
}

/** A file's bytes as base64, for the JSON attachment upload. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunked so large files do not overflow the argument list of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
