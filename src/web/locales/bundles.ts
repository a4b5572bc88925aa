import en from './en.json';
import zhCN from './zh-CN.json';

/** A locale tree: nested keys to strings. */
export type LocaleTree = { [k: string]: string | LocaleTree };

/** Merges `b` into a copy of `a`; a key defined twice as a string is a bug and throws. */
function merge(a: LocaleTree, b: LocaleTree, at = ''): LocaleTree {
  const out: LocaleTree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (typeof prev === 'object' && typeof v === 'object') out[k] = merge(prev, v, `${at}${k}.`);
    else throw new Error(`locale key ${at}${k} is defined twice`);
  }
  return out;
}

// Feature folders may keep their strings beside them in locales/{zh-CN,en}.json; they merge into the app's.
const parts = import.meta.glob<LocaleTree>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});
const of = (lng: string) =>
  Object.entries(parts)
    .filter(([p]) => p.endsWith(`/${lng}.json`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, tree]) => tree);

/** The complete translation of each language: the app file plus every feature's file. */
export const bundles = {
  'zh-CN': of('zh-CN').reduce((a, b) => merge(a, b), zhCN as LocaleTree),
  en: of('en').reduce((a, b) => merge(a, b), en as LocaleTree),
};
