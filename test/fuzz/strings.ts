import fc from 'fast-check';

/**
 * Text that breaks naive code: lone and swapped surrogates, bidi overrides (CVE-2021-42574 "Trojan Source"),
 * zero-width characters, NUL and other C0/C1 controls, emoji ZWJ sequences, combining-mark stacks, non-characters,
 * full-width digits and formula starters, SQL/LIKE/regex metacharacters and CSV/HTML/template injections.
 */
export const UNICODE_EDGES: readonly string[] = [
  '\uD800',
  '\uDFFF',
  'a\uDC00b\uD83D',
  '\uDE00\uD83D',
  '\u202Eevil\u202C.exe',
  '\u2066\u2069\u2067\u2068',
  'admin\u200B',
  '\u200D\u200C\uFEFF\u2060',
  '\u0000',
  'a\u0000b',
  '\u0001\u001F\u007F\u0085\u009F',
  '\u2028\u2029',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈🧑🏽‍💻',
  `Z${'\u0335\u0336\u0337\u0338'.repeat(50)}`,
  '\uFFFE\uFFFF\uFDD0',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '１２３',
  '٣٤٥',
  '＝１＋１',
  '=cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '+1+1',
  '-1+1',
  '\t=1',
  '\r=1',
  "' OR '1'='1",
  '%_\\',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: regex and template metacharacters, meant literally
  '.*+?^${}()|[]\\',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '{{7*7}}${7*7}',
  '\\u0000',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  '¯\\_(ツ)_/¯',
  '中文名称（测试）',
  'İıŞşĞğ',
  'ß'.repeat(64),
];

/** Strings meant as file names or path segments that try to escape a directory. */
export const TRAVERSALS: readonly string[] = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '\\\\server\\share\\x',
  '....//....//etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%c0%af..%c0%afetc%c0%afpasswd',
  '..%252f..%252fetc%252fpasswd',
  'passwd\u0000.png',
  '.',
  '..',
  '...',
  '.bashrc',
  'CON',
  'nul.txt',
  'aux:stream',
  'file:///etc/passwd',
  '~/.ssh/id_rsa',
];

/** Lengths for oversized strings: past every `maxLength`, past Fastify's 100-char path parameter cap, near the 1 MiB body limit. */
export const HUGE_LENGTHS = [101, 1_001, 65_537, 1_048_577] as const;

/** A deterministic oversized string of `n` code units made of `unit` repeated. */
export const huge = (n: number, unit = 'A') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** An arbitrary edge-case string: one of the lists above, a random full-range string, or two glued together. */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
    { weight: 2, arbitrary: fc.constantFrom(...TRAVERSALS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...UNICODE_EDGES), fc.constantFrom(...TRAVERSALS))
        .map(([a, b]) => a + b),
    },
  );

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Percent-encodes a string as raw UTF-8 bytes without the URIError `encodeURIComponent` throws on lone surrogates:
 * a lone surrogate becomes its WTF-8 bytes (ED A0 80 …), which is invalid UTF-8 the server must reject cleanly.
 */
export function encodeSegment(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (/[A-Za-z0-9\-_.~]/.test(s[i] as string)) {
      out += s[i];
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out += hex(cp);
    else if (cp < 0x800) out += hex(0xc0 | (cp >> 6)) + hex(0x80 | (cp & 63));
    else if (cp < 0x10000)
      out += hex(0xe0 | (cp >> 12)) + hex(0x80 | ((cp >> 6) & 63)) + hex(0x80 | (cp & 63));
    else
      out +=
        hex(0xf0 | (cp >> 18)) +
        hex(0x80 | ((cp >> 12) & 63)) +
        hex(0x80 | ((cp >> 6) & 63)) +
        hex(0x80 | (cp & 63));
  }
  return out;
}

/** Raw (already-encoded) URL fragments: overlong UTF-8, broken escapes, encoded NUL and slashes, double encoding. */
export const RAW_URL_PIECES: readonly string[] = [
  '%C0%AE%C0%AE%2F',
  '%E0%80%AF',
  '%F0%80%80%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%%%',
  '%E4%B8',
  '%00',
  '..%2F..%2F',
  '%2e%2e',
  '%252e%252e%252f',
  ';jsessionid=1',
  '%0d%0aSet-Cookie:%20x=1',
  '%23frag',
  '%3F%3D%26',
];
