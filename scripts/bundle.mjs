/**
 * `npm run build`: the one build. Bundles the CLI into dist/bundle/, which bin/bangchim.js loads (tsc
 * only typechecks, `npm run typecheck`).
 *
 * Why: loading ink and its ~60 packages as separate modules costs ~0.5 s of module resolution and
 * compilation before the first frame; the same code as a few bundled files loads in a fraction of that.
 * Code splitting keeps every dynamic import() (command modules, the UI, later screens, ink's devtools)
 * a chunk of its own, loaded only when reached. Chunks sit flat in dist/bundle/, two levels below the
 * package root like src/store/ and dist/store/, so `new URL('../../', import.meta.url)` still finds it.
 *
 * The bundle records what it was built from in dist/bundle/stamp.json: every input file (sources and the
 * node_modules files bundled with them, and this script) with its size, mtime and sha256. `--if-stale`
 * (npm start, the integration tests) rebuilds only when an input changed: it stats the inputs, and hashes
 * only those whose mtime moved (a checkout or `touch` that kept the bytes does not rebuild). A file
 * added to src/ matters only once an input imports it, and that edit is seen.
 *
 *   node scripts/bundle.mjs [--metafile]     (--metafile also writes dist/bundle/meta.json)
 *   node scripts/bundle.mjs --if-stale       (builds only when the stamp is missing or an input changed)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const stampFile = `${outdir}/stamp.json`;
const THIS_SCRIPT = 'scripts/bundle.mjs';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The first reason the bundle is out of date, or null when every input is as it was built from. */
function staleness() {
  if (!existsSync(stampFile)) return 'no build yet';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return 'unreadable stamp';
  }
  for (const output of stamp.outputs) if (!existsSync(join(outdir, output))) return `${output} is missing`;
  for (const [path, recorded] of Object.entries(stamp.inputs)) {
    const file = join(root, path);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return `${path} is gone`;
    }
    if (stat.size !== recorded.size) return `${path} changed`;
    if (stat.mtimeMs !== recorded.mtimeMs && sha256(file) !== recorded.sha256) return `${path} changed`;
  }
  return null;
}

if (process.argv.includes('--if-stale') && staleness() === null) process.exit(0);

const { build } = await import('esbuild');
/** Modules that worker threads are started on. */
const WORKER_MODULES = ['src/store/batch.ts'];

/**
 * yoga-layout's emscripten loader fetch()es its own base64 data: URL whenever a global fetch exists, and
 * the first use of fetch loads Node's whole fetch implementation (undici, ~40 ms) just to decode it.
 * A module-scoped `fetch` that is undefined, in that one file, sends it down its own synchronous base64
 * path instead: same bytes, same WebAssembly module.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => ({
      contents: `const fetch = undefined;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

/**
 * With DEV=true, ink reads its own package.json as `new URL('../package.json', import.meta.url)`, which
 * from dist/bundle/ names dist/package.json. The bundle carries ink's package.json text instead.
 */
const PACKAGE_JSON_READ = /\w+\.readFileSync\(new URL\((['"])\.\.\/package\.json\1, import\.meta\.url\), (['"])utf8\2\)/;
const inkPackageJson = {
  name: 'ink-package-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!PACKAGE_JSON_READ.test(source)) {
        return { contents: source, loader: 'js', warnings: [{ text: 'ink no longer reads ../package.json as expected: check DEV=true bangchim' }] };
      }
      const text = readFileSync(join(dirname(args.path), '..', 'package.json'), 'utf8');
      return { contents: source.replace(PACKAGE_JSON_READ, () => JSON.stringify(text)), loader: 'js' };
    });
  },
};

/**
 * Ink and the packages it lays text out with (widest-line, wrap-ansi, cli-truncate) measure with
 * string-width. They get our displayWidth instead (src/domain/presentation/width.ts: the same measure,
 * without string-width's ~70 ms first use for text it does not need it for), so the UI and Ink agree
 * by construction. width.ts loads the real string-width itself, at run time, when text needs it.
 */
