import type { JsonValue } from './json';

/** Thrown for malformed JSON or a refused structure; `path` is the JSON pointer of the innermost known value. */
export class StructureError extends Error {
  override readonly name = 'StructureError';

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Escapes a JSON pointer reference token (RFC 6901 §3). */
export function pointerToken(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** What the scanner does with each root member. */
export interface RootSink {
  /** True when the member's array elements are to be delivered one by one through `element`. */
  streamed(key: string): boolean;
  /** True when the member's value (or its streamed elements) is to be parsed; false skips it unparsed. */
  keep(key: string): boolean;
  /** A kept root member; return false to stop scanning. */
  member(key: string, value: JsonValue): boolean;
  /** One element of a streamed array. */
  element(key: string, index: number, value: JsonValue): void;
}

enum State {
  Root,
  KeyOrEnd,
  Key,
  Colon,
  ValueStart,
  Value,
  AfterValue,
  ElementOrEnd,
  Element,
  AfterElement,
  Done,
}

const QUOTE = 34;
const BACKSLASH = 92;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Reads a JSON document whose root is an object, one text chunk at a time, without a token stream: it
 * scans only the root structure and the extent of each value (strings, bracket depth), then parses each
 * root member, or each element of a streamed root array, with the native JSON.parse, which also checks that
 * value's syntax. Memory is bounded by the largest single element or kept member plus one chunk; a value's
 * scan resumes where it stopped when it spans chunks. Nesting deeper than `maxDepth` is refused before any
 * parsing. Duplicate root keys are refused (JSON.parse would silently keep the last).
 */
export class RootScanner {
  private buffer = '';
  private pos = 0;
  private state = State.Root;
  private key = '';
  private readonly seen = new Set<string>();
  private index = 0;
  // Extent scan of the value starting at `valueStart` (relative to the buffer), resumable across chunks.
  private valueStart = -1;
  private scanPos = 0;
  private depth = 0;

  constructor(
    private readonly sink: RootSink,
    private readonly maxDepth: number,
  ) {}

  /** JSON pointer of the value being read. */
  path(): string {
    if (this.state === State.Root || this.state === State.KeyOrEnd || this.state === State.Key) return '/';
    if (this.state === State.Done) return '/';
    const key = `/${pointerToken(this.key)}`;
    return this.state === State.Element || this.state === State.ElementOrEnd ? `${key}/${this.index}` : key;
  }

  /** Consumes a chunk; false once the sink asked to stop. Throws StructureError. */
  write(text: string): boolean {
    this.buffer += text;
    const going = this.run(false);
    // Keep only what is still needed: the value in progress, or the unread tail.
    const keepFrom = this.valueStart >= 0 ? this.valueStart : this.pos;
    if (keepFrom > 0) {
      this.buffer = this.buffer.slice(keepFrom);
      if (this.valueStart >= 0) {
        this.scanPos -= keepFrom;
        this.valueStart = 0;
      }
      this.pos -= keepFrom;
    }
    return going;
  }

  /** Signals the end of input; throws when the document is incomplete. */
  end(): void {
    this.run(true);
    if (this.state !== State.Done)
      throw new StructureError(this.path(), 'invalid JSON: unexpected end of input');
  }

  private fail(message: string): never {
    throw new StructureError(this.path(), message);
  }

  /** Skips whitespace; returns the next character code, or -1 at the end of the buffer. */
  private next(): number {
    const b = this.buffer;
    while (this.pos < b.length && isSpace(b.charCodeAt(this.pos))) this.pos++;
    return this.pos < b.length ? b.charCodeAt(this.pos) : -1;
  }

  private run(final: boolean): boolean {
    for (;;) {
      if (this.state === State.Done) {
        if (this.next() !== -1) this.fail('invalid JSON: unexpected data after the root object');
        return true;
      }
      if (this.state === State.Value || this.state === State.Element) {
        const end = this.extent(final);
        if (end < 0) return true;
        if (!this.finishValue(end)) return false;
        continue;
      }
      const c = this.next();
      if (c === -1) return true;
      switch (this.state) {
        case State.Root:
          if (c === 91) this.fail('an SBOM must be a single JSON object');
          if (c !== 123) this.fail('invalid JSON: expected "{" to open the SBOM object');
          this.pos++;
          this.state = State.KeyOrEnd;
          break;
        case State.KeyOrEnd:
        case State.Key:
          if (c === 125 && this.state === State.KeyOrEnd) {
            this.pos++;
            this.state = State.Done;
          } else if (c === QUOTE) {
            const close = this.stringEnd(this.pos + 1);
            if (close < 0) return true;
            const key = this.parse(this.buffer.slice(this.pos, close + 1)) as string;
            if (this.seen.has(key))
              throw new StructureError(`/${pointerToken(key)}`, 'duplicate key in the root object');
            this.seen.add(key);
            this.key = key;
            this.pos = close + 1;
            this.state = State.Colon;
          } else this.fail('invalid JSON: expected a property name');
          break;
        case State.Colon:
          if (c !== 58) this.fail('invalid JSON: expected ":"');
          this.pos++;
          this.state = State.ValueStart;
          break;
        case State.ValueStart:
          if (!this.startValue(c)) return false;
          break;
        case State.AfterValue:
          if (c === 44) this.state = State.Key;
          else if (c === 125) this.state = State.Done;
          else this.fail('invalid JSON: expected "," or "}"');
          this.pos++;
          break;
        case State.ElementOrEnd:
          if (c === 93) {
            this.pos++;
            this.state = State.AfterValue;
          } else this.state = State.Element;
          break;
        case State.AfterElement:
          if (c === 44) {
            this.pos++;
            this.index++;
            this.state = State.Element;
          } else if (c === 93) {
            this.pos++;
            this.state = State.AfterValue;
          } else this.fail('invalid JSON: expected "," or "]"');
          break;
        default:
          break;
      }
    }
  }

  /** After the colon: a streamed array opens element mode; anything else is one value. */
  private startValue(c: number): boolean {
    if (c === 91 && this.sink.streamed(this.key)) {
      this.pos++;
      this.index = 0;
      this.state = State.ElementOrEnd;
      return this.sink.member(this.key, []);
    }
    this.state = State.Value;
    return true;
  }

  /** Index of the closing quote of a string whose content starts at `from`, or -1 if not in the buffer. */
  private stringEnd(from: number): number {
    const b = this.buffer;
    for (let i = from; ; i++) {
      i = b.indexOf('"', i);
      if (i < 0) return -1;
      let slashes = 0;
      for (let k = i - 1; b.charCodeAt(k) === BACKSLASH; k--) slashes++;
      if (slashes % 2 === 0) return i;
    }
  }

  /**
   * End (exclusive) of the value starting at `valueStart`, or -1 when more input is needed. Containers are
   * followed by bracket depth outside strings; scalars run to the next delimiter.
   */
  private extent(final: boolean): number {
    if (this.valueStart < 0) {
      if (this.next() === -1) return final ? this.fail('invalid JSON: expected a value') : -1;
      this.valueStart = this.pos;
      this.scanPos = this.pos;
      this.depth = 0;
    }
    const b = this.buffer;
    const first = b.charCodeAt(this.valueStart);
    if (first === QUOTE) {
      const close = this.stringEnd(Math.max(this.scanPos, this.valueStart + 1));
      if (close >= 0) return close + 1;
      this.scanPos = Math.max(this.valueStart + 1, b.length - 1);
      return final ? this.fail('invalid JSON: unterminated string') : -1;
    }
    if (first !== 123 && first !== 91) {
      let i = this.scanPos;
      while (i < b.length) {
        const c = b.charCodeAt(i);
        if (c === 44 || c === 125 || c === 93 || isSpace(c)) return i;
        i++;
      }
      this.scanPos = i;
      return final ? i : -1;
    }
    // Levels above this value: the root object, plus the streamed array for an element.
    const above = this.state === State.Element ? 2 : 1;
    for (let i = this.scanPos; i < b.length; i++) {
      const c = b.charCodeAt(i);
      if (c === QUOTE) {
        const close = this.stringEnd(i + 1);
        if (close < 0) {
          this.scanPos = i;
          return final ? this.fail('invalid JSON: unterminated string') : -1;
        }
        i = close;
      } else if (c === 123 || c === 91) {
        if (++this.depth + above > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`);
      } else if ((c === 125 || c === 93) && --this.depth === 0) {
        return i + 1;
      }
    }
    this.scanPos = b.length;
    return final ? this.fail('invalid JSON: unexpected end of input') : -1;
  }

  private parse(text: string): JsonValue {
    try {
      return JSON.parse(text) as JsonValue;
    } catch (error) {
      return this.fail(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Parses the value just delimited and hands it over. */
  private finishValue(end: number): boolean {
    const text = this.buffer.slice(this.valueStart, end);
    this.pos = end;
    this.valueStart = -1;
    if (this.state === State.Element) {
      if (this.sink.keep(this.key)) this.sink.element(this.key, this.index, this.parse(text));
      this.state = State.AfterElement;
      return true;
    }
    this.state = State.AfterValue;
    return this.sink.keep(this.key) ? this.sink.member(this.key, this.parse(text)) : true;
  }
}
