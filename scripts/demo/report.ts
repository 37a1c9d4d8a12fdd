/** Where the demo tells its story: numbered sections, one line per step, indented facts. */
export interface Reporter {
  section(title: string): void;
  /** One step done, with the key facts of the answer. */
  step(text: string): void;
  /** A fact under the last step. */
  detail(text: string): void;
}

const useColor = (stream: NodeJS.WriteStream): boolean => stream.isTTY === true && !process.env.NO_COLOR;
const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** The console: sections in bold, a check mark per step (colour only on a terminal, NO_COLOR honoured). */
export function consoleReporter(stream: NodeJS.WriteStream = process.stdout): Reporter {
  const color = useColor(stream);
  let sections = 0;
  return {
    section(title) {
      sections += 1;
      stream.write(`\n${paint(color, '1', `${sections}. ${title}`)}\n`);
    },
    step(text) {
      stream.write(`  ${paint(color, '32', '✓')} ${text}\n`);
    },
    detail(text) {
      stream.write(`      ${paint(color, '2', text)}\n`);
    },
  };
}

/** Keeps the lines (tests). */
export function collectingReporter(lines: string[] = []): Reporter & { lines: string[] } {
  return {
    lines,
    section: (title) => lines.push(`# ${title}`),
    step: (text) => lines.push(`✓ ${text}`),
    detail: (text) => lines.push(`    ${text}`),
  };
}

/** Pads a label so that columns line up in a list of steps. */
export const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));
