/**
 * Text bound for a terminal: control characters (C0 such as ESC, NUL and BEL;
 * DEL; C1 such as CSI 0x9b) are written as escapes, so a scenario named
 * "\x1b[2J" cannot clear the screen and a message with a newline in it stays
 * on one line. With `keepNewlines`, line breaks of multi-line output (a run's
 * summary) are kept and everything else is escaped.
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    switch (c) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      case '\x1b': return '\\e';
      default: return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
}
