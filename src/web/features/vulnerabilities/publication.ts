import { ApiError } from '../../lib/problem';
import { DISCLOSURE_CODES } from '../../lib/reports';
import type { PublicationInput } from '../../lib/types';

/** One RMSV art. 9 check the disclosure gate failed, with the item it concerns (`recipients.0`, a field path). */
export interface Refusal {
  code: (typeof DISCLOSURE_CODES)[number] | 'unknown';
  /** The request item the failure points at, without the `body.` prefix; null for the request as a whole. */
  target: string | null;
  /** The server's own wording (English, with the clause), shown when the UI has none. */
  message: string;
}

const isCode = (c: string): c is Refusal['code'] => (DISCLOSURE_CODES as readonly string[]).includes(c);

/** The refusals in a 422 `disclosure.refused` problem, or null when the error is something else. */
export function refusalsOf(err: unknown): Refusal[] | null {
  if (!(err instanceof ApiError) || err.code !== 'disclosure.refused') return null;
  return (err.problem.errors ?? []).map((e) => {
    const code = e.code.replace(/^disclosure\./, '');
    const target = e.path.replace(/^body\.?/, '');
    return { code: isCode(code) ? code : 'unknown', target: target || null, message: e.message };
  });
}

/** A publication request as the form holds it: optional lists may be missing, rows half filled. */
export interface PublicationFormValues {
  publicTitle: string;
  publicDescription: string;
  includesFixOrMitigation: boolean;
  publicAttachmentIds?: string[];
  fields?: { path?: string; operatorSystemDetail?: boolean; published?: boolean }[];
  recipients?: { name?: string; country?: string; productProvider?: boolean }[];
  statedGrade?: PublicationInput['statedGrade'];
}

/** The request body: rows without a path or name are dropped, flags default to false. */
export function toPublication(v: PublicationFormValues): PublicationInput {
  return {
    publicTitle: v.publicTitle.trim(),
    publicDescription: v.publicDescription.trim(),
    includesFixOrMitigation: v.includesFixOrMitigation,
    publicAttachmentIds: v.publicAttachmentIds ?? [],
    fields: (v.fields ?? [])
      .filter((f) => f.path?.trim())
      .map((f) => ({
        path: f.path!.trim(),
        operatorSystemDetail: Boolean(f.operatorSystemDetail),
        published: Boolean(f.published),
      })),
    recipients: (v.recipients ?? [])
      .filter((r) => r.name?.trim() && r.country)
      .map((r) => ({
        name: r.name!.trim(),
        country: r.country!,
        productProvider: Boolean(r.productProvider),
      })),
    ...(v.statedGrade ? { statedGrade: v.statedGrade } : {}),
  };
}
