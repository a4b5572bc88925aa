// The input is first rounded to 5 decimals so that floating-point noise (4.000000001) does not round up.
// v3.0 defines the same mathematical round-up, so it uses this too.
/** CVSS v3.1 Appendix A "Roundup": the smallest one-decimal number >= the input. */
export function roundUp1(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

// Likewise applied to the input rounded to 5 decimals, so 4.35 computed as 4.3499999 still becomes 4.4.
/** CVSS v2.0 guide 3.2.1 "round_to_1_decimal" (half up); negative zero becomes 0. */
export function roundHalfUp1(value: number): number {
  const scaled = Math.round(value * 100_000);
  return Math.floor((scaled + 5_000) / 10_000) / 10 + 0;
}
