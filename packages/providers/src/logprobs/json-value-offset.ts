/** A path into a JSON value: object keys and array indexes. */
export type JSONPath = readonly (string | number)[];

/**
 * The character offset in `text` where the value at `path` starts (the opening quote for a
 * string), or `undefined` when the text is not JSON or has no such value. Tolerates text around
 * the outermost object (the scan starts at the first `{` or `[`).
 */
export function jsonValueOffset(text: string, path: JSONPath): number | undefined {
  const start = text.search(/[{[]/);
  if (start < 0) return undefined;
  try {
    return new Scanner(text, start).find(path);
  } catch {
    return undefined;
  }
}

class Scanner {
  constructor(
    private readonly text: string,
    private position: number,
  ) {}

  find(path: JSONPath): number | undefined {
    this.skipSpace();
    if (path.length === 0) return this.position;
    const [head, ...rest] = path;
    const char = this.text[this.position];
    if (char === '{' && typeof head === 'string') return this.findInObject(head, rest);
    if (char === '[' && typeof head === 'number') return this.findInArray(head, rest);
    return undefined;
  }

  private findInObject(key: string, rest: JSONPath): number | undefined {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === '}') return undefined;
    for (;;) {
      this.skipSpace();
      const name = this.readString();
      this.skipSpace();
      this.expect(':');
      if (name === key) return this.find(rest);
      this.skipValue();
      this.skipSpace();
      if (this.text[this.position] === ',') this.position++;
      else return undefined;
    }
  }

  private findInArray(index: number, rest: JSONPath): number | undefined {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === ']') return undefined;
    for (let current = 0; ; current++) {
      if (current === index) return this.find(rest);
      this.skipValue();
      this.skipSpace();
      if (this.text[this.position] === ',') this.position++;
      else return undefined;
    }
  }

  private skipValue(): void {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === '"') {
      this.readString();
    } else if (char === '{' || char === '[') {
      this.skipContainer(char === '{' ? '}' : ']');
    } else {
      LITERAL.lastIndex = this.position;
      const match = LITERAL.exec(this.text);
      if (!match) throw new SyntaxError(`unexpected character at ${this.position}`);
      this.position += match[0].length;
    }
  }

  private skipContainer(close: '}' | ']'): void {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === close) {
      this.position++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (close === '}') {
        this.readString();
        this.skipSpace();
        this.expect(':');
      }
      this.skipValue();
      this.skipSpace();
      const char = this.text[this.position++];
      if (char === close) return;
      if (char !== ',') throw new SyntaxError(`expected "," or "${close}"`);
    }
  }

  /** Reads a string, taking the runs between escapes as slices of the text. */
  private readString(): string {
    this.expect('"');
    let value = '';
    let run = this.position;
    for (;;) {
      const code = this.text.charCodeAt(this.position++);
      if (Number.isNaN(code)) throw new SyntaxError('unterminated string');
      if (code === QUOTE) return value + this.text.slice(run, this.position - 1);
      if (code === BACKSLASH) {
        value += this.text.slice(run, this.position - 1);
        const escaped = this.text[this.position++];
        if (escaped === 'u') {
          value += String.fromCharCode(
            Number.parseInt(this.text.slice(this.position, this.position + 4), 16),
          );
          this.position += 4;
        } else {
          value += unescapeChar(escaped);
        }
        run = this.position;
      }
    }
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) throw new SyntaxError(`expected "${char}" at ${this.position}`);
    this.position++;
  }

  private skipSpace(): void {
    while (isSpace(this.text.charCodeAt(this.position))) this.position++;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A literal (`true`, `false`, `null`) or a number, matched where `lastIndex` points. */
const LITERAL = /(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;

/** The character a one-letter JSON escape stands for; a `SyntaxError` for any other letter. */
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function unescapeChar(escaped: string | undefined): string {
  const value = escaped === undefined || !Object.hasOwn(ESCAPES, escaped) ? undefined : ESCAPES[escaped];
  if (value === undefined) throw new SyntaxError(`bad escape \\${escaped}`);
  return value;
}

/** Whether a UTF-16 code unit is what `/\s/` matches (white space or a line terminator); NaN is not. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
