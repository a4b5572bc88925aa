import type { Draft } from './draft';
import { PurlError } from './errors';

// Rules come from the purl-spec type definitions: namespace requirement, case sensitivity
// (`case_sensitive: false` means the canonical form is lowercase), required qualifiers, normalisation rules.
/** Type-specific rules of one registered purl type (types/<type>-definition.json). */
export interface TypeRule {
  readonly namespace?: 'required' | 'prohibited';
  readonly lowerNamespace?: boolean;
  readonly lowerName?: boolean;
  readonly lowerVersion?: boolean;
  readonly requiredQualifiers?: readonly string[];
  /** The name may hold `/`-separated segments that stay unencoded (git: repository path with owner). */
  readonly segmentedName?: boolean;
  readonly normalize?: (draft: Draft) => void;
  readonly validate?: (draft: Draft) => void;
}

/** Hosts whose repository paths are case-insensitive, as the github and bitbucket type definitions state. */
const CASE_INSENSITIVE_GIT_HOSTS = new Set(['github', 'github.com', 'bitbucket', 'bitbucket.org']);

/** git: the namespace is the host (first segment), the name is the rest of the path (git-definition.json). */
function normalizeGit(draft: Draft): void {
  const segments = [...draft.namespace, ...draft.name.split('/')].filter((s) => s !== '');
  if (segments.length < 2) {
    draft.namespace = [];
    draft.name = segments[0] ?? '';
    return;
  }
  const [host, ...path] = segments as [string, ...string[]];
  const fold = CASE_INSENSITIVE_GIT_HOSTS.has(host.toLowerCase());
  draft.namespace = [fold ? host.toLowerCase() : host];
  draft.name = fold ? path.join('/').toLowerCase() : path.join('/');
}

/** mlflow: names are case-insensitive on Databricks and must then be lowercased (mlflow-definition.json). */
function normalizeMlflow(draft: Draft): void {
  const repository = draft.qualifiers.get('repository_url');
  if (repository === undefined) return;
  let host: string;
  try {
    host = new URL(repository).hostname.toLowerCase();
  } catch {
    return;
  }
  if (host.endsWith('.azuredatabricks.net') || host.endsWith('.databricks.com')) {
    draft.name = draft.name.toLowerCase();
  }
}

/** cpan: a namespace is a CPAN author id and shall be uppercase (cpan-definition.json). */
function normalizeCpan(draft: Draft): void {
  draft.namespace = draft.namespace.map((s) => s.toUpperCase());
}

/** cpan: the name is a distribution name and shall not contain the module separator `::`. */
function validateCpan(draft: Draft): void {
  if (draft.name.includes('::')) {
    throw new PurlError(
      'name',
      `The cpan name "${draft.name}" looks like a module name; use the distribution name (e.g. "URI-PackageURL").`,
    );
  }
}

/** chrome-extension: `permitted_characters` of the name and version (chrome-extension-definition.json). */
function validateChromeExtension(draft: Draft): void {
  if (!/^[a-p]{32}$/.test(draft.name)) {
    throw new PurlError('name', `A chrome-extension id is 32 letters a-p; got "${draft.name}".`);
  }
  if (draft.version !== null && !/^\d+(\.\d+){0,3}$/.test(draft.version)) {
    throw new PurlError(
      'version',
      `A chrome-extension version is 1 to 4 dot-separated numbers; got "${draft.version}".`,
    );
  }
}

const RULES: Readonly<Record<string, TypeRule>> = {
  alpm: { namespace: 'required', lowerNamespace: true, lowerName: true },
  apk: { namespace: 'required', lowerNamespace: true, lowerName: true },
  bazel: { namespace: 'prohibited' },
  bitbucket: { namespace: 'required', lowerNamespace: true, lowerName: true },
  bitnami: { namespace: 'prohibited', lowerName: true },
  brew: { lowerNamespace: true, lowerName: true },
  cargo: { namespace: 'prohibited' },
  'chrome-extension': { namespace: 'prohibited', lowerName: true, validate: validateChromeExtension },
  cocoapods: { namespace: 'prohibited' },
  composer: { namespace: 'required', lowerNamespace: true, lowerName: true },
  conda: { namespace: 'prohibited' },
  cpan: { normalize: normalizeCpan, validate: validateCpan },
  cran: { namespace: 'prohibited' },
  deb: { namespace: 'required', lowerNamespace: true, lowerName: true },
  gem: { namespace: 'prohibited' },
  git: { namespace: 'required', segmentedName: true, normalize: normalizeGit },
  github: { namespace: 'required', lowerNamespace: true, lowerName: true },
  golang: { namespace: 'required' },
  hackage: { namespace: 'prohibited' },
  hex: { lowerNamespace: true, lowerName: true },
  huggingface: { namespace: 'required', lowerVersion: true },
  julia: { namespace: 'prohibited', requiredQualifiers: ['uuid'] },
  luarocks: { lowerNamespace: true, lowerName: true },
  maven: { namespace: 'required' },
  mlflow: { namespace: 'prohibited', normalize: normalizeMlflow },
  nuget: { namespace: 'prohibited' },
  oci: { namespace: 'prohibited', lowerName: true, lowerVersion: true },
  opam: { namespace: 'prohibited' },
  otp: { namespace: 'prohibited', lowerName: true },
  pub: {
    namespace: 'prohibited',
    lowerName: true,
    normalize: (d) => {
      d.name = d.name.replace(/[^a-z0-9_]/g, '_');
    },
  },
  pypi: {
    namespace: 'prohibited',
    lowerName: true,
    lowerVersion: true,
    normalize: (d) => {
      d.name = d.name.replaceAll('_', '-');
    },
  },
  qpkg: { namespace: 'required', lowerNamespace: true },
  rpm: { namespace: 'required', lowerNamespace: true },
  swid: { requiredQualifiers: ['tag_id'] },
  swift: { namespace: 'required' },
  vcpkg: { namespace: 'prohibited' },
  'vscode-extension': { namespace: 'required', lowerNamespace: true, lowerName: true, lowerVersion: true },
  yocto: { lowerNamespace: true },
};

const GENERIC_RULE: TypeRule = {};

/** The rule for a (lowercase) purl type; unregistered types get generic rules. */
export function typeRule(type: string): TypeRule {
  return Object.hasOwn(RULES, type) ? (RULES[type] ?? GENERIC_RULE) : GENERIC_RULE;
}
