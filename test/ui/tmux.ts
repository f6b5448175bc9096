/** Driving the real UI in a real terminal: tmux on a private socket, polled captures, no fixed sleeps. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

export class TmuxSession {
  readonly socket = `bangchim-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  constructor(readonly name = 'ui') {}

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  start(command: string, options: { columns: number; rows: number; cwd: string; env?: Record<string, string> }): void {
    const env = Object.entries({ LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...options.env }).map(([k, v]) => `${k}=${shellQuote(v)}`);
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', String(options.columns), '-y', String(options.rows), '-c', options.cwd, `env ${env.join(' ')} ${command}`);
    // Keep the pane after the program exits, to read its last screen and exit status.
    this.tmux('set-option', '-t', this.name, 'remain-on-exit', 'on');
  }

  capture(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Types text literally (no key-name lookup). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** Whether the program has exited, with its exit status or the signal that ended it. */
  paneDead(): { dead: boolean; status: string; signal: string } {
    const [dead, status, signal] = this.tmux('display-message', '-p', '-t', this.name, '#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}').trim().split('|');
    return { dead: dead === '1', status: status ?? '', signal: signal ?? '' };
  }

  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      // A terminal redraws line by line: take a screen only once it holds still (two equal captures).
      if (test(screen)) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        if (this.capture() === screen) return screen;
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Saves a captured screen as a test artefact: test-artifacts/ui-e2e/NN-name.txt. */
export function saveScreen(dir: string, index: number, name: string, screen: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${String(index).padStart(2, '0')}-${name}.txt`);
  writeFileSync(path, screen);
  return path;
}
