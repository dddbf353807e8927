/**
 * A parser for the JQL the app and its users write: clauses joined by AND / OR / NOT and
 * parentheses, lists, functions, EMPTY, and ORDER BY. Errors read like Jira's, so a bad query
 * gets the 400 a real site would give.
 */

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export type Operator = '=' | '!=' | '~' | '!~' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';

export type Operand =
  | { kind: 'value'; text: string }
  | { kind: 'empty' }
  | { kind: 'fn'; name: string; args: string[] }
  | { kind: 'list'; items: Operand[] };

export type JqlNode =
  | { kind: 'and' | 'or'; items: JqlNode[] }
  | { kind: 'not'; item: JqlNode }
  | { kind: 'clause'; field: string; op: Operator; operand: Operand };

export interface SortKey {
  field: string;
  descending: boolean;
}

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: SortKey[];
}

type Token = { type: 'word' | 'string' | 'op' | '(' | ')' | ','; text: string; pos: number };

const OPERATORS = ['!=', '!~', '<=', '>=', '=', '~', '<', '>', '&&', '||', '&', '|'];
const DELIMITERS = new Set([...'()=!<>~,"\'&|']);
const VALID_OPERATORS = "'=', '!=', '~', '!~', '<', '<=', '>', '>=', 'in', 'not in', 'is' and 'is not'";

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new JqlError(`Error in the JQL Query: The quoted string '${value}' has not been completed. (line 1, character ${i + 1})`);
      tokens.push({ type: 'string', text: value, pos: i });
      i = j + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, pos: i });
      i++;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ type: 'op', text: op, pos: i });
        i += op.length;
        continue;
      }
      let j = i;
      while (j < text.length && !/\s/.test(text[j] as string) && !DELIMITERS.has(text[j] as string)) j++;
      if (j === i) throw new JqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character. (line 1, character ${i + 1})`);
      tokens.push({ type: 'word', text: text.slice(i, j), pos: i });
      i = j;
    }
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  query(): JqlQuery {
    const where = this.atEnd() || this.isWord('order') ? null : this.or();
    const orderBy: SortKey[] = [];
    if (this.isWord('order')) {
      this.i++;
      if (!this.isWord('by')) this.fail("'by'");
      this.i++;
      do {
        const field = this.take();
        if (!field || (field.type !== 'word' && field.type !== 'string')) this.fail('a field name', field);
        let descending = false;
        if (this.isWord('asc') || this.isWord('desc')) descending = this.take()?.text.toLowerCase() === 'desc';
        orderBy.push({ field: field.text, descending });
      } while (this.skip(','));
    }
    if (!this.atEnd()) this.fail(where ? "'AND', 'OR' or 'ORDER BY'" : 'a field name', this.peek());
    return { where, orderBy };
  }

  private or(): JqlNode {
    const items = [this.and()];
    while (this.isWord('or') || this.isOp('|') || this.isOp('||')) {
      this.i++;
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as JqlNode) : { kind: 'or', items };
  }

  private and(): JqlNode {
    const items = [this.not()];
    while (this.isWord('and') || this.isOp('&') || this.isOp('&&')) {
      this.i++;
      items.push(this.not());
    }
    return items.length === 1 ? (items[0] as JqlNode) : { kind: 'and', items };
  }

  private not(): JqlNode {
    if (this.isWord('not')) {
      this.i++;
      return { kind: 'not', item: this.not() };
    }
    if (this.skip('(')) {
      const inner = this.or();
      if (!this.skip(')')) this.fail("')'", this.peek());
      return inner;
    }
    return this.clause();
  }

  private clause(): JqlNode {
    const field = this.take();
    if (!field || (field.type !== 'word' && field.type !== 'string')) return this.fail('a field name', field);
    const op = this.operator();
    let operand: Operand;
    if (op === 'in' || op === 'not in') {
      operand = this.peek()?.type === '(' ? this.list() : this.operand();
    } else if (op === 'is' || op === 'is not') {
      const t = this.take();
      if (!t || t.type !== 'word' || !/^(empty|null)$/i.test(t.text)) return this.fail("'EMPTY' or 'NULL'", t);
      operand = { kind: 'empty' };
    } else {
      operand = this.operand();
    }
    return { kind: 'clause', field: field.text, op, operand };
  }

  private operator(): Operator {
    const t = this.take();
    if (t?.type === 'op' && ['=', '!=', '~', '!~', '<', '<=', '>', '>='].includes(t.text)) return t.text as Operator;
    if (t?.type === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'in') return 'in';
      if (w === 'is') {
        if (this.isWord('not')) {
          this.i++;
          return 'is not';
        }
        return 'is';
      }
      if (w === 'not' && this.isWord('in')) {
        this.i++;
        return 'not in';
      }
      if (w === 'was' || w === 'changed') throw new JqlError(`The emulator does not support the '${t.text.toUpperCase()}' operator.`);
    }
    return this.fail(`operator`, t, ` The valid operators are ${VALID_OPERATORS}.`);
  }

  private list(): Operand {
    this.i++; // (
    const items: Operand[] = [this.operand()];
    while (this.skip(',')) items.push(this.operand());
    if (!this.skip(')')) this.fail("')'", this.peek());
    return { kind: 'list', items };
  }

  private operand(): Operand {
    const t = this.take();
    if (!t || (t.type !== 'word' && t.type !== 'string')) return this.fail('either a value, list or function', t);
    if (t.type === 'word' && /^(empty|null)$/i.test(t.text)) return { kind: 'empty' };
    if (t.type === 'word' && this.peek()?.type === '(') {
      this.i++;
      const args: string[] = [];
      if (!this.skip(')')) {
        do {
          const a = this.take();
          if (!a || (a.type !== 'word' && a.type !== 'string')) return this.fail('a function argument', a);
          args.push(a.text);
        } while (this.skip(','));
        if (!this.skip(')')) this.fail("')'", this.peek());
      }
      return { kind: 'fn', name: t.text, args };
    }
    return { kind: 'value', text: t.text };
  }

  private fail(expected: string, got?: Token, extra = ''): never {
    if (!got) throw new JqlError(`Error in the JQL Query: Expecting ${expected} before the end of the query.${extra}`);
    throw new JqlError(`Error in the JQL Query: Expecting ${expected} but got '${got.text}'.${extra} (line 1, character ${got.pos + 1})`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private take(): Token | undefined {
    return this.tokens[this.i++];
  }
  private atEnd(): boolean {
    return this.i >= this.tokens.length;
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return t?.type === 'word' && t.text.toLowerCase() === w;
  }
  private isOp(o: string): boolean {
    const t = this.peek();
    return t?.type === 'op' && t.text === o;
  }
  private skip(type: '(' | ')' | ','): boolean {
    if (this.peek()?.type !== type) return false;
    this.i++;
    return true;
  }
}

export function parseJql(text: string): JqlQuery {
  return new Parser(tokenize(text)).query();
}
