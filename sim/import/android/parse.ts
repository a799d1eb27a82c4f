import { ImportError } from '../types.js';

/**
 * The Android init language (AOSP system/core/init/README.md, "Android Init
 * Language"), tokenized as init's own tokenizer does it (init/tokenizer.cpp,
 * next_token()), over the whole file rather than line by line:
 * - whitespace separates tokens and a newline ends a line;
 * - `#` starts a comment only where a token could start (`a#b` is one token);
 * - a double-quoted run is copied as is, newlines included: a quoted string
 *   may run across lines, and no escape applies inside it;
 * - outside quotes a backslash escapes: `\n`, `\r`, `\t`, `\\`, and a
 *   backslash before a newline continues the line (leading blanks of the next
 *   line eaten); any other escaped character is copied;
 * - an unterminated quote ends the file (T_EOF).
 * `service`, `on` and `import` open sections (init/parser.cpp
 * Parser::ParseData()); options and commands belong to the section most
 * recently opened.
 */

export interface RcLine {
  tokens: string[];
  file: string;
  line: number;
}

export interface RcSection {
  keyword: 'service' | 'on' | 'import';
  args: string[];
  file: string;
  line: number;
  body: RcLine[];
}

/** The lines of a file as init/tokenizer.cpp splits them, each with the line its first token is on. */
export function tokenizeRc(text: string, file: string): RcLine[] {
  const lines: RcLine[] = [];
  let tokens: string[] = [];
  let lineNo = 1;
  let firstLine = 1;
  const endLine = (): void => {
    if (tokens.length > 0) lines.push({ tokens, file, line: firstLine });
    tokens = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\n') {
      endLine();
      lineNo++;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    // A token: runs to whitespace; quotes and escapes inside it.
    if (tokens.length === 0) firstLine = lineNo;
    let token = '';
    let ended = false;
    while (i < n && !ended) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') break;
      if (c === '"') {
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\n') lineNo++;
          token += text[i++];
        }
        if (i >= n) {
          ended = true; // unterminated quoted thing: init stops at T_EOF
          break;
        }
        i++;
        continue;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === undefined) break;
        if (e === 'n') token += '\n';
        else if (e === 'r') token += '\r';
        else if (e === 't') token += '\t';
        else if (e === '\\') token += '\\';
        else if (e === '\n' || (e === '\r' && text[i + 1] === '\n')) {
          if (e === '\r') i++;
          lineNo++;
          i++;
          while (text[i] === ' ' || text[i] === '\t') i++;
          continue;
        } else token += e;
        i++;
        continue;
      }
      token += c;
      i++;
    }
    tokens.push(token);
    if (ended) break;
  }
  endLine();
  return lines;
}

export function parseRc(text: string, file: string): RcSection[] {
  const sections: RcSection[] = [];
  for (const l of tokenizeRc(text, file)) {
    const keyword = l.tokens[0]!;
    if (keyword === 'service' || keyword === 'on' || keyword === 'import') {
      if (keyword === 'service' && l.tokens.length < 3) {
        throw new ImportError(file, l.line, 1, `service ${l.tokens[1] ?? ''}: write \`service <name> <pathname> [<argument>]*\` (a name and the program to run)`);
      }
      if (keyword !== 'service' && l.tokens.length < 2) throw new ImportError(file, l.line, 1, `${keyword}: needs ${keyword === 'on' ? 'a trigger, e.g. `on boot`' : 'a path'}`);
      sections.push({ keyword, args: l.tokens.slice(1), file, line: l.line, body: [] });
      continue;
    }
    const current = sections.at(-1);
    if (current === undefined) {
      throw new ImportError(file, l.line, 1, `${keyword}: an option or command before any \`service\` or \`on\` section; move it under one`);
    }
    current.body.push(l);
  }
  return sections;
}

/**
 * init/util.cpp ExpandProps(): `$x.y` and `${x.y}` are replaced by the
 * property's value, `${x.y:-default}` by the default when the property is
 * unset. An import knows no property values, so every property is unset: a
 * reference with a default becomes the default, one without becomes ''
 * (init's value for an unset property) and is reported through `unknown`.
 */
export function expandProps(text: string, unknown: (name: string) => void): string {
  return text.replace(/\$\{([^}:]+)(?::-([^}]*))?\}|\$([A-Za-z0-9_.]+)/g, (_, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    if (fallback !== undefined) return fallback;
    unknown(braced ?? bare!);
    return '';
  });
}
