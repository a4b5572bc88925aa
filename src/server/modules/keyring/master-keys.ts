import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type IdentifiedKey, KEY_BYTES, parseMasterKey } from '../../../lib/crypto';

/** The master key that wraps new data keys, plus older ones still able to unwrap. */
export interface MasterKeys {
  current: IdentifiedKey;
  all: ReadonlyMap<string, Buffer>;
}

/** A master key's id is derived from its material, so operators configure only the key itself. */
const keyIdOf = (material: Buffer) => {
  const h = createHash('sha256').update('bulwark-master-key-id').update(material).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const fromMaterial = (text: string): IdentifiedKey => {
  const probe = parseMasterKey('00000000-0000-4000-8000-000000000000', text.trim());
  return parseMasterKey(keyIdOf(probe.key), text.trim());
};

/**
 * Master keys from config. Without `BULWARK_MASTER_KEY`, an embedded (PGlite) install keeps a generated key in
 * `DATA_DIR/master.key` (mode 0600) so `npm start` works; with PostgreSQL the key must be configured, because
 * every app node needs the same one.
 */
export function resolveMasterKeys(opts: {
  masterKey?: string;
  previous?: string;
  dataDir: string;
  embedded: boolean;
}): MasterKeys {
  let currentText = opts.masterKey;
  if (!currentText) {
    if (!opts.embedded) throw new Error('BULWARK_MASTER_KEY is required when DATABASE_URL is set.');
    const file = path.join(opts.dataDir, 'master.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      fs.writeFileSync(file, `base64:${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
    }
    currentText = fs.readFileSync(file, 'utf8');
  }
  const current = fromMaterial(currentText);
  const all = new Map<string, Buffer>([[current.id, current.key]]);
  for (const old of (opts.previous ?? '').split(',').filter((s) => s.trim())) {
    const k = fromMaterial(old);
    all.set(k.id, k.key);
  }
  return { current, all };
}
