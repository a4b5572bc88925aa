/**
 * Pinning the version of a product-level CPE, so that each CSAF `product_version` carries a CPE naming that
 * version only. A CPE whose version is already specific is kept for that version alone; versions that cannot
 * be bound (whitespace or non-ASCII in a CPE 2.3 value) get no CPE.
 */

/** CPE 2.3 formatted-string fields, split on unescaped colons (escapes kept). */
function split23(cpe: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < cpe.length; i++) {
    const ch = cpe.charAt(i);
    if (ch === '\\') {
      current += ch + cpe.charAt(i + 1);
      i++;
    } else if (ch === ':') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/** CPE 2.3 binding of a version value (CPE Naming 2.3 §6.2.2.2: quote every other printable ASCII). */
function bind23(version: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(version)) return undefined;
  return version.replace(/[^A-Za-z0-9._-]/g, (ch) => `\\${ch}`);
}

/** CPE 2.2 URI binding of a version value (percent-encode outside the URI-safe set). */
function bind22(version: string): string {
  return Array.from(new TextEncoder().encode(version), (b) => {
    const ch = String.fromCharCode(b);
    return /[A-Za-z0-9._~-]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** The CPE of one version of the product, or undefined when it cannot name exactly that version. */
export function cpeAtVersion(cpe: string, version: string): string | undefined {
  if (cpe.startsWith('cpe:2.3:')) {
    const fields = split23(cpe);
    const bound = bind23(version);
    if (bound === undefined || fields.length !== 13) return undefined;
    if (fields[5] === bound) return cpe;
    if (fields[5] !== '*') return undefined;
    fields[5] = bound;
    return fields.join(':');
  }
  const fields = cpe.slice('cpe:/'.length).split(':');
  const bound = bind22(version);
  if (fields[3] === bound) return cpe;
  if (fields[3] !== undefined && fields[3] !== '') return undefined;
  while (fields.length < 3) fields.push('');
  fields[3] = bound;
  return `cpe:/${fields.join(':')}`;
}