const WIDTH_MODULE = `${root}src/domain/presentation/width.ts`;
const oneDisplayWidth = {
  name: 'one-display-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, () => ({ path: 'string-width', namespace: 'display-width' }));
    build.onLoad({ filter: /.*/, namespace: 'display-width' }, () => ({
      contents: `export { displayWidth as default } from ${JSON.stringify(WIDTH_MODULE)};`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * Ink's screen buffer (ink/build/output.js) is replaced by src/ui/ink-output.ts: the same frames, byte
 * for byte (test/ui/ink-output.test.ts), without splitting every line into graphemes on every frame.
 */
const INK_OUTPUT = `${root}src/ui/ink-output.ts`;
const fasterInkOutput = {
  name: 'faster-ink-output',
  setup(build) {
    build.onResolve({ filter: /^\.\/output\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer) ? { path: INK_OUTPUT } : undefined));
  },
};

/**
 * slice-ansi and Ink's tokenizer each make an Intl.Segmenter when they load; the first one made costs
 * ~10 ms (ICU's break rules). Made on first use instead, a frame of plain text (ink-output.ts) never
 * needs one.
 */
const SEGMENTER_AT_LOAD = /const (\w+) = new Intl\.Segmenter\(undefined, ?\{ ?granularity: ?(['"])grapheme\2 ?\}\);/;
const segmenterOnFirstUse = {
  name: 'segmenter-on-first-use',
  setup(build) {
    build.onLoad({ filter: /([\\/]slice-ansi[\\/]tokenize-ansi|[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!SEGMENTER_AT_LOAD.test(source)) return { contents: source, loader: 'js', warnings: [{ text: `${args.path} no longer makes its Intl.Segmenter as expected` }] };
      const lazy = (_match, name) => `let ${name}Made;\nconst ${name} = { segment: (text) => (${name}Made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text) };`;
      return { contents: source.replace(SEGMENTER_AT_LOAD, lazy), loader: 'js' };
    });
  },
};

/** Files a plugin read to produce a module, beyond those the metafile lists: inputs of the stamp too. */
const pluginInputs = new Set();

/**
 * The message catalogue as JSON text (src/domain/presentation/messages/tables.ts): the tables are
 * evaluated here, at build time. V8 parses JSON several times faster than the same object literals (the
 * ~1,500-key tables cost ~15 ms to load as literals, ~3 ms as JSON). The default language's table (Korean)
 * is a JSON string in the bundle; each other language's is a file beside it (messages.en.json), read
 * only when that language is chosen.
 */
const CATALOGUE_TABLES = `${root}src/domain/presentation/messages/tables.ts`;
const DEFAULT_LANGUAGE = 'ko';
const OTHER_LANGUAGES = ['en'];
/** The files beside the bundle this plugin's module reads: name → contents. */
const catalogueFiles = new Map();
const catalogueAsJson = {
  name: 'catalogue-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]presentation[\\/]messages[\\/]tables\.ts$/ }, async (args) => {
      if (args.path !== CATALOGUE_TABLES) return undefined;
      const tables = await build.esbuild.build({ entryPoints: [args.path], bundle: true, write: false, format: 'esm', platform: 'node', metafile: true, logLevel: 'silent' });
      for (const input of Object.keys(tables.metafile.inputs)) pluginInputs.add(input);
      const { tableFor } = await import(`data:text/javascript;base64,${Buffer.from(tables.outputFiles[0].text).toString('base64')}`);
      for (const language of OTHER_LANGUAGES) catalogueFiles.set(`messages.${language}.json`, JSON.stringify(tableFor(language)));
      return {
        contents: [
          "import { readFileSync } from 'node:fs';",
          `const DEFAULT_TABLE = ${JSON.stringify(JSON.stringify(tableFor(DEFAULT_LANGUAGE)))};`,
          'export function tableFor(language) {',
          `  return JSON.parse(language === ${JSON.stringify(DEFAULT_LANGUAGE)} ? DEFAULT_TABLE : readFileSync(new URL(\`./messages.\${language}.json\`, import.meta.url), 'utf8'));`,
          '}',
          '',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

// Built beside the current bundle and swapped in whole, so a command started meanwhile runs the old build or the new one.
const building = `${outdir}.${process.pid}`;
rmSync(building, { recursive: true, force: true });
/** How every build of the program resolves and transforms its modules (the common set's survey and the build itself). */
const resolution = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  // ink imports react-devtools-core only when DEV=true, from its own lazily loaded chunk; it is not installed.
  external: ['react-devtools-core'],
  // React's production build: the development build (what node picks when NODE_ENV is unset) times
  // every component render with performance.measure, which doubles the cost of each frame.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};
const transforms = [yogaWithoutFetch, inkPackageJson, oneDisplayWidth, fasterInkOutput, segmenterOnFirstUse, catalogueAsJson];

/**
 * One chunk for the modules every command and the UI use once a store is open: the app's store session
 * and what it imports (the store, the model, the catalogue), ref resolution, provenance, today, output.
 * esbuild writes a chunk per set of entry points (the entries and every dynamic import()) that reach a
 * module, and with ~40 of them these came out as ~25 small chunks on each command's path, each a file
 * to resolve, read and compile. Every other source module imports the common set (an import added here,
 * at build time, not in the source), so every entry reaches all of it alike and it is one chunk. A
 * command that needs no store (parse, help) loads it too: ~300 KB of source, less than the chunks cost.
 */
const COMMON_ROOTS = ['src/app/session.ts', 'src/app/refs.ts', 'src/app/provenance.ts', 'src/app/today.ts', 'src/app/output.ts', 'src/domain/presentation/width.ts', 'src/domain/presentation/provenance.ts'];
const COMMON_MODULE = 'bangchim-common';

/** The common set: the source modules COMMON_ROOTS reach through static imports. */
async function commonModules() {
  const survey = await build({ ...resolution, entryPoints: COMMON_ROOTS, outdir: building, write: false, splitting: true, metafile: true, plugins: transforms });
  const { inputs } = survey.metafile;
  const reached = new Set(COMMON_ROOTS);
  const pending = [...COMMON_ROOTS];
  while (pending.length > 0) {
    for (const { kind, path, external } of inputs[pending.pop()]?.imports ?? []) {
      if (kind === 'import-statement' && !external && !reached.has(path)) {
        reached.add(path);
        pending.push(path);
      }
    }
  }
  return new Set([...reached].filter((path) => path.startsWith('src/')).map((path) => join(root, path)));
}

function commonChunk(common) {
  return {
    name: 'common-chunk',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${COMMON_MODULE}$`) }, () => ({ path: COMMON_MODULE, namespace: COMMON_MODULE }));
      build.onLoad({ filter: /.*/, namespace: COMMON_MODULE }, () => ({
        contents: COMMON_ROOTS.map((path) => `import ${JSON.stringify(join(root, path))};`).join('\n'),
        loader: 'js',
        resolveDir: root,
      }));
      // Appended, so the module's own lines keep their numbers (stack traces, source maps).
      build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
        if (common.has(args.path) || !args.path.startsWith(`${root}src/`)) return undefined;
        return { contents: `${readFileSync(args.path, 'utf8')}\nimport ${JSON.stringify(COMMON_MODULE)};\n`, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

const result = await build({
  ...resolution,
  entryPoints: [
    'src/cli/main.ts',
    // Worker threads start on a module URL: `bangchim report` starts its workers on the module holding
    // batch.ts's code (REPORT_WORKER). As an entry point that code sits in a small chunk of its own, so
    // a worker does not load every command with it.
    ...WORKER_MODULES.filter((path) => existsSync(`${root}${path}`)),
  ],
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  outdir: building,
  splitting: true,
  sourcemap: true,
  // Bundled CommonJS packages (react, commander …) call require() for node built-ins; ESM has none.
  banner: { js: "import { createRequire as __bangchimCreateRequire } from 'node:module';\nconst require = __bangchimCreateRequire(import.meta.url);" },
  plugins: [...transforms, commonChunk(await commonModules())],
  metafile: true,
});
if (process.argv.includes('--metafile')) writeFileSync(`${building}/meta.json`, JSON.stringify(result.metafile));
for (const [name, text] of catalogueFiles) writeFileSync(`${building}/${name}`, text);

const inputs = {};
// Modules of a plugin's own namespace (namespace:path) are not files; what they stand for is.
const inputPaths = new Set([...Object.keys(result.metafile.inputs).filter((input) => !/^[\w-]+:/.test(input)), ...pluginInputs, THIS_SCRIPT]);
for (const path of [...inputPaths].sort()) {
  const file = join(root, path);
  const { size, mtimeMs } = statSync(file);
  inputs[path] = { size, mtimeMs, sha256: sha256(file) };
}
const outputs = [...Object.keys(result.metafile.outputs).map((path) => path.slice(path.lastIndexOf('/') + 1)), ...catalogueFiles.keys()];
writeFileSync(`${building}/stamp.json`, JSON.stringify({ outputs, inputs }, null, 1));
const previous = `${outdir}.old.${process.pid}`;
if (existsSync(outdir)) renameSync(outdir, previous);
renameSync(building, outdir);
rmSync(previous, { recursive: true, force: true });
