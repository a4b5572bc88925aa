import type { AdvisoryContent } from './advisories.service';
import type { AdvisoryRow } from './vulnerabilities.table';

const xml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** An Atom (RFC 4287) feed of published advisories, newest first. */
export function atomFeed(rows: AdvisoryRow[], publicUrl: string, now: Date): string {
  const updated = (rows[0]?.publishedAt ?? now).toISOString();
  const entries = rows.map((a) => {
    const c = a.content as unknown as AdvisoryContent;
    const link = `${publicUrl}/advisories/${c.ref}`;
    return [
      '  <entry>',
      `    <id>${xml(link)}</id>`,
      `    <title>${xml(`${c.ref} ${c.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <link rel="alternate" type="application/json" href="${xml(`${publicUrl}/api/advisories/${c.ref}/csaf`)}" title="CSAF 2.0"/>`,
      `    <updated>${a.publishedAt.toISOString()}</updated>`,
      `    <published>${a.publishedAt.toISOString()}</published>`,
      `    <summary>${xml(c.description.slice(0, 500))}</summary>`,
      ...(c.cwe ? [`    <category term="${xml(c.cwe)}"/>`] : []),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(`${publicUrl}/advisories`)}</id>`,
    '  <title>Bulwark 漏洞公告 / vulnerability advisories</title>',
    `  <link rel="self" href="${xml(`${publicUrl}/api/advisories/feed.atom`)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Bulwark</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
