/**
 * A strict JSON parser that also records where every value sits, so configuration errors can
 * point at `file:line:column`. JSON.parse gives no position for many errors on Node 20, and none
 * at all for values that parse but fail validation.
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface ParsedJson {
  value: unknown;
  /**
   * JSON Pointer (RFC 6901, '' for the root) → position of the member's key, or of the value
   * for array items and the root.
   */
  positions: ReadonlyMap<string, TextPosition>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: TextPosition,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export function parseJsonWithPositions(text: string): ParsedJson {
  return new Parser(text).parseDocument();
}

export function jsonPointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

class Parser {
  private index = 0;
  private readonly positions = new Map<string, TextPosition>();
  /** Offsets where lines start, for offset → line:column. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  parseDocument(): ParsedJson {
    // A UTF-8 BOM is common in files saved by Windows editors; it is not content.
    if (this.text.charCodeAt(0) === 0xfeff) this.index = 1;
    this.skipWhitespace();
    this.positions.set('', this.positionAt(this.index));
    const value = this.parseValue('');
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return { value, positions: this.positions };
  }

  private parseValue(pointer: string): unknown {
    this.skipWhitespace();
    const char = this.text[this.index];
    switch (char) {
      case '{':
        return this.parseObject(pointer);
      case '[':
        return this.parseArray(pointer);
      case '"':
        return this.parseString();
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      case undefined:
        return this.fail('unexpected end of file, expected a value');
      default:
        if (char === '-' || (char >= '0' && char <= '9')) return this.parseNumber();
        return this.fail(`unexpected character ${describeChar(char)}, expected a value`);
    }
  }

  private parseObject(pointer: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.index++; // {
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') {
        if (this.text[this.index] === '}') this.fail('trailing comma before "}" is not allowed in JSON');
        this.fail('expected a property name in double quotes');
      }
      const keyStart = this.index;
      const key = this.parseString();
      const memberPointer = `${pointer}/${jsonPointerSegment(key)}`;
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        this.failAt(keyStart, `duplicate key "${key}"`);
      }
      this.positions.set(memberPointer, this.positionAt(keyStart));
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail('expected ":" after the property name');
      this.index++;
      const value = this.parseValue(memberPointer);
      // defineProperty: a "__proto__" key must become a plain member (and then fail validation),
      // not replace the object's prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === '}') {
        this.index++;
        return result;
      }
      this.fail(next === undefined ? 'unexpected end of file, expected "," or "}"' : 'expected "," or "}" after the property value');
    }
  }

  private parseArray(pointer: string): unknown[] {
    const result: unknown[] = [];
    this.index++; // [
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] === ']') this.fail('trailing comma before "]" is not allowed in JSON');
      const itemPointer = `${pointer}/${result.length}`;
      this.positions.set(itemPointer, this.positionAt(this.index));
      result.push(this.parseValue(itemPointer));
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === ']') {
        this.index++;
        return result;
      }
      this.fail(next === undefined ? 'unexpected end of file, expected "," or "]"' : 'expected "," or "]" after the array item');
    }
  }

  private parseString(): string {
    const start = this.index;
    this.index++; // opening quote
    let result = '';
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.failAt(start, 'unterminated string');
      if (char === '"') {
        this.index++;
        return result;
      }
      if (char === '\\') {
        const escape = this.text[this.index + 1];
        const simple = escape === undefined ? undefined : SIMPLE_ESCAPES[escape];
        if (simple !== undefined) {
          result += simple;
          this.index += 2;
          continue;
        }
        if (escape === 'u') {
          const hex = this.text.slice(this.index + 2, this.index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape in string');
          result += String.fromCharCode(parseInt(hex, 16));
          this.index += 6;
          continue;
        }
        this.fail('invalid escape in string');
      }
      if (char.charCodeAt(0) < 0x20) this.fail('control character in string (use an escape such as \\n)');
      result += char;
      this.index++;
    }
  }

  private parseNumber(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (!match) return this.fail('invalid number');
    this.index += match[0].length;
    return Number(match[0]);
  }

  private parseLiteral<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.index)) {
      this.index += word.length;
      return value;
    }
    return this.fail(`unexpected character ${describeChar(this.text[this.index] ?? '')}, expected a value`);
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
        this.index++;
        continue;
      }
      if (char === '/' && (this.text[this.index + 1] === '/' || this.text[this.index + 1] === '*')) {
        this.fail('comments are not allowed in JSON');
      }
      return;
    }
  }

  private positionAt(offset: number): TextPosition {
    // Binary search for the last line start at or before offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  private fail(message: string): never {
    return this.failAt(this.index, message);
  }

  private failAt(offset: number, message: string): never {
    throw new JsonSyntaxError(message, this.positionAt(offset));
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function describeChar(char: string): string {
  if (char === '') return 'end of file';
  if (char === "'") return `"'" (JSON strings use double quotes)`;
  return JSON.stringify(char);
}
