/**
 * A fast reader for the plain subset of YAML that scenario files are written
 * in: block mappings and sequences, one-line flow collections (`{ a: 1 }`,
 * `[x, y]`), plain and simple quoted scalars, comments. It returns the same
 * data as the YAML library's `toJS()` (YAML 1.2 core schema), or `undefined`
 * as soon as it meets anything outside that subset (anchors, aliases, tags,
 * block scalars, multi-line flow, escapes, duplicate or reserved keys, tabs,
 * a second document...): the caller then parses the text with the full
 * library, which knows every position. The library keeps a node and a source
 * range per value and takes seconds on a 10^5-line file; this takes a
 * fraction of that, and positions are computed only when there is an error to
 * point at (load.ts). test/scenario/fast-yaml.test.ts checks it against the
 * library on every YAML file of the repository.
 */

/** Thrown inside the reader to give up; never escapes `parseFastYaml`. */
class NotInSubset extends Error {}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const LONGEST_KEY = 200;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

function giveUp(): never {
  throw new NotInSubset();
}

/** For each ASCII code: can it start a plain scalar this reader takes as it stands (no indicator first; block context allows the rest). */
const SAFE_FIRST = asciiSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./+$~(=<');
/** In a flow collection a plain scalar ends at , [ ] { }, and a quote in it is YAML's business: this reader gives up at any of these. */
const FLOW_INDICATOR = asciiSet(',[]{}"\'');
/** The first letters of null, true and false (and `~`): only a short scalar starting with one is looked up. */
const WORD_FIRST = asciiSet('nNtTfF~');

function asciiSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/**
 * The shortest string V8 makes as a slice of another (V8 src/objects/string.h,
 * `SlicedString::kMinLength`; shorter substrings are copies): a longer value read
 * from the file would keep the whole file's text alive (41 MB for a million
 * components) for as long as the scenario lives. fast-yaml.test.ts measures it.
 */
const SHORTEST_SLICE = 13;

/** `s` without a reference to the text it was cut from: a string joined to another is made flat, and its slice refers to that copy. */
function detached(s: string): string {
  return s.length < SHORTEST_SLICE ? s : (`\u0000${s}`).slice(1);
}

/**
 * The value of the plain scalar `line[start, end)` (no trailing spaces), typed
 * as the YAML 1.2 core schema types it. One pass over its characters; a
 * string is cut from the line only once it is known to be one.
 */
function plainScalar(line: string, start: number, end: number, inFlow: boolean): unknown {
  const length = end - start;
  const first = line.charCodeAt(start);
  if (length === 0 || (length <= 5 && WORD_FIRST[first] === 1)) {
    const text = line.slice(start, end);
    if (NULLS.has(text)) return null;
    if (TRUES.has(text)) return true;
    if (FALSES.has(text)) return false;
  }
  // Only a digit, a sign or a dot can start a number: most scalars (keys, names) are tested no further for one.
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    const text = line.slice(start, end);
    if (INT.test(text)) return Number(text);
    if (FLOAT.test(text)) return Number(text);
  }
  // `.inf`, `.nan`, a leading dash, a colon (a time like 10:30, a URL): YAML has readings for these that this reader leaves to the library.
  if (first === 0x2e) giveUp();
  const zero = first === 0x2b || first === 0x2d ? start + 1 : start;
  if (zero + 1 < end && line.charCodeAt(zero) === 0x30 && (line.charCodeAt(zero + 1) === 0x78 || line.charCodeAt(zero + 1) === 0x6f)) giveUp(); // 0x.., 0o..
  if (!(first < 128 && SAFE_FIRST[first] === 1)) giveUp();
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x23 && line.charCodeAt(i - 1) === 0x20 && i > start) giveUp(); // ` #` starts a comment
    if (c === 0x3a && (i === end - 1 || line.charCodeAt(i + 1) === 0x20)) giveUp(); // `: ` or a final `:`: a mapping
    if (inFlow && c < 128 && FLOW_INDICATOR[c] === 1) giveUp();
  }
  return detached(line.slice(start, end));
}

