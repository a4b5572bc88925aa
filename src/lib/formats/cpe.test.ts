import { describe, expect, it } from 'vitest';
import { cpeAtVersion } from './cpe';

describe('cpeAtVersion', () => {
  it('fills a wildcard CPE 2.3 version, quoting punctuation', () => {
    expect(cpeAtVersion('cpe:2.3:o:example:fw:*:*:*:*:*:*:*:*', 'V2.1.0')).toBe(
      'cpe:2.3:o:example:fw:V2.1.0:*:*:*:*:*:*:*',
    );
    expect(cpeAtVersion('cpe:2.3:a:example:app:*:*:*:*:*:*:*:*', '1.0+build:7')).toBe(
      'cpe:2.3:a:example:app:1.0\\+build\\:7:*:*:*:*:*:*:*',
    );
  });

  it('keeps a CPE that already names the version and drops it for other versions', () => {
    const cpe = 'cpe:2.3:a:ex\\:ample:app:1.0:*:*:*:*:*:*:*';
    expect(cpeAtVersion(cpe, '1.0')).toBe(cpe);
    expect(cpeAtVersion(cpe, '1.1')).toBeUndefined();
  });

  it('gives no CPE 2.3 for versions it cannot bind', () => {
    expect(cpeAtVersion('cpe:2.3:a:example:app:*:*:*:*:*:*:*:*', '1.0 beta')).toBeUndefined();
    expect(cpeAtVersion('cpe:2.3:a:example:app:*:*:*:*:*:*:*:*', '版本1')).toBeUndefined();
  });

  it('adds or checks the version of a CPE 2.2 URI', () => {
    expect(cpeAtVersion('cpe:/h:example-data:dc-100', '3.2')).toBe('cpe:/h:example-data:dc-100:3.2');
    expect(cpeAtVersion('cpe:/a:example:app::sp1', '2 beta')).toBe('cpe:/a:example:app:2%20beta:sp1');
    expect(cpeAtVersion('cpe:/a:example:app:2.0', '2.0')).toBe('cpe:/a:example:app:2.0');
    expect(cpeAtVersion('cpe:/a:example:app:2.0', '2.1')).toBeUndefined();
  });
});
