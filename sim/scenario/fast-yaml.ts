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
/** A plain scalar this reader takes as it stands: no indicator first (block context allows the rest). */
const SAFE_PLAIN = /^[A-Za-z0-9_./+$~(=<]/;
const LONGEST_KEY = 200;
const COMMA = 0x2c;
const CLOSE_SQUARE = 0x5d;
const CLOSE_CURLY = 0x7d;

function giveUp(): never {
  throw new NotInSubset();
}

/** The value of a plain scalar, typed as the YAML 1.2 core schema types it. */
function plainValue(text: string, inFlow: boolean): unknown {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  // Only a digit, a sign or a dot can start a number: most scalars (keys, names) are tested no further for one.
  const first = text.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    if (INT.test(text)) return Number(text);
    if (FLOAT.test(text)) return Number(text);
  }
  // `.inf`, `.nan`, a leading dash, a colon (a time like 10:30, a URL): YAML has readings for these that this reader leaves to the library.
  if (text.startsWith('.') || /^[-+]?0[xo]/.test(text)) giveUp();
  if (!SAFE_PLAIN.test(text) || text.includes(' #') || text.includes(': ') || text.endsWith(':')) giveUp();
  // In a flow collection a plain scalar ends at , [ ] { }; a colon before one of them is YAML's business.
  if (inFlow && (/[,[\]{}"']/.test(text) || /:[,\]}]/.test(text))) giveUp();
  return text;
}

/** A double- or single-quoted scalar that ends on its line, without escapes; returns [value, index after it]. */
function quoted(line: string, at: number): [string, number] {
  const quote = line[at]!;
  if (quote === '"') {
    const end = line.indexOf('"', at + 1);
    if (end < 0) giveUp();
    const value = line.slice(at + 1, end);
    if (value.includes('\\')) giveUp();
    return [value, end + 1];
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
    return [value, end + 1];
  }
}

function checkedKey(key: unknown, into: Record<string, unknown>): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > LONGEST_KEY || RESERVED_KEYS.has(key) || Object.hasOwn(into, key)) giveUp();
  return key;
}

/** Reads one flow value (`{...}`, `[...]`, quoted, plain) of `line` from `at`; returns [value, index after it]. */
function flowValue(line: string, at: number): [unknown, number] {
  let i = skipSpaces(line, at);
  const c = line[i];
  if (c === '{') {
    const map: Record<string, unknown> = {};
    i = skipSpaces(line, i + 1);
    if (line[i] === '}') return [map, i + 1];
    for (;;) {
      const [key, afterKey] = flowKey(line, i);
      const name = checkedKey(key, map);
      if (line[afterKey] !== ':' || (line[afterKey + 1] !== ' ' && line[afterKey + 1] !== undefined)) giveUp();
      const [value, afterValue] = flowValue(line, afterKey + 1);
      map[name] = value;
      i = skipSpaces(line, afterValue);
      if (line[i] === '}') return [map, i + 1];
      if (line[i] !== ',') giveUp();
      i = skipSpaces(line, i + 1);
      if (line[i] === '}') giveUp(); // a trailing comma: legal YAML, rare in scenarios
    }
  }
  if (c === '[') {
    const list: unknown[] = [];
    i = skipSpaces(line, i + 1);
    if (line[i] === ']') return [list, i + 1];
    for (;;) {
      const [value, after] = flowValue(line, i);
      list.push(value);
      i = skipSpaces(line, after);
      if (line[i] === ']') return [list, i + 1];
      if (line[i] !== ',') giveUp();
      i = skipSpaces(line, i + 1);
      if (line[i] === ']') giveUp();
    }
  }
  if (c === '"' || c === "'") return quoted(line, i);
  let end = i;
  for (let code = line.charCodeAt(end); end < line.length && code !== COMMA && code !== CLOSE_SQUARE && code !== CLOSE_CURLY; code = line.charCodeAt(++end));
  const text = line.slice(i, end).trimEnd();
  if (text.length === 0) giveUp();
  return [plainValue(text, true), end];
}

/** A flow mapping's key, up to its `:`. */
function flowKey(line: string, at: number): [unknown, number] {
  if (line[at] === '"' || line[at] === "'") return quoted(line, at);
  const colon = line.indexOf(':', at);
  if (colon < 0) giveUp();
  const text = line.slice(at, colon);
  if (text !== text.trimEnd()) giveUp();
  return [plainValue(text, true), colon];
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

/** The lines that carry content: indentation measured, comments removed; anything the reader cannot be sure of gives up. */
function contentLines(text: string): Line[] {
  if (text.includes('\t') || text.includes('\r') || text.includes(BLOCK_MARK)) giveUp();
  const lines: Line[] = [];
  const raws = text.split('\n');
  for (let r = 0; r < raws.length; r++) {
    const raw = raws[r]!;
    let indent = 0;
    while (raw[indent] === ' ') indent++;
    if (indent === raw.length || raw[indent] === '#') continue;
    let body = raw.slice(indent);
    // A block scalar's header ends in > or | (and a -): only such a line is matched against it.
    const tail = body.trimEnd();
    const last = tail.charCodeAt(tail.length - 1) === 0x2d ? tail.charCodeAt(tail.length - 2) : tail.charCodeAt(tail.length - 1);
    const header = last === 0x3e || last === 0x7c ? BLOCK_HEADER.exec(tail) : null;
    if (header && !body.startsWith('-') && !body.slice(0, header[1]!.length).includes('#') && !/["']/.test(header[1]!)) {
      // The lines of a block scalar are its text, comments and blank lines included.
      let end = r + 1;
      while (end < raws.length && (raws[end]!.trim().length === 0 || raws[end]!.length - raws[end]!.trimStart().length > indent)) end++;
      lines.push({ indent, text: `${header[1]}${BLOCK_MARK}`, block: blockScalar(header[2]!, header[3] === '-', raws.slice(r + 1, end)) });
      r = end - 1;
      continue;
    }
    if (indent === 0 && (body.startsWith('---') || body.startsWith('...') || body.startsWith('%'))) giveUp();
    const hash = body.indexOf('#');
    if (hash >= 0) {
      // A comment starts at a `#` after a space, and the text before it has no quote to hide one in.
      if (body[hash - 1] !== ' ' || /["']/.test(body.slice(0, hash))) giveUp();
      body = body.slice(0, hash);
    }
    body = body.trimEnd();
    if (body.length > 0) lines.push({ indent, text: body });
  }
  return lines;
}

/** Block structure over the content lines. */
class BlockReader {
  private next = 0;

  constructor(private readonly lines: readonly Line[]) {}

  document(): unknown {
    if (this.lines.length === 0) return null;
    const value = this.node(this.lines[0]!.indent);
    if (this.next !== this.lines.length) giveUp();
    return value;
  }

  /** The block node whose lines start at `indent`. */
  private node(indent: number): unknown {
    const line = this.lines[this.next]!;
    if (line.indent !== indent) giveUp();
    if (line.text === '-' || line.text.startsWith('- ')) return this.sequence(indent);
    if (keyOf(line.text) !== undefined) return this.mapping(indent, line.text);
    // A lone scalar or flow collection as the whole node.
    this.next++;
    return this.inlineValue(line.text);
  }

  /** A sequence at `indent`; `aligned`: it is a key's value at the key's own indentation, so a line that is no item ends it. */
  private sequence(indent: number, aligned = false): unknown[] {
    const list: unknown[] = [];
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!;
      if (line.indent < indent) break;
      if (aligned && line.indent === indent && !(line.text === '-' || line.text.startsWith('- '))) break;
      if (line.indent > indent || !(line.text === '-' || line.text.startsWith('- '))) giveUp();
      const rest = line.text.slice(1).trimStart();
      if (rest.length === 0) {
        this.next++;
        list.push(this.nestedOrNull(indent, false));
        continue;
      }
      const itemIndent = indent + (line.text.length - rest.length);
      if (rest.startsWith('- ') || rest === '-') giveUp(); // a sequence in a sequence on one line
      if (keyOf(rest) !== undefined) {
        // `- key: value` opens a mapping whose keys line up after the dash.
        list.push(this.mapping(itemIndent, rest));
        continue;
      }
      this.next++;
      list.push(this.inlineValue(rest));
    }
    return list;
  }

  /** A mapping at `indent`; its first line's text is `first` (it may follow a `- `). */
  private mapping(indent: number, first: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let text: string | undefined = first;
    for (;;) {
      const split = keyOf(text);
      if (split === undefined) giveUp();
      const name = checkedKey(split.key, map);
      this.next++;
      const block = split.value === BLOCK_MARK ? this.lines[this.next - 1]!.block : undefined;
      map[name] = block !== undefined ? block : split.value.length === 0 ? this.nestedOrNull(indent, true) : this.inlineValue(split.value);
      const line = this.lines[this.next];
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
    const line = this.lines[this.next];
    if (!line) return null;
    if (line.indent > indent) return this.node(line.indent);
    if (sequenceMayAlign && line.indent === indent && (line.text === '-' || line.text.startsWith('- '))) return this.sequence(indent, true);
    return null;
  }

  private inlineValue(text: string): unknown {
    const c = text[0];
    if (c === '{' || c === '[' || c === '"' || c === "'") {
      const [value, after] = flowValue(text, 0);
      if (after !== text.length) giveUp();
      return value;
    }
    return plainValue(text, false);
  }
}

/** Splits `key: value` (or `key:`) at the first `: `; undefined when the text is not a mapping entry. */
function keyOf(text: string): { key: unknown; value: string } | undefined {
  if (text[0] === '{' || text[0] === '[') return undefined;
  if (text[0] === '"' || text[0] === "'") {
    if (!/^("[^"]*"|'[^']*'): /.test(text) && !/^("[^"]*"|'[^']*'):$/.test(text)) return undefined;
    const [key, after] = quoted(text, 0);
    return { key, value: text.slice(after + 1).trim() };
  }
  const colon = text.indexOf(': ');
  const at = colon >= 0 ? colon : text.endsWith(':') ? text.length - 1 : -1;
  if (at < 0) return undefined;
  const keyText = text.slice(0, at);
  if (keyText !== keyText.trimEnd() || keyText.startsWith('? ')) giveUp();
  return { key: plainValue(keyText, false), value: text.slice(at + 1).trim() };
}

/**
 * The data of `text` if it lies within the subset this reader knows (then it
 * equals what the YAML library returns), else undefined.
 */
export function parseFastYaml(text: string): unknown {
  try {
    return new BlockReader(contentLines(text.startsWith('\uFEFF') ? text.slice(1) : text)).document();
  } catch (error) {
    if (error instanceof NotInSubset || error instanceof RangeError) return undefined;
    throw error;
  }
}
