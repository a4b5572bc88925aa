import { invalid } from '../../core/errors';

/** Evidence error codes. */
export const evidenceErrors = {
  /** The upload is empty, not base64, or over the size cap. */
  badFile: (message: string) => invalid('body.contentBase64', message, 'evidence.bad_file'),
};
