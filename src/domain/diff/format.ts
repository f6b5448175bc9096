/**
 * Renders a PolicyDiff for people: a terminal report (ANSI colour or plain [-삭제-]{+추가+} markers)
 * and Markdown. Pure: the CLI decides colour; the UI and the notice can reuse the pieces.
 */
import type { ArticleEntry, ArticleRef, ClauseChange, FactChange, PolicyDiff, WordChange } from './types.js';
import { articleLabel } from './labels.js';
import { formatFactChange } from './facts.js';
import { TOPIC_LABELS } from '../parse/topics.js';
import type { Topic } from '../model.js';
import { inert, inertMarkdown } from '../presentation/inert.js';
import { badgeLabel, entryBadges, isListed, type BadgeToken } from '../presentation/badges.js';
import { asOfText, provenanceMarkdown, provenanceText, type Provenance } from '../presentation/provenance.js';

export interface TextFormatOptions {
  /** ANSI colour (a terminal without NO_COLOR); plain markers otherwise. */
  color?: boolean;
  /** List editorial-only entries and clauses too. */
  editorial?: boolean;
  /** The report's provenance block, printed first; its versions (old, new) also name what each ref asked for. */
  provenance?: Provenance;
}

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * Policy text made inert (presentation/inert.ts) before this formatter adds its own colour, so the
 * only escape sequences in a coloured report are the formatter's.
 */
export function sanitize(text: string): string {
  return inert(text, 'terminal');
}

/** The summary's counts of substantive changes, in the report's order (the summary names each by its badge). */
const SUBSTANTIVE_COUNTS = ['added', 'removed', 'modified', 'split', 'merged', 'moved', 'retitled'] as const satisfies readonly BadgeToken[];

function badgeLabels(entry: ArticleEntry, editorial: boolean): string[] {
  return entryBadges(entry, { editorial }).map((b) => badgeLabel(b.token));
}

function refsText(refs: readonly ArticleRef[]): string {
  return refs.map((r) => sanitize(articleLabel(r))).join(', ');
}

/** `제8조 개인정보의 안전성 확보 조치 → 제9조 개인정보의 안전성 확보 조치`, or one side for added/removed. */
export function entryHeading(entry: ArticleEntry): string {
  if (entry.old.length === 0) return refsText(entry.new);
  if (entry.new.length === 0) return refsText(entry.old);
  const oldText = refsText(entry.old);
  const newText = refsText(entry.new);
  return oldText === newText ? newText : `${oldText} → ${newText}`;
}

/** `비교: 고양특례시 2020-07-17 (goyang@2020-07-17, 2021-01-01 기준) → …`: with provenance, the date a side's ref asked for. */
export function sideHeading(diff: PolicyDiff, provenance?: Provenance): string {
  const asOf = (index: number): string => {
    const text = provenance?.versions.length === 2 ? asOfText(provenance.versions[index]!) : undefined;
    return text === undefined ? '' : `, ${text}`;
  };
  const name = (side: PolicyDiff['old'], index: number): string => `${side.city} ${side.effective ?? '(시행일 미상)'} (${side.label}${asOf(index)})`;
  if (diff.old.slug !== diff.new.slug) return `두 도시 비교: ${sanitize(name(diff.old, 0))} ↔ ${sanitize(name(diff.new, 1))}`;
  return `비교: ${sanitize(name(diff.old, 0))} → ${sanitize(name(diff.new, 1))}`;
}

function wordsText(words: readonly WordChange[], options: TextFormatOptions): string {
  const color = options.color === true;
  return words
    .map((w) => {
      const text = sanitize(w.text);
      if (w.op === 'equal') return text;
      if (w.editorial && !options.editorial) return w.op === 'insert' ? text : '';
      if (color) {
        const tone = w.editorial ? ANSI.dim : w.op === 'insert' ? ANSI.green : ANSI.red;
        return `${tone}${text}${ANSI.reset}`;
      }
      return w.op === 'insert' ? `{+${text}+}` : `[-${text}-]`;
    })
    .join('');
}

