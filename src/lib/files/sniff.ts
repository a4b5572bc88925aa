/** What a file's leading bytes say it is. */
export interface Sniffed {
  /** The media type the bytes prove (or text/plain, application/octet-stream when nothing more is known). */
  mime: string;
  /** Native executables and scripts with an interpreter line: never evidence, and flagged on PoC uploads. */
  executable: boolean;
}

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Magic numbers of the formats evidence and proof-of-concept files usually come in (file(1)'s magic, WHATWG MIME Sniffing). */
const SIGNATURES: { mime: string; sig: readonly number[]; at?: number; executable?: boolean }[] = [
  { mime: 'application/pdf', sig: ascii('%PDF-') },
  { mime: 'image/png', sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', sig: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', sig: ascii('GIF8') },
  { mime: 'image/webp', sig: ascii('WEBP'), at: 8 },
  { mime: 'application/zip', sig: [0x50, 0x4b, 0x03, 0x04] },
  { mime: 'application/zip', sig: [0x50, 0x4b, 0x05, 0x06] },
  { mime: 'application/gzip', sig: [0x1f, 0x8b] },
  { mime: 'application/x-7z-compressed', sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { mime: 'application/vnd.rar', sig: ascii('Rar!') },
  { mime: 'application/x-ole-storage', sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { mime: 'application/vnd.tcpdump.pcap', sig: [0xd4, 0xc3, 0xb2, 0xa1] },
  { mime: 'application/vnd.tcpdump.pcap', sig: [0x0a, 0x0d, 0x0d, 0x0a] },
  { mime: 'application/x-msdownload', sig: ascii('MZ'), executable: true },
  { mime: 'application/x-elf', sig: [0x7f, 0x45, 0x4c, 0x46], executable: true },
  { mime: 'application/x-mach-binary', sig: [0xcf, 0xfa, 0xed, 0xfe], executable: true },
  { mime: 'application/x-mach-binary', sig: [0xce, 0xfa, 0xed, 0xfe], executable: true },
  { mime: 'application/x-mach-binary', sig: [0xca, 0xfe, 0xba, 0xbe], executable: true },
  { mime: 'text/x-shellscript', sig: ascii('#!'), executable: true },
];

/** Whether the bytes read as UTF-8 text: valid UTF-8 and no NUL or other C0 controls beyond tab, LF, CR, FF and ESC. */
function isText(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  return !b.some((c) => c < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(c));
}

/**
 * The type a file really has, from its content rather than its name or the client's declared type, so a stored
 * file is labelled by what it is (an `.pdf` that is an ELF binary is an executable).
 */
export function sniff(bytes: Uint8Array): Sniffed {
  for (const s of SIGNATURES) {
    if (starts(bytes, s.sig, s.at ?? 0)) return { mime: s.mime, executable: s.executable === true };
  }
  const head = bytes.subarray(0, 8192);
  if (isText(head.length < bytes.length ? head.subarray(0, lastCharBoundary(head)) : head)) {
    return { mime: 'text/plain', executable: false };
  }
  return { mime: 'application/octet-stream', executable: false };
}

/** Cuts a UTF-8 prefix at the start of its last (possibly incomplete) character. */
function lastCharBoundary(b: Uint8Array): number {
  let i = b.length;
  for (let k = 0; k < 4 && i > 0; k++) {
    i--;
    if (((b[i] ?? 0) & 0xc0) !== 0x80) return i;
  }
  return b.length;
}

const TEXTUAL = /^(text\/[\w.+-]+|application\/(json|xml|csv|x-yaml|yaml|[\w.+-]+\+(json|xml)))$/;

/**
 * The type to store and serve a file under: the sniffed one when the bytes prove a format; for text, the declared
 * type if it is a textual one (CSV, JSON, XML…) and text/plain otherwise; never a declared binary type the bytes
 * do not bear out.
 */
export function labelFor(declared: string, sniffed: Sniffed): string {
  const d = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (sniffed.mime === 'text/plain') return TEXTUAL.test(d) ? d : 'text/plain';
  return sniffed.mime;
}