function checkedKey(key: unknown, into: Record<string, unknown>): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > LONGEST_KEY || RESERVED_KEYS.has(key) || Object.hasOwn(into, key)) giveUp();
  return key;
}

/** The end of `line[start, end)` without its trailing spaces; a trailing whitespace character other than a space is left to the library. */
function trimmedEnd(line: string, start: number, end: number): number {
  while (end > start && line.charCodeAt(end - 1) === SPACE) end--;
  if (end > start && line.charCodeAt(end - 1) > 0x7f && /\s/.test(line[end - 1]!)) giveUp();
  return end;
}

/** How many keys `InlineReader` remembers per context: a file of a million distinct keys compares each with a few dozen at most. */
const MOST_KNOWN_KEYS = 32;

/**
 * What is read within one line (flow collections, quoted and plain scalars,
 * keys), with the little state that reading keeps, one per parse: where the
 * last scan ended (instead of a [value, end] pair per value), the items of the
 * flow lists being read, and the keys met so far.
 */
class InlineReader {
  /** Where the last scan of a flow value, a quoted scalar or a key ended: the index after it (read right after the call). */
  scanEnd = 0;
  /** The items of the flow lists being read (nested ones above their parents'), before each is copied out at its exact length. */
  private readonly items: unknown[] = [];
  private itemsTop = 0;
  /** The keys met so far, in flow and in block context: a key written a million times is cut from its line once; then it is compared in place. */
  private readonly flowKeys: string[] = [];
  private readonly blockKeys: string[] = [];

  /** A double- or single-quoted scalar that ends on its line, without escapes; `scanEnd` after it. */
  quoted(line: string, at: number): string {
    const quote = line[at]!;
    if (quote === '"') {
      const end = line.indexOf('"', at + 1);
      if (end < 0) giveUp();
      const value = line.slice(at + 1, end);
      if (value.includes('\\')) giveUp();
      this.scanEnd = end + 1;
      return detached(value);
    }
    let value = '';
    let i = at + 1;
    for (;;) {
      const end = line.indexOf("'", i);
      if (end < 0) giveUp();
      value += line.slice(i, end);
      if (line[end + 1] === "'") {
        value += "'";
        i = end + 2;
        continue;
      }
      this.scanEnd = end + 1;
      return detached(value);
    }
  }

  /** One flow value (`{...}`, `[...]`, quoted, plain) of `line` from `at`; `scanEnd` after it. */
  flowValue(line: string, at: number): unknown {
    let i = skipSpaces(line, at);
    const c = line.charCodeAt(i);
    if (c === OPEN_CURLY) {
      const map: Record<string, unknown> = {};
      i = skipSpaces(line, i + 1);
      if (line.charCodeAt(i) === CLOSE_CURLY) {
        this.scanEnd = i + 1;
        return map;
      }
      for (;;) {
        const name = checkedKey(this.flowKey(line, i), map);
        const afterKey = this.scanEnd;
        if (line.charCodeAt(afterKey) !== COLON || (line.charCodeAt(afterKey + 1) !== SPACE && afterKey + 1 < line.length)) giveUp();
        map[name] = this.flowValue(line, afterKey + 1);
        i = skipSpaces(line, this.scanEnd);
        const next = line.charCodeAt(i);
        if (next === CLOSE_CURLY) {
          this.scanEnd = i + 1;
          return map;
        }
        if (next !== COMMA) giveUp();
        i = skipSpaces(line, i + 1);
        if (line.charCodeAt(i) === CLOSE_CURLY) giveUp(); // a trailing comma: legal YAML, rare in scenarios
      }
    }
    if (c === OPEN_SQUARE) {
      // Items gathered first and copied once: an array grown by push from empty keeps room for 16 items (most lists here hold one or two).
      const items = this.items;
      const start = this.itemsTop;
      i = skipSpaces(line, i + 1);
      if (line.charCodeAt(i) !== CLOSE_SQUARE) {
        for (;;) {
          const item = this.flowValue(line, i);
          items[this.itemsTop++] = item;
          i = skipSpaces(line, this.scanEnd);
          const next = line.charCodeAt(i);
          if (next === CLOSE_SQUARE) break;
          if (next !== COMMA) giveUp();
          i = skipSpaces(line, i + 1);
          if (line.charCodeAt(i) === CLOSE_SQUARE) giveUp();
        }
      }
      const list = items.slice(start, this.itemsTop);
      // Cleared, not shortened (setting an array's length is a call into the runtime): nothing read stays referenced.
      for (let k = start; k < this.itemsTop; k++) items[k] = undefined;
      this.itemsTop = start;
      this.scanEnd = i + 1;
      return list;
    }
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(line, i);
    let end = i;
    for (let code = line.charCodeAt(end); end < line.length && code !== COMMA && code !== CLOSE_SQUARE && code !== CLOSE_CURLY; code = line.charCodeAt(++end));
    this.scanEnd = end;
    const valueEnd = trimmedEnd(line, i, end);
    if (valueEnd === i) giveUp();
    return plainScalar(line, i, valueEnd, true);
  }

