/**
 * The one rule for text that reaches a terminal (src/domain/presentation/inert.ts), and the one
 * exception: a formatter's own colour codes around text it already made inert (diff's coloured report).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertOutput } from '../../src/app/output.js';
import { inert, inertJson, inertJsonLine } from '../../src/domain/presentation/inert.js';
import { formatDiffText } from '../../src/domain/diff/format.js';
import { diffVersions } from '../../src/domain/diff/index.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { loadSeeds } from '../seeds.js';

describe('inert', () => {
  it('shows escapes, C1 and bidi controls visibly, never raw', () => {
    expect(inert('a\u001b]52;c;QQ==\u0007b\u202ec\u009bd')).toBe('a␛]52;c;QQ==␇b⟪U+202E⟫c⟪U+009B⟫d');
  });

  it('JSON made by inertJson passes inert unchanged whatever its strings hold, so a shell writes it without a second scan', () => {
    const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u0007', '\u007f', '\u0085', '\u009b', '\u061c', '\u200e', '\u2028', '\u2029', '\u202e', '\u2066', '\ud800', '\n', '\t', '가'), fc.string({ unit: 'binary', maxLength: 1 })) });
    fc.assert(
      fc.property(hostile, hostile, (title, text) => {
        const value = { title, clauses: [{ old: text, new: title }], [text]: 1 };
        expect(inert(inertJson(value), 'terminal')).toBe(inertJson(value));
        expect(inertJsonLine(value)).toBe(`${inertJson(value)}\n`);
        const written: string[] = [];
        const out = inertOutput({ write: (t) => written.push(t), isTTY: false });
        out.write(inertJsonLine(value));
        out.writeInert!(inertJsonLine(value));
        expect(written[1]).toBe(written[0]);
      }),
      { numRuns: 500 },
    );
  });

  it('keepColour passes SGR codes only: every other escape stays visible', () => {
    expect(inert('\u001b[31m빨강\u001b[0m \u001b]0;title\u0007', 'terminal', { keepColour: true })).toBe('\u001b[31m빨강\u001b[0m ␛]0;title␇');
  });

  it("a coloured diff keeps its own colours while a policy's hostile colour and title codes stay visible", () => {
    const seed = loadSeeds().find((s) => s.slug === 'paju')!;
    const old = parsePolicy(seed.text, { slug: 'paju' }).version;
    // Hand-edited YAML can hold what the parser would have stripped: plant it in the model.
    const hostile = JSON.parse(JSON.stringify(old).replace('6개월', '6개월\\u001b[8m숨김\\u001b]0;x\\u0007')) as typeof old;
    expect(JSON.stringify(hostile)).toContain('\\u001b[8m');
    const text = inert(formatDiffText(diffVersions(old, hostile), { color: true }), 'terminal', { keepColour: true });
    expect(text).toContain('\u001b[32m');
    expect(text).toContain('␛[8m');
    expect(text).not.toContain('\u001b[8m');
    expect(text).not.toContain('\u001b]');
  });
});
