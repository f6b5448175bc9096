/**
 * Whom to ask (문의처), read from the policy's own 개인정보 보호책임자 article: the department, phone
 * and e-mail as the page prints them. Pages lay the article out in every way: a table with the
 * 책임자 and the 담당자 side by side (고양), nested lists under "1. 개인정보 보호책임자" / "2. 개인정보보호
 * 담당자" (파주), "총괄부서 : 정보통신과" with its contacts under it (의정부), flat "담당부서: …" lines after a
 * role line (남양주), one line per person (익산: "개인정보보호담당자 : 교육정보과 임성숙 063-…, …@…"), or a
 * table with a 구분 | 부서 | 연락처 header. Each is read as groups (one per role) of labelled values; the
 * working department's group (담당자, 담당부서, 총괄부서) is preferred over the 책임자's, because that is
 * where a 공고 sends questions. Nothing is guessed: a value the page does not print stays absent.
 */
import type { Article, Clause } from '../model.js';
import { contactRanges, DEPARTMENT_NAME, shortenLabel } from '../diff/facts.js';

export interface Contact {
  department?: string;
  phone?: string;
  email?: string;
}

type Role = 'officer' | 'staff';

interface Group {
  role?: Role;
  contact: Contact;
}

/** A label that names a role: short, about 개인정보 (보호), a 책임자 or a working 담당자/부서. */
function roleOf(label: string): Role | undefined {
  const key = label.replace(/\s+/gu, '');
  if (key.length > 24 || !/개인정보|보호/u.test(key)) return undefined;
  if (/책임자|책임관/u.test(key)) return 'officer';
  if (/담당자|담당부서|총괄부서|실무|담당관|처리부서|전담부서/u.test(key)) return 'staff';
  return undefined;
}

type Field = keyof Contact;

/** Which value a label introduces; a role label such as "총괄부서" introduces its department. */
function fieldOf(label: string): Field | undefined {
  const key = shortenLabel(label).replace(/\s+/gu, '');
  if (/메일|mail/iu.test(key)) return 'email';
  if (/전화|연락처|tel|문의처|fax/iu.test(key)) return /fax/iu.test(key) ? undefined : 'phone';
  if (/부서|소속/u.test(key)) return 'department';
  return undefined;
}

function tokens(text: string): { phone?: string; email?: string } {
  const found: { phone?: string; email?: string } = {};
  for (const [start, end] of contactRanges(text)) {
    const token = text.slice(start, end).trim();
    if (token.includes('@')) found.email ??= token;
    else found.phone ??= token;
  }
  return found;
}