  /** The plain key `line[start, end)`, read as a plain scalar in its context. */
  plainKey(line: string, start: number, end: number, inFlow: boolean): unknown {
    const known = inFlow ? this.flowKeys : this.blockKeys;
    const length = end - start;
    for (let k = 0; k < known.length; k++) {
      const key = known[k]!;
      if (key.length === length && line.startsWith(key, start)) return key;
    }
    const key = plainScalar(line, start, end, inFlow);
    if (typeof key === 'string' && known.length < MOST_KNOWN_KEYS) known.push(key);
    return key;
  }

  /** A flow mapping's key, up to its `:`; `scanEnd` at the colon. */
  private flowKey(line: string, at: number): unknown {
    const c = line.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(line, at);
    const colon = line.indexOf(':', at);
    if (colon < 0) giveUp();
    if (colon > at && line.charCodeAt(colon - 1) === SPACE) giveUp();
    if (colon > at && line.charCodeAt(colon - 1) > 0x7f && /\s/.test(line[colon - 1]!)) giveUp();
    this.scanEnd = colon;
    return this.plainKey(line, at, colon, true);
  }

  /** Splits `key: value` (or `key:`) at the first `: `; undefined when the text is not a mapping entry. */
  keyOf(text: string): { key: unknown; value: string } | undefined {
    if (text[0] === '{' || text[0] === '[') return undefined;
    if (text[0] === '"' || text[0] === "'") {
      if (!/^("[^"]*"|'[^']*'): /.test(text) && !/^("[^"]*"|'[^']*'):$/.test(text)) return undefined;
      const key = this.quoted(text, 0);
      return { key, value: text.slice(this.scanEnd + 1).trim() };
    }
    const colon = text.indexOf(': ');
    const at = colon >= 0 ? colon : text.endsWith(':') ? text.length - 1 : -1;
    if (at < 0) return undefined;
    if ((at > 0 && /\s/.test(text[at - 1]!)) || text.startsWith('? ')) giveUp();
    return { key: this.plainKey(text, 0, at, false), value: text.slice(at + 1).trim() };
  }
}

function skipSpaces(line: string, at: number): number {
  while (line.charCodeAt(at) === 0x20) at++;
  return at;
}

interface Line {
  indent: number;
  /** The line without its indentation and its comment. */
  text: string;
  /** For `key: >` or `key: |`: the block scalar's value (the text then ends in BLOCK_MARK). */
  block?: string;
}

/** Stands for a block scalar's value in a line's text. */
const BLOCK_MARK = '\u0000';
const BLOCK_HEADER = /^(.*: )([>|])(-?)$/;

/**
 * The value of a block scalar (`>` folded or `|` literal, clipped or `-`
 * stripped) over `body`, the raw lines after its header. Only bodies whose
 * lines all share one indentation: more-indented lines fold by other rules.
 */
function blockScalar(style: string, strip: boolean, body: readonly string[]): string {
  let contentIndent = -1;
  const texts: (string | undefined)[] = body.map((raw) => {
    if (raw.trim().length === 0) {
      if (contentIndent >= 0 && raw.length > contentIndent) giveUp();
      return undefined;
    }
    let indent = 0;
    while (raw[indent] === ' ') indent++;
    if (contentIndent < 0) contentIndent = indent;
    if (indent !== contentIndent) giveUp();
    return raw.slice(indent);
  });
  if (texts[0] === undefined) giveUp();
  while (texts.length > 0 && texts.at(-1) === undefined) texts.pop();
  let value = '';
  let blanks = 0;
  texts.forEach((text, i) => {
    if (text === undefined) {
      blanks++;
      return;
    }
    if (i > 0) value += style === '|' ? '\n'.repeat(blanks + 1) : blanks === 0 ? ' ' : '\n'.repeat(blanks);
    value += text;
    blanks = 0;
  });
  return strip ? value : `${value}\n`;
}

/**
 * The lines that carry content, read one at a time as the block reader asks:
 * indentation measured, comments removed; anything the reader cannot be sure
 * of gives up. A line is dropped once read (a million lines held until the
 * end all lived long enough to be copied into the old generation).
 */
class ContentLines {
  /** The next content line, undefined at the end. */
  current: Line | undefined;
  /** The line read before `current`. */
  previous: Line | undefined;
  /** Where the next raw line starts in the text (past its end: no line left). */
  private at = 0;

