/**
 * Where a report's versions came from, so an auditor can attach it and anyone can check it later: the
 * store and its head commit, each version as asked and as resolved (tag, commit, effective date, the
 * period it was in force), its source bytes (file, sha256, URL), the tool and the time. The app gathers
 * the facts (src/app/provenance.ts); this module is the one block every format prints, made inert for
 * its target.
 */
import type { IsoDate, IsoMonth } from '../model.js';
import { inert, inertMarkdown } from './inert.js';
import { t, type MessageKey } from './messages/index.js';
import { displayWidth, padToWidth } from './width.js';

export interface SourceRecord {
  /** Path of the archived bytes in the store (sources/<slug>/<date>.txt), or the file as given. */
  file?: string;
  sha256: string;
  url?: string;
}

export interface VersionProvenance {
  /** The reference as the person typed it: goyang@2021-01-01. */
  ref: string;
  /** What it resolved to: goyang@2020-07-17, goyang#draft, or the file as given. */
  label: string;
  city: string;
  /** The date the reference asked for (goyang@2021-01-01): the report is "as of" it. */
  asOf?: IsoDate;
  kind: 'archived' | 'draft' | 'file';
  tag?: string;
  commit?: string;
  effective: IsoDate | null;
  /** From the ledger, for an archived version: first and last day in force (a month when only that is known), and its standing today. */
  inForce?: { from: IsoDate | IsoMonth | null; until: IsoDate | IsoMonth | null; status: 'in-force' | 'scheduled' | 'superseded' };
  source: SourceRecord;
}

export interface Provenance {
  /** The store the versions were read from; null when only files were compared. */
  store: { dir: string; head: string } | null;
  /** In report order: old then new for a diff, the one version for `show`. */
  versions: VersionProvenance[];
  tool: { name: string; version: string };
  /** When the report was made, ISO 8601 (UTC). */
  generated: string;
}

/** One titled group of label/value rows: the store, each version, how the report was made. */
export interface ProvenanceGroup {
  title: string;
  rows: [label: string, value: string][];
}

/** "2021-01-01 기준" when the reference asked for a date. */
export function asOfText(version: VersionProvenance): string | undefined {
  return version.asOf === undefined ? undefined : t('report.provenance.asOf', { date: version.asOf });
}

/** How the version was asked for and what that named: `goyang@2021-01-01 (2021-01-01 기준) → goyang@2020-07-17`. */
export function askedText(version: VersionProvenance): string {
  const asOf = asOfText(version);
  if (asOf !== undefined) return t('report.provenance.resolvedTo', { ref: version.ref, asOf, label: version.label });
  return version.ref === version.label ? version.label : `${version.ref} → ${version.label}`;
}

/** `2020-07-17 ~ 현재 (시행 중)`; a draft or a file has no period of its own. */
export function periodText(version: VersionProvenance): string {
  if (version.inForce === undefined) return t(version.kind === 'draft' ? 'report.provenance.draft' : 'report.provenance.file');
  const { from, until, status } = version.inForce;
  return t('report.provenance.periodRange', {
    from: from ?? t('report.provenance.unknownDate'),
    until: until ?? t('report.provenance.now'),
    status: t(`report.status.${status}` as MessageKey),
  });
}

/** The generation time as a person in Korea reads it: `2026-12-01 20:45:12 (UTC+09:00)`. */
export function generatedText(iso: string): string {
  const korea = new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString();
  return `${korea.slice(0, 10)} ${korea.slice(11, 19)} (UTC+09:00)`;
}

function versionGroup(version: VersionProvenance, title: string): ProvenanceGroup {
  const none = t('report.provenance.none');
  const rows: [string, string][] = [
    [t('report.provenance.asked'), askedText(version)],
    [t('report.provenance.body'), version.city],
    [t('report.provenance.tag'), version.tag ?? none],
    [t('report.provenance.commit'), version.commit ?? none],
    [t('report.provenance.effective'), version.effective ?? t('report.provenance.unknownDate')],
    [t('report.provenance.period'), periodText(version)],
    [t('report.provenance.sourceFile'), version.source.file ?? none],
    [t('report.provenance.sha256'), version.source.sha256],
    [t('report.provenance.url'), version.source.url ?? none],
  ];
  return { title: `${title}: ${version.label}`, rows };
}

/** The block's groups, in the order every format prints them. */
export function provenanceGroups(provenance: Provenance): ProvenanceGroup[] {
  const store: ProvenanceGroup = provenance.store
    ? { title: t('report.provenance.store'), rows: [[t('report.provenance.storePath'), provenance.store.dir], [t('report.provenance.head'), provenance.store.head]] }
    : { title: t('report.provenance.store'), rows: [[t('report.provenance.storePath'), t('report.provenance.noStore')]] };
  const titles = provenance.versions.length === 2 ? [t('report.provenance.old'), t('report.provenance.new')] : provenance.versions.map(() => t('report.provenance.version'));
  const made: ProvenanceGroup = {
    title: t('report.provenance.made'),
    rows: [[t('report.provenance.tool'), `${provenance.tool.name} ${provenance.tool.version}`], [t('report.provenance.generated'), generatedText(provenance.generated)]],
  };
  return [store, ...provenance.versions.map((v, i) => versionGroup(v, titles[i]!)), made];
}

const oneLine = (text: string): string => inert(text, 'terminal', { singleLine: true });

/** Plain text, labels aligned by display width: the header of `diff` and `show --format text`. */
export function provenanceText(provenance: Provenance): string {
  const groups = provenanceGroups(provenance);
  const width = Math.max(...groups.flatMap((g) => g.rows.map(([label]) => displayWidth(label))));
  const lines = [`[${t('report.provenance.title')}]`];
  for (const group of groups) {
    lines.push(`  ${oneLine(group.title)}`);
    for (const [label, value] of group.rows) lines.push(`    ${padToWidth(label, width)}  ${oneLine(value)}`);
  }
  return lines.join('\n') + '\n';
}

/** Markdown: a heading and one two-column table per group. */
export function provenanceMarkdown(provenance: Provenance, level = 2): string {
  const out = [`${'#'.repeat(level)} ${inertMarkdown(t('report.provenance.title'))}`, ''];
  for (const group of provenanceGroups(provenance)) {
    out.push(`**${inertMarkdown(group.title, { singleLine: true })}**`, '', '| | |', '|---|---|');
    for (const [label, value] of group.rows) out.push(`| ${inertMarkdown(label, { singleLine: true })} | ${inertMarkdown(value, { singleLine: true })} |`);
    out.push('');
  }
  return out.join('\n');
}

/** HTML: a section with one table, a heading row per group; long ids (commits, sha256) may break anywhere. */
export function provenanceHtml(provenance: Provenance): string {
  const html = (text: string): string => inert(text, 'html', { singleLine: true });
  const body = provenanceGroups(provenance)
    .map((group) => {
      const rows = group.rows.map(([label, value]) => `<tr><th scope="row">${html(label)}</th><td class="value">${html(value)}</td></tr>`).join('\n');
      return `<tbody><tr class="group"><th colspan="2" scope="rowgroup">${html(group.title)}</th></tr>\n${rows}</tbody>`;
    })
    .join('\n');
  return `<section class="provenance" aria-label="${html(t('report.provenance.title'))}">\n<h2>${html(t('report.provenance.title'))}</h2>\n<table class="provenance">\n${body}\n</table>\n</section>`;
}
