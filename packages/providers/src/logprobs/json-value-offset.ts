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
      const match = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        this.text.slice(this.position),
      );
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

  private readString(): string {
    this.expect('"');
    let value = '';
    for (;;) {
      const char = this.text[this.position++];
      if (char === undefined) throw new SyntaxError('unterminated string');
      if (char === '"') return value;
      if (char === '\\') {
        const escaped = this.text[this.position++];
        if (escaped === 'u') {
          value += String.fromCharCode(
            Number.parseInt(this.text.slice(this.position, this.position + 4), 16),
          );
          this.position += 4;
        } else {
          value += JSON.parse(`"\\${escaped}"`) as string;
        }
      } else {
        value += char;
      }
    }
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) throw new SyntaxError(`expected "${char}" at ${this.position}`);
    this.position++;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }
}
