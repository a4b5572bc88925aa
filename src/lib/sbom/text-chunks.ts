import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** An SBOM source: a readable byte (or string) stream, the bytes themselves, or a file path. */
export type SbomInput = Readable | Uint8Array | string;

/** Thrown by {@link textChunks} when the bytes are not UTF-8 (RFC 8259 §8.1 requires UTF-8 for JSON). */
export class EncodingError extends Error {
  override readonly name = 'EncodingError';
}

const CHUNK = 1 << 20;

/** Decodes an input to text chunks of about 1 MiB; a leading byte-order mark is dropped. */
export async function* textChunks(input: SbomInput): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new EncodingError('the input is not valid UTF-8 (RFC 8259 §8.1)');
    }
  };
  if (input instanceof Uint8Array) {
    for (let i = 0; i < input.length; i += CHUNK) yield decode(input.subarray(i, i + CHUNK));
  } else {
    const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: CHUNK }) : input;
    for await (const chunk of stream as AsyncIterable<unknown>) {
      if (typeof chunk === 'string') yield chunk;
      else if (chunk instanceof Uint8Array) yield decode(chunk);
      else throw new TypeError('SBOM streams must yield bytes or strings');
    }
  }
  const tail = decode();
  if (tail) yield tail;
}
