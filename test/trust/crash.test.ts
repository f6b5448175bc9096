/**
 * Crash consistency and concurrency, with real processes killed for real.
 *
 * `node bin/bangchim.js import …` is started on a copy of a store and SIGKILLed: at spread-out delays
 * across the import's measured duration, and at the moments files appear (the lock, the temporary
 * index, a ref lock during the ref transaction). Half the kills hit only the node process (its git
 * children run on), half the whole process group (a power cut). After each kill:
 *  - the refs are exactly as before, or fully updated; verify finds nothing but what the next
 *    command recovers (a stale lock, the work tree);
 *  - after any command's recovery, verify passes, every tag holds the text it names;
 *  - the same import then succeeds, and no version is lost.
 * The store engineer provides no pause hook (BANGCHIM_TEST_PAUSE_AT), so the kill points are timed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../scripts/synthetic.js';
import { openStore } from '../../src/store/index.js';
import { verifyStore, type Finding } from '../../src/store/verify.js';
import { BIN, editedGoyang, git, runBin, sampleStore, snapshot, tempDir } from './helpers.js';

interface Scenario {
  name: string;
  effective: string;
  phone: string;
}

const APPEND: Scenario = { name: 'append (newest version)', effective: '2022-09-01', phone: '031-8075-2022' };
const REBUILD: Scenario = { name: 'chain rebuild (older version, later commits replayed)', effective: '2018-05-01', phone: '031-8075-2018' };

let template: string;
let files: string;
const durations = new Map<string, number>();

/** Tags → the blob of the policy each holds: what must never be lost or changed. */
function tagTexts(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of git(dir, 'for-each-ref', '--format=%(refname:strip=2)', 'refs/tags').trim().split('\n').filter(Boolean)) {
    const slug = line.split('@')[0]!;
    out.set(line, git(dir, 'rev-parse', `${line}^{commit}:policies/${slug}.yaml`).trim());
  }
  return out;
}

function fileFor(scenario: Scenario): string {
  return join(files, `goyang-${scenario.effective}.txt`);
}

function startImport(dir: string, scenario: Scenario): ChildProcess {
  return spawn(process.execPath, [BIN, '--store', dir, 'import', 'goyang', fileFor(scenario), '--effective', scenario.effective], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Waits until no process of the group is left (git children of a killed node finish their work). */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`process group ${pgid} still running after 10 s`);
}

type Trigger = { delayMs: number } | { when: 'lock' | 'temp-index' | 'ref-lock' | 'tag-created' };

