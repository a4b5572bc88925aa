// Minimal RFC 5322 / RFC 2045 / RFC 2047 reader so tests can assert on what an SMTP server actually received
// without depending on nodemailer's own MIME code (mailparser is not installed).

/** A parsed MIME entity: lower-cased header names (unfolded, encoded words decoded) and its raw body. */
export interface MimeEntity {
  headers: Map<string, string[]>;
  body: string;
}

/** Turns `=XX` escapes (quoted-printable, RFC 2047 Q) into bytes; other characters are taken as latin1. */
function hexEscapes(text: string): Buffer {
  return Buffer.concat(
    text
      .split(/(=[0-9A-F]{2})/i)
      .map((part) =>
        /^=[0-9A-F]{2}$/i.test(part)
          ? Buffer.from([Number.parseInt(part.slice(1), 16)])
          : Buffer.from(part, 'latin1'),
      ),
  );
}

/** Decodes RFC 2047 encoded words (B and Q), joining adjacent words so split multi-byte characters survive. */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  let out = '';
  let pending: Buffer[] = [];
  let last = 0;
  const flush = () => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const m of joined.matchAll(word)) {
    if (m.index > last) {
      flush();
      out += joined.slice(last, m.index);
    }
    const [, charset = '', enc = '', text = ''] = m;
    if (!/^utf-8$/i.test(charset)) throw new Error(`unexpected charset ${charset}`);
    pending.push(
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : hexEscapes(text.replaceAll('_', ' ')),
    );
    last = m.index + m[0].length;
  }
  flush();
  return out + joined.slice(last);
}

/** Splits header block and body, unfolds continuation lines and decodes encoded words. */
export function parseEntity(raw: string): MimeEntity {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), decodeEncodedWords(line.slice(colon + 1).trim())]);
  }
  return { headers, body: split < 0 ? '' : raw.slice(split + 4) };
}

/** Decodes a body per its Content-Transfer-Encoding (quoted-printable, base64, or identity). */
export function decodeBody(entity: MimeEntity): string {
  const encoding = (entity.headers.get('content-transfer-encoding')?.[0] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return entity.body;
  return hexEscapes(entity.body.replace(/=\r\n/g, '')).toString('utf8');
}

/** Returns the entity itself or, for multipart, its parts split on the declared boundary. */
export function mimeParts(entity: MimeEntity): MimeEntity[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(entity.headers.get('content-type')?.[0] ?? '')?.[1];
  if (!boundary) return [entity];
  return entity.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => parseEntity(part.replace(/^\r\n/, '')));
}
