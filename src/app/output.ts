/**
 * Where the shells put what a use case says. The CLI gives its stdout and stderr; the UI gives its
 * own (nothing reaches the terminal while Ink draws). Use cases report through callbacks built here,
 * one line per call. Every shell wraps its streams in `inertOutput`, so no text (a store's, a file
 * name, an option, an error message) reaches a terminal able to drive it.
 */
import { inert, type InertText } from '../domain/presentation/inert.js';

export interface Output {
  write(text: string): void;
  /** True when the stream is a terminal (colour, progress, the UI). */
  isTTY: boolean;
  /** Replaces the current line (a progress counter); absent where lines cannot be replaced. */
  overwriteLine?(text: string): void;
  /** Writes text a formatter coloured after making its content inert: its SGR colour codes pass, nothing else. */
  writeStyled?(text: string): void;
  /** Writes text inert by how it was made (inertJson) as it is: a long JSON report is not scanned a second time. */
  writeInert?(text: InertText): void;
}

/** `raw` with every write made inert (src/domain/presentation/inert.ts): the one way text reaches a stream. */
export function inertOutput(raw: Output): Output {
  return {
    write: (text) => raw.write(inert(text, 'terminal')),
    isTTY: raw.isTTY,
    // The carriage return is the output's own, never the text's.
    overwriteLine: (text) => raw.write(`\r${inert(text, 'terminal', { singleLine: true })}`),
    writeStyled: (text) => raw.write(inert(text, 'terminal', { keepColour: true })),
    writeInert: (text) => raw.write(text),
  };
}

/** Text inert by how it was made (inertJson) on `out`: as it is where the output takes such text, else through `write`. */
export function writeInertText(out: Output, text: InertText): void {
  if (out.writeInert) out.writeInert(text);
  else out.write(text);
}

/** One line per message on `output`. */
export function lineWriter(output: Output): (message: string) => void {
  return (message) => output.write(`${message}\n`);
}

/** Says nothing: for callers that have nowhere to show a notice. */
export const SILENT: Output = { write: () => undefined, isTTY: false };