/** Kills the import per `trigger`; returns what happened (killed, or finished before the trigger). */
async function killDuring(child: ChildProcess, dir: string, trigger: Trigger, group: boolean, tagCreated: string): Promise<'killed' | 'finished'> {
  const pid = child.pid!;
  const gitDir = join(dir, '.git');
  const kill = () => {
    try {
      if (group) process.kill(-pid, 'SIGKILL');
      else process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const done = exited(child);
  let fired = false;
  if ('delayMs' in trigger) {
    const timer = setTimeout(() => ((fired = true), kill()), trigger.delayMs);
    await done;
    clearTimeout(timer);
  } else {
    const seen = (): boolean => {
      // Once the lock holds its owner's pid (the instant between creating and writing it is tested on its own below).
      if (trigger.when === 'lock') return existsSync(join(gitDir, 'bangchim.lock')) && statSync(join(gitDir, 'bangchim.lock')).size > 0;
      if (trigger.when === 'temp-index') return readdirSync(gitDir).some((n) => n.startsWith('bangchim-index-'));
      if (trigger.when === 'tag-created') return existsSync(join(gitDir, 'refs', 'tags', tagCreated));
      return existsSync(join(gitDir, 'refs', 'heads', 'main.lock')) || existsSync(join(gitDir, 'packed-refs.lock')) || (existsSync(join(gitDir, 'refs', 'tags')) && readdirSync(join(gitDir, 'refs', 'tags')).some((n) => n.endsWith('.lock')));
    };
    let stop = false;
    void done.then(() => (stop = true));
    while (!stop) {
      if (seen()) {
        fired = true;
        kill();
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    await done;
  }
  await groupGone(pid);
  return fired && child.signalCode === 'SIGKILL' ? 'killed' : 'finished';
}

/** Before any recovery: only what the next command repairs may be off (its lock, git's abandoned locks, the work tree). */
function onlyRecoverable(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && f.kind !== 'stale-lock' && f.kind !== 'git-lock' && f.kind !== 'worktree');
}

/** Ref lock files a killed `git update-ref` leaves behind (recovery must remove them). */
function gitRefLocks(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, '.git', rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.lock')) found.push(path);
    }
  };
  walk('refs');
  for (const name of ['HEAD.lock', 'packed-refs.lock']) if (existsSync(join(dir, '.git', name))) found.push(name);
  return found;
}

async function crashOnce(scenario: Scenario, trigger: Trigger, group: boolean): Promise<{ outcome: 'before' | 'after'; killed: boolean }> {
  const dir = join(tempDir('bangchim-crash-'), 'store');
  cpSync(template, dir, { recursive: true });
  const before = snapshot(dir);
  const textsBefore = tagTexts(dir);
  const tag = `goyang@${scenario.effective}`;
  const label = `${scenario.name}, ${JSON.stringify(trigger)}, ${group ? 'process group' : 'node only'}`;

  const child = startImport(dir, scenario);
  const result = await killDuring(child, dir, trigger, group, tag);

  // 1. Before recovery: nothing is wrong that the next command does not repair. A journal means the
  // kill came inside the ref transaction (refs may be moved in part, git's ref locks left): the next
  // writer rolls it forward, so only the journal itself is checked here.
  if (existsSync(join(dir, '.git', 'bangchim.journal'))) {
    expect(JSON.parse(readFileSync(join(dir, '.git', 'bangchim.journal'), 'utf8')).command, label).toBe(`import ${tag}`);
  } else {
    const raw = await verifyStore(dir, { fsck: true });
    expect(onlyRecoverable(raw.findings), label).toEqual([]);
  }

  // 3. Any command recovers; then verify passes and every old tag holds the same text.
  const list = runBin(['--store', dir, 'list']);
  expect(list.code, `${label}\n${list.err}`).toBe(0);
  const recovered = await verifyStore(dir);
  expect(recovered.findings, label).toEqual([]);
  expect(gitRefLocks(dir), label).toEqual([]);
  // 2. Refs: exactly as before, or fully updated (the new tag and a moved branch, together).
  const refsNow = snapshot(dir).refs;
  const outcome = refsNow === before.refs ? 'before' : 'after';
  if (outcome === 'after') expect(refsNow, label).toContain(`refs/tags/${tag} `);
  const textsAfter = tagTexts(dir);
  for (const [name, blob] of textsBefore) expect(textsAfter.get(name), `${label}: ${name}`).toBe(blob);
  if (outcome === 'before') expect(snapshot(dir), label).toEqual(before);

  // 4. The same import then succeeds; the version is there with its text; nothing else changed.
  const again = runBin(['--store', dir, 'import', 'goyang', fileFor(scenario), '--effective', scenario.effective]);
  expect(again.code, `${label}\n${again.err}`).toBe(0);
  expect(again.out, label).toMatch(outcome === 'after' ? /이미 보관되어 있습니다/ : /보관했습니다: goyang@/);
  const final = await verifyStore(dir);
  expect(final.findings, label).toEqual([]);
  expect(git(dir, 'show', `${tag}:policies/goyang.yaml`), label).toContain(scenario.phone);
  const textsFinal = tagTexts(dir);
  for (const [name, blob] of textsBefore) expect(textsFinal.get(name), `${label}: ${name}`).toBe(blob);
  expect(textsFinal.size).toBe(textsBefore.size + 1);
  expect(git(dir, 'status', '--porcelain', '--untracked-files=all'), label).toBe('');
  return { outcome, killed: result === 'killed' };
}

beforeAll(async () => {
  files = tempDir('bangchim-crash-files-');
  for (const s of [APPEND, REBUILD]) writeFileSync(fileFor(s), editedGoyang(s.phone));
  // A store whose 고양 has later versions, so an older import replays several commits.
  template = await sampleStore();
  const store = await openStore(template);
  await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2021'), file: 'g-2021.txt', effective: '2021-03-02' });
  await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2023'), file: 'g-2023.txt', effective: '2023-06-01' });
  // How long an uninterrupted import takes, to spread the kill points across it.
  for (const s of [APPEND, REBUILD]) {
    const dir = join(tempDir(), 'store');
    cpSync(template, dir, { recursive: true });
    const started = performance.now();
    const result = runBin(['--store', dir, 'import', 'goyang', fileFor(s), '--effective', s.effective]);
    expect(result.code, result.err).toBe(0);
    durations.set(s.name, performance.now() - started);
    if (s === REBUILD) expect(result.out).toMatch(/이력을 다시 쌓았습니다/);
  }
}, 120_000);

describe('crash consistency: SIGKILL during import', () => {
  for (const scenario of [APPEND, REBUILD]) {
    it(
      `${scenario.name}: killed at any point, the store is as before or fully updated; recovery and a re-import succeed`,
      async () => {
        const rng = createRng(`crash/${scenario.effective}`);
        const duration = durations.get(scenario.name)!;
        const triggers: Trigger[] = [{ when: 'lock' }, { when: 'temp-index' }, { when: 'ref-lock' }, { when: 'tag-created' }];
        // Spread over the whole import, denser over its last half (objects, the ref transaction, the work tree).
        const slots = 7;
        for (let i = 0; i < slots; i++) {
          const fraction = i < 3 ? (i + rng.next()) / 6 : 0.5 + ((i - 3 + rng.next()) / (slots - 3)) * 0.55;
          triggers.push({ delayMs: Math.round(fraction * duration) });
        }
        const outcomes = { before: 0, after: 0, killed: 0 };
        for (let i = 0; i < triggers.length; i++) {
          // Odd kills take the whole process group (bangchim and its git child, as a power cut does).
          const trigger = triggers[i]!;
          const { outcome, killed } = await crashOnce(scenario, trigger, i % 2 === 1);
          outcomes[outcome]++;
          if (killed) outcomes.killed++;
        }
        console.info(`${scenario.name}: ${triggers.length} kills, ${outcomes.killed} interrupted an import; store as before ${outcomes.before}×, fully updated ${outcomes.after}× (import takes ~${Math.round(duration)} ms)`);
        // The kills must really interrupt imports, and the spread must reach both sides of the commit point.
        expect(outcomes.killed).toBeGreaterThanOrEqual(6);
        expect(outcomes.before).toBeGreaterThan(0);
      },
      420_000,
    );
  }
});

describe('crash consistency: the instant between creating the lock and writing its pid', () => {
  // The store writes its lock aside and links it into place, so it never leaves an empty one; an empty
  // lock (from an older bangchim, or a disk fault) has no owner to wait for and must not block imports.
  it('an empty lock left by a kill does not block the next import', async () => {
    const dir = join(tempDir('bangchim-crash-'), 'store');
    cpSync(template, dir, { recursive: true });
    writeFileSync(join(dir, '.git', 'bangchim.lock'), '');
    const again = runBin(['--store', dir, 'import', 'goyang', fileFor(APPEND), '--effective', APPEND.effective]);
    expect(again.err).not.toMatch(/쓰고 있습니다|busy/);
    expect(again.code).toBe(0);
  });
});

describe('crash consistency: a power cut during the ref transaction', () => {
  // Killing the whole process group (bangchim and its git children, as a power cut or the OOM killer
  // does) while `git update-ref --stdin` holds its ref locks leaves .git/refs/heads/main.lock and
  // .git/refs/tags/*.lock behind (and, mid-commit, a transaction applied in part). The store records the
  // transaction in .git/bangchim.journal first; the next writer removes the stale ref locks and rolls the
  // journal forward.
  it(
    'after a power cut mid-transaction (git killed too), recovery rolls the journal forward and the import succeeds',
    async () => {
      const dir = join(tempDir('bangchim-crash-'), 'store');
      cpSync(template, dir, { recursive: true });
      const child = startImport(dir, REBUILD);
      const result = await killDuring(child, dir, { when: 'ref-lock' }, true, `goyang@${REBUILD.effective}`);
      expect(result).toBe('killed');
      const list = runBin(['--store', dir, 'list']);
      expect(list.code).toBe(0);
      expect((await verifyStore(dir)).findings).toEqual([]);
      const again = runBin(['--store', dir, 'import', 'goyang', fileFor(REBUILD), '--effective', REBUILD.effective]);
      expect(again.code, again.err).toBe(0);
      expect((await verifyStore(dir)).findings).toEqual([]);
    },
    60_000,
  );
});

describe('concurrency: two imports into one store at once', () => {
  it(
    'both versions are archived in date order, or one is refused as busy and changes nothing; never a lost version',
    async () => {
      const a = APPEND;
      const b = REBUILD;
      const tally = { both: 0, busy: 0 };
      for (let round = 0; round < 8; round++) {
        const dir = join(tempDir('bangchim-race-'), 'store');
        cpSync(template, dir, { recursive: true });
        const textsBefore = tagTexts(dir);
        const first = round % 2 === 0 ? a : b;
        const second = first === a ? b : a;
        const p1 = startImport(dir, first);
        if (round % 4 >= 2) await new Promise((r) => setTimeout(r, 150 + round * 40));
        const p2 = startImport(dir, second);
        const collect = (child: ChildProcess) => {
          let err = '';
          child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
          return exited(child).then((code) => ({ code, err }));
        };
        const [r1, r2] = await Promise.all([collect(p1), collect(p2)]);
        const results = [
          { scenario: first, ...r1 },
          { scenario: second, ...r2 },
        ];
        const texts = tagTexts(dir);
        for (const [name, blob] of textsBefore) expect(texts.get(name), `round ${round}: ${name} lost or changed`).toBe(blob);
        for (const r of results) {
          const tag = `goyang@${r.scenario.effective}`;
          if (r.code === 0) {
            expect(texts.has(tag), `round ${round}: ${tag} reported archived but missing`).toBe(true);
            expect(git(dir, 'show', `${tag}:policies/goyang.yaml`)).toContain(r.scenario.phone);
          } else {
            expect(r.err, `round ${round}`).toMatch(/다른 bangchim\(pid \d+\)이 쓰고 있습니다/);
            expect(r.code).toBe(2);
            expect(texts.has(tag), `round ${round}: ${tag} refused as busy but archived anyway`).toBe(false);
          }
        }
        expect(results.some((r) => r.code === 0), `round ${round}: neither import succeeded`).toBe(true);
        if (results.every((r) => r.code === 0)) tally.both++;
        else tally.busy++;
        // In date order: commit order of goyang's tags follows their dates.
        const report = await verifyStore(dir);
        expect(report.findings, `round ${round}`).toEqual([]);
      }
      console.info(`concurrent imports: both archived ${tally.both}×, one refused as busy ${tally.busy}×`);
      expect(tally.both + tally.busy).toBe(8);
    },
    300_000,
  );
});
