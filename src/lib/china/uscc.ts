// GB 32100-2015 §4: the code alphabet excludes I, O, Z, S and V.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 §5: weights 3^(i-1) mod 31 for positions 1..17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (GB 32100-2015 §5) for the first 17 characters of a code, or null when they cannot occur. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a unified social credit code is invalid, or null when it is valid. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  const bad = [...code.slice(0, 17)].findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) return `character ${bad + 1} (${code[bad]}) is not allowed`;
  const expected = usccCheckCharacter(code.slice(0, 17));
  return code[17] === expected ? null : `check character must be ${expected}`;
}

/** Whether a string is a valid 18-character unified social credit code (GB 32100-2015). */
export const isUscc = (code: string) => usccProblem(code) === null;