  constructor(private readonly text: string) {
    if (text.includes('\t') || text.includes('\r') || text.includes(BLOCK_MARK)) giveUp();
    this.current = this.read();
  }

  advance(): void {
    this.previous = this.current;
    this.current = this.read();
  }

  /** The end of the raw line starting at `start` (its newline, or the end of the text). */
  private lineEnd(start: number): number {
    const newline = this.text.indexOf('\n', start);
    return newline < 0 ? this.text.length : newline;
  }

  private read(): Line | undefined {
    const text = this.text;
    while (this.at <= text.length) {
      const start = this.at;
      const end = this.lineEnd(start);
      this.at = end + 1;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 0x20) indent++;
      if (start + indent === end || text.charCodeAt(start + indent) === 0x23) continue;
      let body = text.slice(start + indent, end);
      // A block scalar's header ends in > or | (and a -): only such a line is matched against it.
      const tail = body.trimEnd();
      const last = tail.charCodeAt(tail.length - 1) === 0x2d ? tail.charCodeAt(tail.length - 2) : tail.charCodeAt(tail.length - 1);
      const header = last === 0x3e || last === 0x7c ? BLOCK_HEADER.exec(tail) : null;
      if (header && !body.startsWith('-') && !body.slice(0, header[1]!.length).includes('#') && !/["']/.test(header[1]!)) {
        // The lines of a block scalar are its text, comments and blank lines included.
        const raws: string[] = [];
        while (this.at <= text.length) {
          const rawEnd = this.lineEnd(this.at);
          const raw = text.slice(this.at, rawEnd);
          if (!(raw.trim().length === 0 || raw.length - raw.trimStart().length > indent)) break;
          raws.push(raw);
          this.at = rawEnd + 1;
        }
        return { indent, text: `${header[1]}${BLOCK_MARK}`, block: blockScalar(header[2]!, header[3] === '-', raws) };
      }
      if (indent === 0 && (body.startsWith('---') || body.startsWith('...') || body.startsWith('%'))) giveUp();
      const hash = body.indexOf('#');
      if (hash >= 0) {
        // A comment starts at a `#` after a space, and the text before it has no quote to hide one in.
        if (body[hash - 1] !== ' ' || /["']/.test(body.slice(0, hash))) giveUp();
        body = body.slice(0, hash);
      }
      body = body.trimEnd();
      if (body.length > 0) return { indent, text: body };
    }
    return undefined;
  }
}

/** Block structure over the content lines. */
class BlockReader {
  private readonly inline = new InlineReader();

  constructor(private readonly lines: ContentLines) {}

  document(): unknown {
    const first = this.lines.current;
    if (first === undefined) return null;
    const value = this.node(first.indent);
    if (this.lines.current !== undefined) giveUp();
    return value;
  }

  /** The block node whose lines start at `indent`. */
  private node(indent: number): unknown {
    const line = this.lines.current!;
    if (line.indent !== indent) giveUp();
    if (line.text === '-' || line.text.startsWith('- ')) return this.sequence(indent);
    if (this.inline.keyOf(line.text) !== undefined) return this.mapping(indent, line.text);
    // A lone scalar or flow collection as the whole node.
    this.lines.advance();
    return this.inlineValue(line.text);
  }

  /** A sequence at `indent`; `aligned`: it is a key's value at the key's own indentation, so a line that is no item ends it. */
  private sequence(indent: number, aligned = false): unknown[] {
    const list: unknown[] = [];
    for (let line = this.lines.current; line !== undefined; line = this.lines.current) {
      if (line.indent < indent) break;
      if (aligned && line.indent === indent && !(line.text === '-' || line.text.startsWith('- '))) break;
      if (line.indent > indent || !(line.text === '-' || line.text.startsWith('- '))) giveUp();
      const itemStart = skipSpaces(line.text, 1);
      const first = line.text.charCodeAt(itemStart);
      if (first === OPEN_CURLY || first === OPEN_SQUARE) {
        // `- { ... }`, the one-line item of a large file: read in place, not cut from the line first.
        this.lines.advance();
        list.push(this.inline.flowValue(line.text, itemStart));
        if (this.inline.scanEnd !== line.text.length) giveUp();
        continue;
      }
      const rest = line.text.slice(1).trimStart();
      if (rest.length === 0) {
        this.lines.advance();
        list.push(this.nestedOrNull(indent, false));
        continue;
      }
      const itemIndent = indent + (line.text.length - rest.length);
      if (rest.startsWith('- ') || rest === '-') giveUp(); // a sequence in a sequence on one line
      if (this.inline.keyOf(rest) !== undefined) {
        // `- key: value` opens a mapping whose keys line up after the dash.
        list.push(this.mapping(itemIndent, rest));
        continue;
      }
      this.lines.advance();
      list.push(this.inlineValue(rest));
    }
    return list;
  }

  /** A mapping at `indent`; its first line's text is `first` (it may follow a `- `). */
  private mapping(indent: number, first: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let text: string | undefined = first;
    for (;;) {
      const split = this.inline.keyOf(text);
      if (split === undefined) giveUp();
      const name = checkedKey(split.key, map);
      this.lines.advance();
      const block = split.value === BLOCK_MARK ? this.lines.previous!.block : undefined;
      map[name] = block !== undefined ? block : split.value.length === 0 ? this.nestedOrNull(indent, true) : this.inlineValue(split.value);
      const line = this.lines.current;
      if (!line || line.indent < indent) return map;
      if (line.indent > indent) giveUp();
      if (line.text === '-' || line.text.startsWith('- ')) {
        // Only a sequence that is a key's value may sit at the key's own indentation, and nestedOrNull took it.
        giveUp();
      }
      text = line.text;
    }
  }

  /** What follows `key:` or a lone `-`: a more-indented node, a sequence at the key's indentation, or null. */
  private nestedOrNull(indent: number, sequenceMayAlign: boolean): unknown {
    const line = this.lines.current;
    if (!line) return null;
    if (line.indent > indent) return this.node(line.indent);
    if (sequenceMayAlign && line.indent === indent && (line.text === '-' || line.text.startsWith('- '))) return this.sequence(indent, true);
    return null;
  }

  private inlineValue(text: string): unknown {
    const c = text[0];
    if (c === '{' || c === '[' || c === '"' || c === "'") {
      const value = this.inline.flowValue(text, 0);
      if (this.inline.scanEnd !== text.length) giveUp();
      return value;
    }
    return plainScalar(text, 0, text.length, false);
  }
}

/**
 * The data of `text` if it lies within the subset this reader knows (then it
 * equals what the YAML library returns), else undefined.
 */
export function parseFastYaml(text: string): unknown {
  try {
    return new BlockReader(new ContentLines(text.startsWith('\uFEFF') ? text.slice(1) : text)).document();
  } catch (error) {
    if (error instanceof NotInSubset || error instanceof RangeError) return undefined;
    throw error;
  }
}
