import type { Draft } from './draft';
import { PurlError } from './errors';
import { typeRule } from './type-rules';
import type { Purl } from './types';

const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9.-]*$/;
const KEY_PATTERN = /^[a-z][a-z0-9._-]*$/;

/** ECMA-427 "Type": ASCII letters, digits, `.` and `-`, starting with a letter; canonical form is lowercase. */
function checkType(type: unknown): string {
  if (typeof type !== 'string' || type === '') throw new PurlError('type', 'A purl type is required.');
  if (!TYPE_PATTERN.test(type)) {
    throw new PurlError(
      'type',
      `Invalid purl type "${type}": use ASCII letters, digits, "." or "-", starting with a letter.`,
    );
  }
  return type.toLowerCase();
}

/** ECMA-427 "Qualifiers": a key is lowercase ASCII letters, digits, `.`, `-` or `_`, starting with a letter. */
function checkQualifierKey(key: string): void {
  if (KEY_PATTERN.test(key)) return;
  const hint = KEY_PATTERN.test(key.toLowerCase()) ? ' (keys must be lowercase)' : '';
  throw new PurlError('qualifiers', `Invalid qualifier key "${key}"${hint}.`);
}

/** Adds one qualifier after checking its key; keys must be unique even when a value is empty. */
export function addQualifier(qualifiers: Map<string, string>, key: string, value: string): void {
  checkQualifierKey(key);
  if (qualifiers.has(key)) {
    throw new PurlError('qualifiers', `Qualifier key "${key}" appears more than once.`);
  }
  qualifiers.set(key, value);
}

/** Subpath segments that are empty, `.` or `..` are not significant (how-to-parse / how-to-build). */
function significantSegments(segments: readonly string[]): string[] {
  return segments.filter((s) => s !== '' && s !== '.' && s !== '..');
}

/** Applies type-specific normalisation and validation to a draft and freezes it into a {@link Purl}. */
export function finalize(draft: Draft): Purl {
  draft.type = checkType(draft.type);
  // ECMA-427 Qualifiers: a pair with an empty value is the same as no pair.
  for (const [key, value] of draft.qualifiers) if (value === '') draft.qualifiers.delete(key);
  const rule = typeRule(draft.type);
  if (rule.lowerNamespace) draft.namespace = draft.namespace.map((s) => s.toLowerCase());
  if (rule.lowerName) draft.name = draft.name.toLowerCase();
  if (rule.lowerVersion && draft.version !== null) draft.version = draft.version.toLowerCase();
  rule.normalize?.(draft);

  if (draft.name === '') throw new PurlError('name', `A purl name is required (type "${draft.type}").`);
  if (rule.namespace === 'required' && draft.namespace.length === 0) {
    throw new PurlError('namespace', `The "${draft.type}" purl type requires a namespace.`);
  }
  if (rule.namespace === 'prohibited' && draft.namespace.length > 0) {
    throw new PurlError('namespace', `The "${draft.type}" purl type does not allow a namespace.`);
  }
  for (const key of rule.requiredQualifiers ?? []) {
    if (!draft.qualifiers.has(key)) {
      throw new PurlError('qualifiers', `The "${draft.type}" purl type requires the "${key}" qualifier.`);
    }
  }
  rule.validate?.(draft);

  const qualifiers = [...draft.qualifiers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const subpath = significantSegments(draft.subpath);
  return Object.freeze({
    type: draft.type,
    namespace: draft.namespace.length > 0 ? draft.namespace.join('/') : null,
    name: draft.name,
    version: draft.version === '' ? null : draft.version,
    qualifiers: qualifiers.length > 0 ? Object.freeze(Object.fromEntries(qualifiers)) : null,
    subpath: subpath.length > 0 ? subpath.join('/') : null,
  });
}