function clauseLines(clause: ClauseChange, options: TextFormatOptions): string[] {
  const color = options.color === true;
  const marker = clause.marker === undefined ? '' : `${sanitize(clause.marker)} `;
  const paint = (tone: string, text: string): string => (color ? `${tone}${text}${ANSI.reset}` : text);
  switch (clause.status) {
    case 'added':
      return [paint(ANSI.green, `    + ${marker}${sanitize(clause.new ?? '')}`)];
    case 'removed':
      return [paint(ANSI.red, `    - ${marker}${sanitize(clause.old ?? '')}`)];
    case 'modified':
      return [`    ~ ${marker}${wordsText(clause.words ?? [], options)}`];
    case 'editorial':
      return options.editorial ? [paint(ANSI.dim, '    · ') + marker + wordsText(clause.words ?? [], options)] : [];
    case 'unchanged':
      return [];
  }
}

/** The terminal report. */
export function formatDiffText(diff: PolicyDiff, options: TextFormatOptions = {}): string {
  const editorial = options.editorial === true;
  const color = options.color === true;
  const bold = (text: string): string => (color ? `${ANSI.bold}${text}${ANSI.reset}` : text);
  const lines: string[] = [...(options.provenance ? [provenanceText(options.provenance)] : []), bold(sideHeading(diff, options.provenance)), ''];
  const listed = diff.articles.filter((e) => isListed(e, editorial));
  if (listed.length === 0) lines.push(editorial ? '차이 없음.' : '실질적인 변경 없음.', '');
  for (const entry of listed) {
    const badges = badgeLabels(entry, editorial).map((label) => `[${label}]`).join('');
    const tone = !entry.substantive ? ANSI.dim : entry.status === 'added' ? ANSI.green : entry.status === 'removed' ? ANSI.red : '';
    const heading = `${badges} ${entryHeading(entry)}`;
    lines.push(color && tone ? `${tone}${heading}${ANSI.reset}` : bold(heading));
    for (const clause of entry.clauses) lines.push(...clauseLines(clause, options));
    for (const fact of entry.facts) lines.push(`    ▸ ${sanitize(formatFactChange(fact))}`);
    lines.push('');
  }
  if (diff.facts.length > 0) {
    lines.push(bold('바뀐 사실'));
    for (const fact of diff.facts) lines.push(`  ${fact.article} ${sanitize(formatFactChange(fact))}`);
    lines.push('');
  }
  lines.push(...topicLines(diff));
  lines.push(summaryLine(diff));
  return lines.join('\n') + '\n';
}

/** "없어진 주제 (…에만 있음): …" lines, then a blank line; none when both sides have the same topics. */
export function topicLines(diff: PolicyDiff): string[] {
  const lines: string[] = [];
  const names = (topics: readonly Topic[]): string => topics.map((t) => TOPIC_LABELS[t]).join(', ');
  // Two versions of one body have the same name: say which side lost a topic and which gained one.
  const sameBody = diff.old.slug === diff.new.slug;
  const removed = sameBody ? `없어진 주제 (${sanitize(diff.old.label)}에만 있음)` : `${sanitize(diff.old.city)}에만 있는 주제`;
  const added = sameBody ? `새로 생긴 주제 (${sanitize(diff.new.label)}에만 있음)` : `${sanitize(diff.new.city)}에만 있는 주제`;
  if (diff.topics.onlyOld.length > 0) lines.push(`${removed}: ${names(diff.topics.onlyOld)}`);
  if (diff.topics.onlyNew.length > 0) lines.push(`${added}: ${names(diff.topics.onlyNew)}`);
  if (lines.length > 0) lines.push('');
  return lines;
}

export function summaryLine(diff: PolicyDiff): string {
  const s = diff.summary;
  const counted = (tokens: readonly BadgeToken[]): string => tokens.map((token) => `${badgeLabel(token)} ${s[token]}`).join(', ');
  return `요약: 실질 변경 ${s.substantive} (${counted(SUBSTANTIVE_COUNTS)}) · 편집상 변경 ${s.editorial} (${counted(['renumbered'])}) · 변경 없음 ${s.unchanged}`;
}

