/**
 * The parser: text copied from a city's policy page, or the page saved as HTML (bytes or string) → a
 * PolicyVersion and a report of what was dropped as page furniture and anything a person should check.
 *
 * Pipeline: decode → (HTML → visible text lines) → normalise → classify lines → choose the numbering scheme and its headings
 * → lay out (furniture, title, preamble, articles, appendix) → clause trees → topics → revision → city.
 * For a saved page, line numbers in the report are lines of the HTML source.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { inputTooLarge, MAX_INPUT_BYTES } from './limits.js';
import type { Article, Clause, DroppedLine, ParseResult, ParseWarning, PolicyVersion, Section, Source } from '../model.js';
import { findBodyName } from './city.js';
import { MAX_CLAUSE_DEPTH, SLUG_PATTERN } from '../schema.js';
import { buildClauses, type BlockLine, type NestingReport } from './clauses.js';
import { assertTextual, decodePolicyBytes, normaliseText } from './decode.js';
import { assertReadableCharset, dropDownOption, htmlToText, looksLikeHtml } from './html.js';
import { layOut } from './layout.js';
import { classifyLine, detectMarker, type Line } from './lines.js';
import { extractRevision, versionDropDown } from './revision.js';
import { topicOf } from './topics.js';
import { articleName } from '../presentation/labels.js';
import { t } from '../presentation/messages/index.js';
import { TextMemo } from '../text-memo.js';

export { decodePolicyBytes } from './decode.js';
export { parseKoreanDate } from './dates.js';
export { topicOf, TOPIC_LABELS } from './topics.js';

export interface ParseOptions {
  /** Display name (고양특례시); guessed from the text when absent. */
  city?: string;
  /** [a-z0-9-]+ (goyang); romanised from the city name when absent. */
  slug?: string;
  /** Where the bytes came from: recorded in source.file and named in error messages. */
  sourceFile?: string;
  url?: string;
  /** YYYY-MM-DD */
  retrieved?: string;
}

export { inputTooLarge, MAX_INPUT_BYTES } from './limits.js';

/** The body text written on a heading line becomes the article's first clause. */
function inlineLine(text: string): BlockLine {
  const marker = detectMarker(text);
  return marker ? { indent: 0, marker: marker.marker, family: marker.family, text: marker.text } : { indent: 0, text };
}

/** An article's clause tree, and how many of its lines had their nesting capped. */
interface ArticleBody {
  clauses: Clause[];
  capped: number;
}

/**
 * Article bodies remembered by the text of their lines (the text on the heading line, then each body line
 * as normalised), which is all that building them reads: the two versions of a page share most articles
 * word for word, and such an article's body is then one array on both sides (the diff compares it by
 * identity and keys it once). Clause trees are never changed once built.
 */
const articleBodies = new TextMemo<ArticleBody>(10_000);

function articleBody(inline: string | undefined, body: readonly Line[]): ArticleBody {
  // Joined in one go: a string built by concatenation is compared part by part each time it is looked up.
  const text = [inline ?? '', ...body.map((l) => l.raw)].join('\n');
  return articleBodies.get(text, () => {
    const nesting: NestingReport = { capped: 0 };
    const clauses = buildClauses(inline ? [inlineLine(inline), ...body] : body, nesting);
    return { clauses, capped: nesting.capped };
  });
}

function sourceOf(options: ParseOptions, sha256: string, encoding: 'utf-8' | 'euc-kr'): Source {
  return {
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.sourceFile === undefined ? {} : { file: options.sourceFile }),
    ...(options.retrieved === undefined ? {} : { retrieved: options.retrieved }),
    sha256,
    encoding,
  };
}

/**
 * The options of the drop-downs that stand in an article: below its heading (source line `from`), above
 * the next heading (`next`) and the first line the layout dropped after it (the page footer).
 */
function dropDownOptionsWithin(from: number, next: number, layoutDropped: readonly DroppedLine[], pageDropped: readonly DroppedLine[]): Clause[] {
  const to = Math.min(next, layoutDropped.find((d) => d.line > from)?.line ?? Infinity);
  return pageDropped.filter((d) => d.reason === dropDownOption() && d.line > from && d.line < to).map((d) => ({ text: d.text }));
}

