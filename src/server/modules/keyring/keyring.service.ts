import {
  type AeadId,
  generateDataKey,
  type IdentifiedKey,
  openWithDataKey,
  peekKeyId,
  rewrap,
  sealWithDataKey,
  unwrapDataKey,
  wrapDataKey,
} from '../../../lib/crypto';
import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { keyRepository } from './keyring.repository';
import type { MasterKeys } from './master-keys';

/**
 * Sealed storage for embargoed details (architecture principle 6): data keys are wrapped by the configured master
 * key, cached unwrapped in memory only, and rotated without re-encrypting existing blobs.
 */
export function createKeyring(deps: { db: Db; audit: AuditService; master: MasterKeys; alg: AeadId }) {
  const { db, audit, master, alg } = deps;
  const cache = new Map<string, IdentifiedKey>();

  async function load(tx: Db, id: string): Promise<IdentifiedKey> {
    const hit = cache.get(id);
    if (hit) return hit;
    const row = await keyRepository.find(tx, id);
    if (!row) throw new Error(`data key ${id} is missing`);
    const key = { id, key: unwrapDataKey(master.all, row.wrapped) };
    cache.set(id, key);
    return key;
  }

  async function createKey(tx: Db, now: Date): Promise<IdentifiedKey> {
    const dk = generateDataKey();
    await keyRepository.insert(tx, {
      id: dk.id,
      wrapped: wrapDataKey(master.current, dk.key, alg),
      masterKeyId: master.current.id,
      alg,
      createdAt: now,
    });
    cache.set(dk.id, dk);
    return dk;
  }

  return {
    /** Seals plaintext under the active data key, bound to `aad` (e.g. `vulnerability:<id>:description`). */
    async seal(tx: Db, plaintext: Buffer | string, aad: string, now: Date): Promise<Buffer> {
      const active = await keyRepository.active(tx);
      const key = active ? await load(tx, active.id) : await createKey(tx, now);
      return sealWithDataKey(key, Buffer.from(plaintext), Buffer.from(aad), alg);
    },

    /** Opens a sealed blob; throws SealError if it was tampered with or bound to another `aad`. */
    async open(tx: Db, blob: Buffer, aad: string): Promise<Buffer> {
      const key = await load(tx, peekKeyId(blob));
      return openWithDataKey(key, blob, Buffer.from(aad));
    },

    /** Retires the active data key and creates a new one; old blobs stay readable. */
    async rotateDataKey(ctx: RequestContext): Promise<string> {
      return inTransaction(db, async (tx) => {
        await keyRepository.retireActive(tx, ctx.now);
        const dk = await createKey(tx, ctx.now);
        await audit.append(tx, ctx, {
          action: 'keyring.data_key_rotated',
          entityType: 'data_key',
          entityId: dk.id,
        });
        return dk.id;
      });
    },

    /** Re-wraps every data key not yet under the current master key (run after changing BULWARK_MASTER_KEY). */
    async rewrapAll(ctx: RequestContext): Promise<number> {
      return inTransaction(db, async (tx) => {
        const stale = await keyRepository.wrappedByOther(tx, master.current.id);
        for (const k of stale) {
          await keyRepository.rewrapped(
            tx,
            k.id,
            rewrap(k.wrapped, master.all, master.current),
            master.current.id,
          );
        }
        if (stale.length) {
          await audit.append(tx, ctx, {
            action: 'keyring.master_key_rotated',
            entityType: 'master_key',
            entityId: master.current.id,
            data: { rewrapped: stale.length },
          });
        }
        return stale.length;
      });
    },
  };
}

/** The keyring's public type. */
export type Keyring = ReturnType<typeof createKeyring>;
