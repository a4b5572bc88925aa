import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstanceStore } from './instance-store';

type Op =
  | { readonly op: 'add'; readonly id: number; readonly v: number }
  | { readonly op: 'remove'; readonly id: number }
  | { readonly op: 'load'; readonly pairs: [number, number][] }
  | { readonly op: 'compact' };

const VERSIONS = 5;
const id = fc.nat(12);
const v = fc.nat(VERSIONS - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('add' as const), id, v }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), id }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('load' as const),
      pairs: fc.array(fc.tuple(id, v), { maxLength: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'compact' as const }) },
);

describe('InstanceStore', () => {
  it('agrees with a map model through adds, moves, removals, bulk loads and (automatic) compactions', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.constantFrom(0, 2, 4096), (ops, slack) => {
        const store = new InstanceStore(slack);
        store.ensureVersions(VERSIONS);
        const model = new Map<number, number>();
        for (const o of ops) {
          if (o.op === 'add') {
            store.add(o.id, o.v);
            model.set(o.id, o.v);
          } else if (o.op === 'remove') {
            expect(store.remove(o.id)).toBe(model.get(o.id) ?? -1);
            model.delete(o.id);
          } else if (o.op === 'load') {
            store.load(
              o.pairs.map(([i]) => i),
              o.pairs.map(([, x]) => x),
            );
            for (const [i, x] of o.pairs) model.set(i, x);
          } else store.compact();
          expect(store.count).toBe(model.size);
        }
        for (let version = 0; version < VERSIONS; version++) {
          const got: number[] = [];
          expect(store.forEach(version, (i) => got.push(i))).toBe(got.length);
          const want = [...model].filter(([, x]) => x === version).map(([i]) => i);
          expect(got.sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
          expect(store.sizeOf(version)).toBe(want.length);
        }
        for (const [i, x] of model) expect(store.versionOf(i)).toBe(x);
      }),
      { numRuns: 600 },
    );
  });
});
