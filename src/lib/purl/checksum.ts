import { PurlError } from './errors';
import type { Purl } from './types';

/** One item of a purl `checksum` qualifier. */
export interface PurlChecksum {
  readonly algorithm: string;
  readonly value: string;
}

const ITEM = /^([a-z0-9][a-z0-9-]*):([0-9a-f]+)$/i;

/** Splits the `checksum` qualifier into lowercase algorithm/digest pairs; [] when it is absent. */
export function purlChecksums(purl: Purl): PurlChecksum[] {
  // purl-spec known qualifiers: "checksum" is a comma-separated list of "algorithm:hexvalue" items.
  const raw = purl.qualifiers?.checksum;
  if (raw === undefined) return [];
  return raw.split(',').map((item) => {
    const match = ITEM.exec(item);
    if (!match) {
      throw new PurlError('qualifiers', `Invalid checksum "${item}": expected "algorithm:hexdigest".`);
    }
    return { algorithm: match[1]!.toLowerCase(), value: match[2]!.toLowerCase() };
  });
}
