/**
 * The draft under review as lines: what it is compared with, the size of the change, its date, and
 * the check panel (findings by tier, each with its basis). The draft screen and the publish
 * confirmation show the same lines. Pure.
 */
import type { Finding, Tier } from '../../domain/check/index.js';
import type { IsoDate } from '../../domain/model.js';
import { draftRefOf, type DraftReview } from '../backend.js';
import { summaryText } from '../diff/diff-render.js';
import { sanitizeForTerminal, wrapToWidth } from '../text.js';
import { t } from '../../domain/presentation/messages/index.js';

export type ReviewTone = 'error' | 'warning' | 'muted' | 'accent';
export interface ReviewLine {
  text: string;
  tone?: ReviewTone;
}

const TIERS: { tier: Tier; title: (count: number) => string; mark: string; tone: ReviewTone }[] = [
  { tier: 'law', title: (count) => t('check.tier.law', { count }), mark: '✖', tone: 'error' },
  { tier: 'guideline', title: (count) => t('check.tier.guideline', { count }), mark: '▲', tone: 'warning' },
  { tier: 'recommended', title: (count) => t('check.tier.recommended', { count }), mark: '·', tone: 'muted' },
];

/** The findings of `tier`, as their lines (the finding, then what to write instead). */
function findingLines(findings: Finding[], mark: string): string[] {
  return findings.flatMap((f) => [
    t('check.finding', { mark, where: f.where ? `${f.where}: ` : '', message: f.message, basis: f.basis }),
    ...(f.suggestion ? [t('check.suggestion', { text: f.suggestion })] : []),
  ]);
}

export function reviewLines(slug: string, review: DraftReview, today: IsoDate, width: number): ReviewLine[] {
  const draft = draftRefOf(slug);
  const lines: ReviewLine[] = [];
  if (review.against && review.diff) {
    lines.push({ text: t('draft.against', { against: review.against, draft }) });
    lines.push({ text: t('draft.change', { summary: summaryText(review.diff) }) });
  } else {
    lines.push({ text: t('draft.first', { draft }) });
  }
  if (review.effective === null) lines.push({ text: t('draft.noEffective'), tone: 'warning' });
  else if (review.effective > today) lines.push({ text: t('draft.effectiveScheduled', { date: review.effective, today }) });
  else lines.push({ text: t('draft.effective', { date: review.effective }) });
  lines.push({ text: '' });
  const { check } = review;
  lines.push({ text: t('check.counts', { law: check.counts.law, guideline: check.counts.guideline, recommended: check.counts.recommended }), tone: 'accent' });
  for (const { tier, title, mark, tone } of TIERS) {
    const findings = check.findings.filter((f) => f.tier === tier);
    lines.push({ text: title(findings.length), tone: 'accent' });
    if (findings.length === 0) lines.push({ text: t('check.none'), tone: 'muted' });
    for (const text of findingLines(findings, mark)) lines.push({ text, tone });
  }
  for (const note of check.notes) lines.push({ text: t('check.note', { note }), tone: 'muted' });
  // A finding wrapped over several lines keeps its mark alone at the left edge.
  return lines.flatMap((line) =>
    wrapToWidth(sanitizeForTerminal(line.text), width - 2).map((text, i) => ({ text: i === 0 ? text : `  ${text}`, ...(line.tone ? { tone: line.tone } : {}) })),
  );
}
