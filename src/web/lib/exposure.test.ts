import { describe, expect, it } from 'vitest';
import { advisoryMediaType, problemSource, sbomErrorPointer, sbomMediaType } from './exposure';

describe('sbomMediaType', () => {
  it('reads the format marker at the top of the document before trusting the name', () => {
    expect(sbomMediaType('kubectl.json', '{\n  "spdxVersion": "SPDX-2.3",')).toBe('application/spdx+json');
    expect(sbomMediaType('bom.spdx.json', '{"bomFormat":"CycloneDX","specVersion":"1.6"')).toBe(
      'application/vnd.cyclonedx+json',
    );
  });

  it('falls back to the file name, then to CycloneDX', () => {
    expect(sbomMediaType('image.SPDX.json', '{ "packages": [')).toBe('application/spdx+json');
    expect(sbomMediaType('app.spdx', '')).toBe('application/spdx+json');
    expect(sbomMediaType('bom.json', '{ "components": [')).toBe('application/vnd.cyclonedx+json');
  });
});

describe('advisoryMediaType', () => {
  it.each([
    ['all.zip', 'application/zip'],
    ['go-osv.jsonl', 'application/x-ndjson'],
    ['feed.NDJSON', 'application/x-ndjson'],
    ['GHSA-xxxx.json', 'application/json'],
    ['csaf-2024-001.json', 'application/json'],
  ] as const)('%s is sent as %s', (name, type) => {
    expect(advisoryMediaType(name)).toBe(type);
  });
});

describe('sbomErrorPointer', () => {
  it('points into the uploaded document, the root included', () => {
    expect(sbomErrorPointer('body.packages.0')).toBe('/packages/0');
    expect(sbomErrorPointer('body.metadata.component.name')).toBe('/metadata/component/name');
    expect(sbomErrorPointer('body')).toBe('/');
  });
});

describe('problemSource', () => {
  it('names the uploaded file where the server says `upload`, keeping the line or entry', () => {
    expect(problemSource('upload:2', 'go-osv.jsonl')).toBe('go-osv.jsonl:2');
    expect(problemSource('upload!GO-2023-1.json', 'all.zip')).toBe('all.zip!GO-2023-1.json');
    expect(problemSource('GO-2023-2102', 'x.json')).toBe('GO-2023-2102');
  });
});
