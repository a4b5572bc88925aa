import { detectFormat, HeaderSniffer, nonJsonHint } from './detect';
import { SbomError } from './errors';
import type { JsonValue } from './json';
import { RootScanner, StructureError } from './root-scanner';
import { type SchemaSet, schemaSet } from './schemas';
import { Session } from './session';
import { EncodingError, type SbomInput, textChunks } from './text-chunks';
import type { IngestOptions, SbomFormat, SbomIngestResult, SbomIssue } from './types';

/** The issue for an error thrown while reading (malformed JSON, refused structure, bad encoding). */
function issueFor(error: unknown, head: string | undefined): SbomIssue {
  const hint = head === undefined ? null : nonJsonHint(head);
  if (hint !== null) return { path: '/', message: hint };
  if (error instanceof StructureError) return { path: error.path, message: error.message };
  if (error instanceof EncodingError) return { path: '/', message: error.message };
  throw error;
}

/** Reads chunks until the header members decide the format; returns them for replay. */
async function sniff(chunks: AsyncGenerator<string>) {
  const sniffer = new HeaderSniffer();
  const scanner = new RootScanner(sniffer, Number.POSITIVE_INFINITY);
  const buffered: string[] = [];
  let ended = false;
  let malformed: StructureError | null = null;
  while (!sniffer.decided && malformed === null && !ended) {
    const next = await chunks.next();
    try {
      if (next.done) {
        ended = true;
        scanner.end();
      } else {
        buffered.push(next.value);
        scanner.write(next.value);
      }
    } catch (error) {
      if (!(error instanceof StructureError)) throw error;
      malformed = error;
    }
  }
  return { detected: detectFormat(sniffer.header), buffered, ended, malformed };
}

/**
 * Reads a CycloneDX 1.2–1.7 or SPDX 2.2/2.3 JSON SBOM in one streaming pass and returns its components in
 * compact form. A first look at the head of the document finds the format (the text read is replayed); the
 * main pass validates the document against its version's JSON schema piecewise (see schemas.ts), so memory
 * is bounded by the largest single component, not by the document. Throws {@link SbomError} with the first
 * problems (JSON pointer paths, at most `maxErrors`) for malformed JSON, unsupported formats or versions,
 * and schema violations.
 */
export async function ingestSbom(input: SbomInput, options: IngestOptions = {}): Promise<SbomIngestResult> {
  const chunks = textChunks(input);
  try {
    const { detected, buffered, ended, malformed } = await sniff(chunks);
    const head = buffered[0];
    if (malformed !== null) throw new SbomError([issueFor(malformed, head)]);
    if (!('format' in detected)) throw new SbomError([detected]);
    const schemas = schemaSet(detected.format, detected.specVersion) as SchemaSet;
    const session = new Session(schemas, detected.format, options);
    const scanner = new RootScanner(session, options.maxDepth ?? 128);
    /** Feeds text (null: end of input); false once reading should stop. */
    const feed = (text: string | null): boolean => {
      try {
        if (text === null) scanner.end();
        else scanner.write(text);
      } catch (error) {
        session.errors.push(issueFor(error, head));
        return false;
      }
      return !session.full;
    };
    let going = true;
    for (const text of buffered.splice(0)) if (going) going = feed(text);
    while (going && !ended) {
      const next = await chunks.next();
      if (next.done) break;
      going = feed(next.value);
    }
    if (going && feed(null)) {
      const errors = schemas.validateRoot(session.root);
      if (errors) session.report(errors);
      if (session.errors.length === 0) return result(detected, session);
    }
    throw new SbomError(session.errors);
  } catch (error) {
    if (error instanceof EncodingError) throw new SbomError([{ path: '/', message: error.message }]);
    throw error;
  } finally {
    await chunks.return(undefined);
  }
}

function result(detected: { format: SbomFormat; specVersion: string }, session: Session): SbomIngestResult {
  const root = session.root;
  const text = (v: JsonValue | undefined) => (typeof v === 'string' ? v : undefined);
  const meta = root.metadata as { component?: { name?: JsonValue } } | undefined;
  const serialNumber = text(detected.format === 'SPDX' ? root.documentNamespace : root.serialNumber);
  const documentName = text(detected.format === 'SPDX' ? root.name : meta?.component?.name);
  return {
    format: detected.format,
    specVersion: detected.specVersion,
    ...(serialNumber === undefined ? {} : { serialNumber }),
    ...(documentName === undefined ? {} : { documentName }),
    components: session.collector.components,
    counts: session.collector.counts(),
    warnings: session.warnings,
  };
}