/** A department name as printed: the value up to its first parenthesis, else a name with a department's ending found in free text. */
function departmentIn(value: string, labelled: boolean): string | undefined {
  const named = new RegExp(DEPARTMENT_NAME.source, 'u').exec(value)?.[0];
  if (labelled) {
    const head = value.split(/[(（/,]/u)[0]!.trim();
    if (head !== '' && contactRanges(head).length === 0) return head;
  }
  return named;
}

function fill(contact: Contact, field: Field, value: string | undefined): void {
  if (value !== undefined && value !== '' && contact[field] === undefined) contact[field] = value;
}

/** Adds what "label : value" (or a bare line) says to `group`. */
function addLabelled(group: Group, label: string | undefined, value: string): void {
  const field = label === undefined ? undefined : fieldOf(label);
  const found = tokens(value);
  if (field === 'department') fill(group.contact, 'department', departmentIn(value, true));
  else if (field === 'phone') fill(group.contact, 'phone', found.phone);
  else if (field === 'email') fill(group.contact, 'email', found.email);
  else {
    // A role line's own value ("교육정보과 임성숙 063-859-5812, …@korea.kr") or a line with contacts in it.
    fill(group.contact, 'phone', found.phone);
    fill(group.contact, 'email', found.email);
    if (label !== undefined && roleOf(label) === 'staff') fill(group.contact, 'department', departmentIn(value, false));
  }
}

const LABELLED = /^([^:：]{1,24}?)\s*[:：]\s*(.*)$/u;

class Reader {
  readonly groups: Group[] = [];
  private current: Group | undefined;

  private group(): Group {
    if (this.current === undefined) {
      this.current = { contact: {} };
      this.groups.push(this.current);
    }
    return this.current;
  }

  private start(role: Role): Group {
    this.current = { role, contact: {} };
    this.groups.push(this.current);
    return this.current;
  }

  line(text: string): void {
    const labelled = LABELLED.exec(text.trim());
    const label = labelled?.[1]?.trim();
    const value = labelled?.[2]?.trim() ?? text.trim();
    const role = roleOf(label ?? text);
    if (role !== undefined) {
      const group = this.start(role);
      if (labelled) {
        if (fieldOf(label!) === 'department') fill(group.contact, 'department', departmentIn(value, true));
        else addLabelled(group, label, value);
      }
      return;
    }
    addLabelled(this.group(), label, value);
  }

  /** Consecutive table rows: role columns side by side (고양), a header of labels (구분 | 부서 | 연락처), or label | value rows. */
  table(rows: readonly (readonly string[])[]): void {
    const [first, ...rest] = rows;
    if (first === undefined) return;
    const roleColumns = first.map((cell, k) => (cell.trim() !== '' ? [k, roleOf(cell)] : null)).filter((c): c is [number, Role | undefined] => c !== null && c[1] !== undefined);
    if (roleColumns.length > 0 && rest.length > 0) {
      // Each role heads the columns up to the next one: label | value pairs under it.
      roleColumns.forEach(([start, role], i) => {
        const end = roleColumns[i + 1]?.[0] ?? Math.max(...rows.map((r) => r.length));
        const group = this.start(role!);
        for (const row of rest) for (let k = start; k + 1 < end; k += 2) addLabelled(group, row[k], row[k + 1] ?? '');
      });
      this.current = undefined;
      return;
    }
    const headerFields = first.map((cell) => fieldOf(cell));
    if (headerFields.filter((f) => f !== undefined).length >= 1 && first.length > 2 && rest.length > 0) {
      for (const row of rest) {
        const role = row.map((cell) => roleOf(cell)).find((r) => r !== undefined);
        const group = this.start(role ?? 'staff');
        if (role === undefined) group.role = undefined;
        row.forEach((cell, k) => addLabelled(group, first[k], cell));
      }
      this.current = undefined;
      return;
    }
    for (const row of rows) {
      if (row.length >= 2) this.line(`${row[0]} : ${row.slice(1).join(' ')}`);
      else if (row[0] !== undefined) this.line(row[0]);
    }
  }
}

function walk(reader: Reader, clauses: readonly Clause[]): void {
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length > 0) reader.table(rows);
    rows = [];
  };
  for (const clause of clauses) {
    if (clause.row !== undefined) {
      rows.push(clause.row);
      continue;
    }
    flush();
    if (clause.text !== undefined) reader.line(clause.text);
    if (clause.children) walk(reader, clause.children);
  }
  flush();
}

const hasAny = (contact: Contact): boolean => contact.department !== undefined || contact.phone !== undefined || contact.email !== undefined;

/** The 문의처 an article prints: the working department's contacts, else the 책임자's, else any; null when it prints none. */
export function contactFromArticle(article: Pick<Article, 'body'>): Contact | null {
  const reader = new Reader();
  walk(reader, article.body);
  const usable = reader.groups.filter((g) => hasAny(g.contact));
  const chosen = usable.find((g) => g.role === 'staff' && (g.contact.department !== undefined || g.contact.phone !== undefined)) ?? usable.find((g) => g.role === 'officer') ?? usable[0];
  return chosen === undefined ? null : { ...chosen.contact };
}

/** The policy's 보호책임자 article (by its topic, in any numbering scheme), if it has one. */
export function officerArticle(articles: readonly Article[]): Article | undefined {
  return articles.find((article) => article.topic === 'officer');
}
