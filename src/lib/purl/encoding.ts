import { type PurlComponent, PurlError } from './errors';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/** ECMA-427 "Character encoding": alphanumerics, `.-_~` and the colon are never percent-encoded. */
function isVerbatimByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x2e ||
    byte === 0x2d ||
    byte === 0x5f ||
    byte === 0x7e ||
    byte === 0x3a
  );
}

/** Percent-encodes one component string (UTF-8, upper-case hex) as the canonical form requires. */
export function percentEncode(value: string, component: PurlComponent): string {
  if (LONE_SURROGATE.test(value)) {
    throw new PurlError(component, `The ${component} is not valid Unicode text.`);
  }
  let out = '';
  for (const byte of utf8Encoder.encode(value)) {
    out += isVerbatimByte(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decodes `%XX` triplets as UTF-8; `+` stays a plus sign (a purl is not form-encoded). */
export function percentDecode(value: string, component: PurlComponent): string {
  if (!value.includes('%')) return value;
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    try {
      out += utf8Decoder.decode(Uint8Array.from(bytes));
    } catch {
      throw new PurlError(component, `The ${component} "${value}" percent-decodes to invalid UTF-8.`);
    }
    bytes = [];
  };
  for (let i = 0; i < value.length; ) {
    if (value[i] === '%') {
      const hex = value.slice(i + 1, i + 3);
      if (!HEX_PAIR.test(hex)) {
        throw new PurlError(
          component,
          `Malformed percent-encoding "${value.slice(i, i + 3)}" in ${component}.`,
        );
      }
      bytes.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      flush();
      out += value[i];
      i += 1;
    }
  }
  flush();
  return out;
}
