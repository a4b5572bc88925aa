import { AppError, invalid } from '../../core/errors';
import type { DenyReason } from './rules/lifecycle';

/** Vulnerability error codes, one line of meaning each. */
export const vulnErrors = {
  /** A collection platform must be filed with MIIT before it submits as a platform (RMSV art. 10). */
  platformNotFiled: () =>
    new AppError(
      403,
      'intake.platform_not_filed',
      'This collection platform is not filed with MIIT; file it before submitting reports as a platform.',
    ),
  /** Only collection platforms report on behalf of researchers. */
  onBehalfNotAllowed: () =>
    invalid('body.onBehalfOf', 'Only collection platforms report on behalf of a researcher.'),
  /** The product id is not in the catalogue. */
  unknownProduct: () =>
    invalid('body.productId', 'No such product in the catalogue; name it in productText instead.'),
  /** A CVSS vector did not parse. */
  badCvss: (i: number, message: string) => invalid(`body.cvss.${i}`, message, 'validation.cvss'),
  /** The claim code is unknown. */
  unknownClaim: () => new AppError(404, 'intake.unknown_claim', 'No report has this claim code.'),
  /** An external id does not have its registry's format. */
  badExternalId: (field: string, value: string) =>
    invalid(
      `body.${field}`,
      `${value} is not a ${field.toUpperCase()} identifier.`,
      'validation.external_id',
    ),
  /** The lifecycle refused a step. */
  denied: (reason: DenyReason, state: string, event: string) => {
    if (reason === 'role-forbidden') {
      return new AppError(
        403,
        'vulnerability.role_forbidden',
        `Your role may not ${event} a report in state ${state}.`,
      );
    }
    if (reason === 'invalid-transition') {
      return new AppError(
        409,
        'vulnerability.invalid_transition',
        `A report in state ${state} cannot ${event}.`,
      );
    }
    return new AppError(409, `vulnerability.${reason}`, `Refused: ${reason.replace(/-/g, ' ')}.`);
  },
  /** The duplicate target is not a report on the same vendor's products. */
  badDuplicateTarget: () => invalid('body.duplicateOf', 'Not a report on the same vendor\u2019s products.'),
  /** The attachment is too large or its content is not allowed. */
  badAttachment: (message: string) => invalid('body.contentBase64', message, 'validation.attachment'),
};