export function parsePolicy(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const where = options.sourceFile ?? t('err.input.theInput');
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (bytes.length > MAX_INPUT_BYTES) throw inputTooLarge(where, bytes.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let decoded: { text: string; encoding: 'utf-8' | 'euc-kr' };
  if (typeof input === 'string') {
    assertTextual(input, where);
    decoded = { text: input, encoding: 'utf-8' };
  } else {
    assertReadableCharset(input, where);
    decoded = decodePolicyBytes(input, where);
  }
  if (options.slug !== undefined && !SLUG_PATTERN.test(options.slug)) {
    throw new InputError(t('err.input.badSlug', { slug: options.slug }), { where, hint: t('err.input.badSlug.hint') });
  }

  const warnings: ParseWarning[] = [];
  const page = looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : null;
  const normalised = normaliseText(page ? page.lines.join('\n') : decoded.text);
  // A page's text lines are numbered by the HTML line they came from, so a person can find them.
  const lineNo = (textLine: number): number => (page ? (page.sourceLines[textLine - 1] ?? textLine) : textLine);
  if (normalised.strippedCount > 0) {
    const strippedLines = [...new Set(normalised.strippedLines.map(lineNo))];
    const shown = strippedLines.slice(0, 10).join(', ');
    const more = strippedLines.length > 10 ? ', …' : '';
    warnings.push({
      line: strippedLines[0],
      message: t('parse.warn.controlsRemoved', { count: normalised.strippedCount, lines: `${shown}${more}` }),
    });
  }
  const lines: Line[] = normalised.lines.map((raw, index) => classifyLine(raw, lineNo(index + 1)));
  if (lines.every((l) => l.blank)) {
    throw new InputError(t(page ? 'err.input.emptyPage' : 'err.input.empty', { where }), { where, hint: t(page ? 'err.input.emptyPage.hint' : 'err.input.empty.hint') });
  }
  const layout = layOut(lines, where);
  if (!layout) {
    throw new InputError(t('err.input.noArticles', { where }), { where, hint: t('err.input.noArticles.hint') });
  }
  warnings.push(...layout.warnings);

  const nesting: NestingReport = { capped: 0 };
  const preamble = buildClauses(layout.preamble, nesting);
  const numbering = layout.numbering;
  // ■ and unnumbered headings print no number: their position stands for it.
  const positional = numbering === 'symbol' || numbering === 'none';
  const articles: Article[] = layout.articles.map(({ candidate, body }, position) => {
    const { number, branch, label, title, inline } = candidate.heading;
    const { clauses, capped } = articleBody(inline, body);
    nesting.capped += capped;
    return {
      number: positional ? position + 1 : number,
      ...(branch === undefined ? {} : { branch }),
      ...(label === undefined || numbering === 'none' ? {} : { label }),
      title,
      topic: topicOf(title, clauses),
      body: clauses,
    };
  });
  const appendix: Section[] = layout.appendix.map((s) => ({ title: s.title, body: buildClauses(s.body, nesting) }));
  if (nesting.capped > 0) {
    warnings.push({
      message: t('parse.warn.nestingCapped', { count: nesting.capped, depth: MAX_CLAUSE_DEPTH }),
    });
  }

  for (let i = 1; i < articles.length && !positional; i++) {
    const [a, b] = [articles[i - 1]!, articles[i]!];
    if (b.number > a.number + 1) {
      warnings.push({
        line: lines[layout.articles[i]!.candidate.index]!.no,
        message: t('parse.warn.numberingJump', { from: articleName(a, numbering), to: articleName(b, numbering) }),
      });
    }
  }

  const revisionIndex = articles.findIndex((a) => a.topic === 'revision');
  const revisionArticle = articles[revisionIndex];
  // A version drop-down in the revision article is not its text (its options are in the report), but it
  // lists the versions: the revision is read with its options in place.
  const headingLine = (k: number): number => lines[layout.articles[k]!.candidate.index]!.no;
  const listed =
    revisionIndex < 0 || !page
      ? []
      : dropDownOptionsWithin(headingLine(revisionIndex), revisionIndex + 1 < articles.length ? headingLine(revisionIndex + 1) : Infinity, layout.dropped, page.dropped);
  let { revision, notes } = extractRevision(revisionArticle ? [...revisionArticle.body, ...listed] : null, preamble, appendix);
  // An article that lists no earlier version, on a page whose head holds a version drop-down (above the
  // policy, dropped as the page's header): the drop-down lists them.
  if (revisionArticle && revision && revision.earlier.length === 0) {
    const firstHeading = layout.articles.length > 0 ? headingLine(0) : Infinity;
    const headOptions = (page?.dropped ?? []).filter((d) => d.reason === dropDownOption() && d.line < firstHeading).map((d) => d.text);
    const headLines = lines.slice(0, layout.articles[0]?.candidate.index ?? 0).map((l) => l.content);
    const dropDown = [headOptions, headLines].map(versionDropDown).find((run) => run.length > 0);
    if (dropDown) {
      ({ revision, notes } = extractRevision([...revisionArticle.body, ...listed, ...dropDown.map((text) => ({ text }))], preamble, appendix));
      notes.push(t('parse.warn.dropDownVersions', { count: revision!.earlier.length, first: dropDown[0]! }));
    }
  }
  for (const note of notes) warnings.push({ message: note });
  if (!revisionArticle) warnings.push({ message: t('parse.warn.noRevisionArticle') });
  if (revision?.effectiveMonth !== undefined) {
    const [year, month] = revision.effectiveMonth.split('-');
    warnings.push({ message: t('parse.warn.effectiveMonthOnly', { year: year!, month: month! }) });
  } else if (revision && revision.effective === null) {
    warnings.push({ message: t('parse.warn.noEffectiveDate') });
  }

  let city = options.city;
  let slug = options.slug;
  if (city === undefined || slug === undefined) {
    const firstArticle = layout.articles[0];
    const found = findBodyName({
      title: layout.title,
      preamble: layout.preamble.map((l) => l.content),
      head: lines.slice(0, firstArticle?.candidate.index ?? 0).map((l) => l.content),
      firstArticle: [firstArticle?.candidate.heading.inline ?? '', ...(firstArticle?.body ?? []).slice(0, 3).map((l) => l.content)],
      text: normalised.lines,
      siteNames: page?.siteNames ?? [],
    });
    // Without a name where pages name their body, the version says 'unknown' rather than guess a body word.
    city ??= found?.name ?? 'unknown';
    slug ??= found?.slug ?? 'unknown';
    if (!found) warnings.push({ message: t('parse.warn.noCity') });
    else if (found.slug === null) warnings.push({ message: t('parse.warn.noSlug', { name: found.name }) });
  }

  const version: PolicyVersion = {
    city,
    slug,
    title: layout.title,
    ...(numbering === 'article' ? {} : { numbering }),
    effective: revision?.effective ?? null,
    source: sourceOf(options, sha256, decoded.encoding),
    preamble,
    articles,
    appendix,
    revision,
  };
  // What the page source holds but does not show (options, captions, holes) is reported with the rest.
  const dropped = page && page.dropped.length > 0 ? [...page.dropped, ...layout.dropped].sort((a, b) => a.line - b.line) : layout.dropped;
  return { version, report: { dropped, warnings } };
}
