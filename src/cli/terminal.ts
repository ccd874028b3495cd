/**
 * Text the CLI prints comes from the user's file (headers, channel names, statuses) and can carry terminal
 * escape sequences: `\x1b]0;title\x07` retitles the window, `\x1b[2J` clears it, C1 `\x9b` is a CSI on
 * some terminals, and bidi overrides reorder what is shown. Everything printed passes through here.
 */

// ESC sequences first (CSI with parameters, OSC up to BEL or ST, two-byte escapes), so their payload goes too.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[P^_X][^\x1b]*(?:\x1b\\)?|\x1b[@-_]?/gu;
// C0 (tab and newline kept by `printableBlock`), DEL, C1, and bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** One line of user text: escapes removed, other control characters, tabs and newlines become a space. */
export function printable(text: string): string {
  return text
    .replace(ESCAPES, '')
    .replace(CONTROLS, ' ')
    .replace(/[\t\n]/gu, ' ');
}

/** Multi-line output we composed ourselves: newlines kept, everything else as in `printable`. */
export function printableBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => printable(line))
    .join('\n');
}

/** JSON.stringify replacer: every string value and key printable. */
export function printableJson(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? printable(value) : value;
}
