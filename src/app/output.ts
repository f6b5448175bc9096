/**
 * Where the shells put what a use case says. The CLI gives its stdout and stderr; the UI gives its
 * own (nothing reaches the terminal while Ink draws). Use cases report through callbacks built here,
 * one line per call.
 */
export interface Output {
  write(text: string): void;
  /** True when the stream is a terminal (colour, progress, the UI). */
  isTTY: boolean;
}

/** One line per message on `output`. */
export function lineWriter(output: Output): (message: string) => void {
  return (message) => output.write(`${message}\n`);
}

/** Says nothing: for callers that have nowhere to show a notice. */
export const SILENT: Output = { write: () => undefined, isTTY: false };
