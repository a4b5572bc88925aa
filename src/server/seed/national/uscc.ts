import { usccCheckCharacter } from '../../../lib/china/uscc';
import type { Rng } from './random';

// GB 32100-2015 code alphabet (no I, O, Z, S, V); the organisation-code body uses it too so the code stays valid.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 11714-1997 organisation code: weights of the 8 body characters; letters count A = 10 … Z = 35.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const orgCharValue = (c: string) => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55);

/** The GB 11714-1997 check character of an 8-character organisation-code body. */
function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A unified social credit code (GB 32100-2015) of an enterprise registered with the market regulator (9, 1) in
 * `divisionCode`'s area: the 9-character organisation code is a recent `MA…` one with its own GB 11714 check
 * character, and the 18th character is the GB 32100 check character.
 */
export function generateUscc(rng: Rng, divisionCode: string): string {
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += ALPHABET[rng.int(0, ALPHABET.length - 1)];
  const area = `${divisionCode.slice(0, 4)}${String(rng.int(0, 20)).padStart(2, '0')}`;
  const first17 = `91${area}${body}${orgCheck(body)}`;
  return first17 + usccCheckCharacter(first17)!;
}
