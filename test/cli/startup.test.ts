/**
 * What the installed command loads to start: string-width's first use costs ~70 ms (an Intl.Segmenter
 * made as the module loads, the emoji tables), and no command printing Korean text or JSON needs it
 * (the display width of Hangul, ASCII and CJK punctuation is fixed per character). A preload records
 * every module the process requires (how the bundle reaches string-width when text does need it) and
 * every Intl.Segmenter made (which string-width does as it loads, bundled or not).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sampleStore, tempDir } from '../store/helpers.js';
import { hasTmux, shellQuote, TmuxSession } from '../ui/tmux.js';

const RECORD = `
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const requires = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  requires.add(request);
  return load.call(this, request, ...rest);
};
let segmenters = 0;
const Segmenter = Intl.Segmenter;
Intl.Segmenter = class extends Segmenter {
  constructor(...args) {
    super(...args);
    segmenters += 1;
  }
};
process.on('exit', () => writeFileSync(process.env.RECORD_FILE, JSON.stringify({ requires: [...requires], segmenters })));
`;

let store: string;
let preload: string;

/** What `node ARGS` required and how many segmenters it made (the preload's record), with its stdout. */
function record(args: string[]): { requires: string[]; segmenters: number; stdout: string } {
  const file = join(tempDir(), 'record.json');
  const result = spawnSync(process.execPath, ['--require', preload, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, RECORD_FILE: file } });
  return { ...(JSON.parse(readFileSync(file, 'utf8')) as { requires: string[]; segmenters: number }), stdout: result.stdout };
}

beforeAll(async () => {
  store = await sampleStore();
  preload = join(tempDir(), 'record.cjs');
  writeFileSync(preload, RECORD);
});

describe('start-up loads only what the command needs', () => {
  it('the record sees string-width loaded (required, as the bundle loads it) and the segmenter it makes', () => {
    const loaded = record(['-e', "require('string-width')"]);
    expect(loaded.requires).toContain('string-width');
    expect(loaded.segmenters).toBeGreaterThan(0);
  });

  it.each([
    [['list']],
    [['list', '--json']],
    [['log', 'goyang']],
    [['show', 'goyang', '--format', 'text']],
    [['show', 'goyang', '--format', 'json']],
    [['diff', 'goyang', 'paju', '--json']],
  ])('bangchim %j: Korean text and JSON without string-width', (args) => {
    const run = record([join(ROOT, 'bin', 'bangchim.js'), '--store', store, ...args]);
    expect(run.stdout).toContain('고양');
    expect(run.requires).not.toContain('string-width');
    expect(run.segmenters).toBe(0);
  });
});

describe.skipIf(!hasTmux())('the terminal UI starts without string-width', () => {
  const tmux = new TmuxSession();
  afterAll(() => tmux.kill());

  it('draws the cities, with its spinner and borders, measured by the fixed-width table alone', async () => {
    const file = join(tempDir(), 'record.json');
    const command = `node --require ${shellQuote(preload)} ${shellQuote(join(ROOT, 'bin', 'bangchim.js'))} --store ${shellQuote(store)}`;
    tmux.start(command, { columns: 120, rows: 40, cwd: ROOT, env: { RECORD_FILE: file, HOME: tempDir() } });
    await tmux.waitFor((screen) => /고양특례시\s+goyang/.test(screen) && !screen.includes('Measuring'), 'the cities listed');
    tmux.keys('C-q'); // typed letters filter the list; commands take Ctrl
    await tmux.waitFor(() => tmux.paneDead().dead, 'bangchim to quit');
    expect((JSON.parse(readFileSync(file, 'utf8')) as { requires: string[] }).requires).not.toContain('string-width');
  });
});
