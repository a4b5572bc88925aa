import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json';
import { RootScanner, StructureError } from './root-scanner';

/** Reads `text` in the given chunks, streaming every root array, and reassembles the document. */
function read(chunks: readonly string[], maxDepth = Number.POSITIVE_INFINITY): Record<string, JsonValue> {
  const root: Record<string, JsonValue> = {};
  const scanner = new RootScanner(
    {
      streamed: () => true,
      keep: () => true,
      member(key, value) {
        Object.defineProperty(root, key, { value, enumerable: true, writable: true, configurable: true });
        return true;
      },
      element(key, index, value) {
        const list = root[key] as JsonValue[];
        expect(index).toBe(list.length);
        list.push(value);
      },
    },
    maxDepth,
  );
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return root;
}

/** Splits a text at the given cut points. */
const split = (text: string, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
};

const document = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 });

describe('RootScanner', () => {
  it('reads any JSON object exactly like JSON.parse, however the text is chunked', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (doc, cuts, pretty) => {
        const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
        expect(read(split(text, cuts))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects exactly what JSON.parse rejects after a random edit (plus duplicate root keys)', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', 'a', '1', ''),
      fc.boolean(),
    );
    fc.assert(
      fc.property(document, edit, fc.array(fc.nat(), { maxLength: 4 }), (doc, [at, ch, replace], cuts) => {
        const base = JSON.stringify(doc);
        const i = at % (base.length + 1);
        const text = base.slice(0, i) + ch + base.slice(replace ? i + 1 : i);
        let parsed: unknown;
        let valid = true;
        try {
          parsed = JSON.parse(text);
        } catch {
          valid = false;
        }
        const isObject = valid && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
        try {
          const got = read(split(text, cuts));
          expect(isObject).toBe(true);
          expect(got).toEqual(parsed);
        } catch (error) {
          if (!(error instanceof StructureError)) throw error;
          expect(!isObject || error.message === 'duplicate key in the root object').toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('handles escapes, brackets inside strings and whitespace at chunk edges', () => {
    const text =
      ' {"a\\"]":"x\\\\","list":[ {"s":"}]\\"{["} , [1,[2]] ,"\\\\" , 3 ] , "n" : -1.5e3 , "t":true } ';
    for (let cut = 0; cut <= text.length; cut++)
      expect(read([text.slice(0, cut), text.slice(cut)])).toEqual(JSON.parse(text));
  });

  it('names where it failed, and bounds nesting before parsing', () => {
    const fail = (text: string, maxDepth = Number.POSITIVE_INFINITY) => {
      try {
        read([text], maxDepth);
      } catch (error) {
        if (error instanceof StructureError) return [error.path, error.message];
        throw error;
      }
      return null;
    };
    expect(fail('{"a":[1,2,}')).toEqual(['/a/2', expect.stringContaining('invalid JSON')]);
    expect(fail('{"a":1} x')).toEqual(['/', 'invalid JSON: unexpected data after the root object']);
    expect(fail('{"a":1,"a":2}')).toEqual(['/a', 'duplicate key in the root object']);
    expect(fail('{"a":"open')).toEqual(['/a', 'invalid JSON: unterminated string']);
    expect(fail('{"a":[[[[1]]]]}', 4)).toEqual(['/a/0', 'nesting deeper than 4 levels']);
    expect(fail('{"a":[[[1]]]}', 4)).toBeNull();
    expect(fail('[]')).toEqual(['/', 'an SBOM must be a single JSON object']);
  });
});