/** Policy text as one line of Markdown that shows exactly it: structure and HTML escaped, nothing else (presentation/inert.ts). */
export function escapeMarkdown(text: string, options: { inline?: boolean } = {}): string {
  return inertMarkdown(text, { singleLine: true, ...options });
}

/** `inline`: the words follow a marker on their line, so none of them can start a block. */
function wordsMarkdown(words: readonly WordChange[], editorial: boolean, inline: boolean): string {
  return words
    .map((w, i) => {
      const text = escapeMarkdown(w.text, { inline: inline || i > 0 });
      if (w.op === 'equal' || text.trim() === '') return w.op === 'delete' ? '' : text;
      if (w.editorial && !editorial) return w.op === 'insert' ? text : '';
      return w.op === 'insert' ? `<ins>${text}</ins>` : `<del>${text}</del>`;
    })
    .join('');
}

/** Markdown report: headings per changed article, 〈신설〉/〈삭제〉 provisions, facts and summary tables. */
export function formatDiffMarkdown(diff: PolicyDiff, options: { editorial?: boolean; provenance?: Provenance } = {}): string {
  const editorial = options.editorial === true;
  const out: string[] = [`# ${escapeMarkdown(sideHeading(diff, options.provenance))}`, ''];
  if (options.provenance) out.push(provenanceMarkdown(options.provenance));
  const listed = diff.articles.filter((e) => isListed(e, editorial));
  if (listed.length === 0) out.push('실질적인 변경 없음.', '');
  for (const entry of listed) {
    out.push(`## ${escapeMarkdown(entryHeading(entry))} — ${badgeLabels(entry, editorial).join(' · ')}`, '');
    for (const clause of entry.clauses) {
      const marker = clause.marker === undefined ? '' : `${escapeMarkdown(clause.marker)} `;
      if (clause.status === 'added') out.push(`- 〈신설〉 ${marker}<ins>${escapeMarkdown(clause.new ?? '', { inline: true })}</ins>`);
      else if (clause.status === 'removed') out.push(`- 〈삭제〉 ${marker}<del>${escapeMarkdown(clause.old ?? '', { inline: true })}</del>`);
      else if (clause.status === 'modified' || (clause.status === 'editorial' && editorial)) out.push(`- ${marker}${wordsMarkdown(clause.words ?? [], editorial, marker !== '')}`);
    }
    if (entry.clauses.some((c) => c.status !== 'unchanged' && (c.status !== 'editorial' || editorial))) out.push('');
  }
  if (diff.facts.length > 0) {
    out.push('## 바뀐 사실', '', '| 조문 | 항목 | 구 | 신 |', '|---|---|---|---|');
    for (const fact of diff.facts) out.push(factRow(fact));
    out.push('');
  }
  if (diff.topics.onlyOld.length + diff.topics.onlyNew.length > 0) {
    out.push(...topicLines(diff).filter((l) => l !== '').map((l) => `- ${escapeMarkdown(l)}`), '');
  }
  const s = diff.summary;
  const counted: readonly BadgeToken[] = [...SUBSTANTIVE_COUNTS, 'renumbered'];
  const columns = ['실질 변경', ...counted.map(badgeLabel), '편집상 변경', '변경 없음'];
  const values = [s.substantive, ...counted.map((token) => s[token]), s.editorial, s.unchanged];
  out.push('## 요약', '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---|').join('')}`);
  out.push(`| ${values.join(' | ')} |`);
  return out.join('\n') + '\n';
}

function factRow(fact: FactChange): string {
  const cell = (value: string | null): string => (value === null ? '—' : escapeMarkdown(value));
  return `| ${fact.article} | ${escapeMarkdown(fact.label ?? '')} | ${cell(fact.old)} | ${cell(fact.new)} |`;
}
