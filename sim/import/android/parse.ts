import { ImportError } from '../types.js';

/**
 * The Android init language (AOSP system/core/init/README.md, "Android Init
 * Language"; parser in init/tokenizer.cpp and init/parser.cpp): lines of
 * whitespace-separated tokens; `#` starts a comment line (leading whitespace
 * allowed); a backslash as the last character folds the next line in; double
 * quotes keep whitespace inside a token and C-style backslash escapes insert
 * it. `service`, `on` and `import` open sections; options and commands belong
 * to the section most recently opened.
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

export function tokenize(text: string, file: string, line: number): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[++i]!;
      current += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      inToken = true;
    } else if (ch === '"') {
      quoted = !quoted;
      inToken = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (quoted) throw new ImportError(file, line, text.length, 'unterminated double quote; close it with " on the same line (or fold the line with a trailing backslash)');
  if (inToken) tokens.push(current);
  return tokens;
}

export function parseRc(text: string, file: string): RcSection[] {
  const lines = text.split(/\r?\n/);
  const sections: RcSection[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    // Folded lines are joined once, so a 100,000-line fold costs linear time, not quadratic.
    const pieces = [lines[i]!];
    while (pieces.at(-1)!.endsWith('\\') && i + 1 < lines.length) {
      pieces[pieces.length - 1] = pieces.at(-1)!.slice(0, -1);
      pieces.push(lines[++i]!);
    }
    const line = pieces.join(' ');
    if (/^\s*(#|$)/.test(line)) continue;
    const tokens = tokenize(line, file, start);
    if (tokens.length === 0) continue;
    const keyword = tokens[0]!;
    if (keyword === 'service' || keyword === 'on' || keyword === 'import') {
      if (keyword === 'service' && tokens.length < 3) {
        throw new ImportError(file, start, 1, `service ${tokens[1] ?? ''}: write \`service <name> <pathname> [<argument>]*\` (a name and the program to run)`);
      }
      if (keyword !== 'service' && tokens.length < 2) throw new ImportError(file, start, 1, `${keyword}: needs ${keyword === 'on' ? 'a trigger, e.g. `on boot`' : 'a path'}`);
      sections.push({ keyword, args: tokens.slice(1), file, line: start, body: [] });
      continue;
    }
    const current = sections.at(-1);
    if (current === undefined) {
      throw new ImportError(file, start, 1, `${keyword}: an option or command before any \`service\` or \`on\` section; move it under one`);
    }
    current.body.push({ tokens, file, line: start });
  }
  return sections;
}
