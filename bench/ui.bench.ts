/**
 * Time to the terminal UI's first screen, measured in a real terminal: `node bin/bangchim.js` on a
 * copy of the sample store inside tmux (120×40), polling capture-pane until the cities screen is
 * drawn (its title) and until the cities are listed (고양특례시). Beside it, the command line without
 * the UI: `bangchim list` until its table is printed. The peer, in the same run and the same way:
 * `node -e` printing one word (node's own startup, plus tmux and the polling).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initStore } from '../src/store/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Starts `command` in a fresh tmux server and returns ms until each marker is on screen. */
function timeToScreen(command: string, markers: string[], env: Record<string, string>): number[] {
  const socket = `bangchim-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const vars = Object.entries({ LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...env }).map(([k, v]) => `${k}='${v}'`);
  // The server starts first (not timed); the clock starts when the command is spawned in it.
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'idle', '-x', '120', '-y', '40', 'sleep 60');
  const start = performance.now();
  tmux('new-window', '-t', 'idle', '-n', 'run', `env ${vars.join(' ')} ${command}; sleep 60`);
  const found: number[] = [];
  try {
    for (const marker of markers) {
      const deadline = start + 30_000;
      for (;;) {
        if (tmux('capture-pane', '-p', '-t', 'idle:run').includes(marker)) break;
        if (performance.now() > deadline) throw new Error(`"${marker}" never appeared`);
      }
      found.push(performance.now() - start);
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
  return found;
}

export async function run(): Promise<void> {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    process.stdout.write('tmux is not installed: the UI benchmark needs a real terminal; skipped.\n');
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'bangchim-bench-ui-'));
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  const store = join(home, 'store');
  await initStore(store);
  // The markers are the English titles (the UI speaks Korean by default; the language changes no timing).
  const env = { HOME: home, BANGCHIM_LANG: 'en' };
  const bangchim = `node '${join(ROOT, 'bin', 'bangchim.js')}' --store '${store}'`;
  const frame: number[] = [];
  const listed: number[] = [];
  const printed: number[] = [];
  const peer: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      peer.push(timeToScreen(`node -e "console.log('ready')"`, ['ready'], env)[0]!);
      const [first, cities] = timeToScreen(bangchim, ['bangchim · Cities', '고양특례시'], env);
      frame.push(first!);
      listed.push(cities!);
      printed.push(timeToScreen(`${bangchim} list`, ['고양특례시'], env)[0]!);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const node = median(peer);
  const rows: [string, number][] = [
    ['node -e (peer: node startup in tmux)', node],
    ['bangchim: first frame (cities screen drawn)', median(frame)],
    ['bangchim: cities listed (store read)', median(listed)],
    ['bangchim list (command line, no UI)', median(printed)],
  ];
  process.stdout.write(`median of ${RUNS} runs, 120×40 tmux, sample store (5 cities)\n`);
  process.stdout.write(`${'what'.padEnd(46)} ${'ms'.padStart(8)} ${'× node'.padStart(8)}\n`);
  for (const [what, ms] of rows) process.stdout.write(`${what.padEnd(46)} ${ms.toFixed(0).padStart(8)} ${(ms / node).toFixed(1).padStart(8)}\n`);
}
