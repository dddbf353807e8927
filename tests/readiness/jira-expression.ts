/**
 * A small evaluator of the Jira expression subset the workflow validators use, so a test can run
 * the manifest's own strings against sample issues. Semantics follow Atlassian's documentation of
 * Jira expressions: JavaScript-like syntax; reading a property of null is an error, `?.` gives null
 * instead; `+` with a string concatenates; `==` compares values without conversion. Function calls
 * are not part of the subset: the parser refuses them, which is how a test proves there are none.
 *
 * Grammar: ternary := or ('?' ternary ':' ternary)? ; or := and ('||' and)* ; and := eq ('&&' eq)* ;
 * eq := rel (('=='|'!=') rel)* ; rel := add (('<'|'<='|'>'|'>=') add)* ; add := unary ('+' unary)* ;
 * unary := '!' unary | postfix ; postfix := primary ('.' name | '?.' name | '[' expr ']' | '?.[' expr ']')* ;
 * primary := string | number | true | false | null | name | '(' ternary ')'.
 */

export type Value = string | number | boolean | null | { [key: string]: Value } | Value[];

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Node; property: Node; optional: boolean }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'conditional'; test: Node; then: Node; otherwise: Node };

type Token = { type: 'string' | 'number' | 'name' | 'punct'; text: string; pos: number };

export class ExpressionError extends Error {}

const PUNCT = ['?.[', '?.', '==', '!=', '<=', '>=', '&&', '||', '.', '[', ']', '(', ')', '?', ':', '!', '+', '<', '>'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          j++;
          const e = src[j];
          text += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
        } else text += src[j];
        j++;
      }
      if (j >= src.length) throw new ExpressionError(`unterminated string at ${i}`);
      tokens.push({ type: 'string', text, pos: i });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ type: 'number', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (!p) throw new ExpressionError(`unexpected "${c}" at ${i}`);
    tokens.push({ type: 'punct', text: p, pos: i });
    i += p.length;
  }
  return tokens;
}

export function parseExpression(src: string): Node {
  const tokens = tokenize(src);
  let at = 0;
  const peek = () => tokens[at];
  const is = (text: string) => peek()?.type === 'punct' && peek()?.text === text;
  const expect = (text: string) => {
    if (!is(text)) throw new ExpressionError(`expected "${text}" at ${peek()?.pos ?? src.length}`);
    at++;
  };

  const primary = (): Node => {
    const t = peek();
    if (!t) throw new ExpressionError('unexpected end of expression');
    at++;
    if (t.type === 'string') return { kind: 'literal', value: t.text };
    if (t.type === 'number') return { kind: 'literal', value: Number(t.text) };
    if (t.type === 'name') {
      if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
      if (t.text === 'null') return { kind: 'literal', value: null };
      return { kind: 'name', name: t.text };
    }
    if (t.text === '(') {
      const inner = ternary();
      expect(')');
      return inner;
    }
    throw new ExpressionError(`unexpected "${t.text}" at ${t.pos}`);
  };
  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      if (is('(')) throw new ExpressionError(`function call at ${peek()?.pos}: not in the subset (a validator must call no function)`);
      if (is('.') || is('?.')) {
        const optional = is('?.');
        at++;
        const t = peek();
        if (t?.type !== 'name') throw new ExpressionError(`expected a property name at ${t?.pos ?? src.length}`);
        at++;
        node = { kind: 'member', object: node, property: { kind: 'literal', value: t.text }, optional };
      } else if (is('[') || is('?.[')) {
        const optional = is('?.[');
        at++;
        const property = ternary();
        expect(']');
        node = { kind: 'member', object: node, property, optional };
      } else return node;
    }
  };
  const unary = (): Node => {
    if (is('!')) {
      at++;
      return { kind: 'not', operand: unary() };
    }
    return postfix();
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let left = next();
    while (ops.some(is)) {
      const op = (peek() as Token).text;
      at++;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const add = binary(unary, ['+']);
  const rel = binary(add, ['<', '<=', '>', '>=']);
  const eq = binary(rel, ['==', '!=']);
  const and = binary(eq, ['&&']);
  const or = binary(and, ['||']);
  function ternary(): Node {
    const test = or();
    if (!is('?')) return test;
    at++;
    const then = ternary();
    expect(':');
    return { kind: 'conditional', test, then, otherwise: ternary() };
  }
  const tree = ternary();
  if (at !== tokens.length) throw new ExpressionError(`unexpected "${peek()?.text}" at ${peek()?.pos}`);
  return tree;
}

function truthy(v: Value): boolean {
  return !(v === null || v === false || v === 0 || v === '');
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function asString(v: Value): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

function evaluateNode(node: Node, scope: Record<string, Value>): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'name':
      if (!(node.name in scope)) throw new ExpressionError(`unknown variable ${node.name}`);
      return scope[node.name] as Value;
    case 'member': {
      const object = evaluateNode(node.object, scope);
      if (object === null) {
        if (node.optional) return null;
        throw new ExpressionError('Type null does not have any properties');
      }
      const key = evaluateNode(node.property, scope);
      if (typeof object !== 'object') throw new ExpressionError(`Type ${typeof object} does not have the property ${asString(key)}`);
      const v = (object as Record<string, Value>)[asString(key)];
      return v === undefined ? null : v;
    }
    case 'not':
      return !truthy(evaluateNode(node.operand, scope));
    case 'conditional':
      return truthy(evaluateNode(node.test, scope)) ? evaluateNode(node.then, scope) : evaluateNode(node.otherwise, scope);
    case 'binary': {
      if (node.op === '&&') return truthy(evaluateNode(node.left, scope)) && truthy(evaluateNode(node.right, scope));
      if (node.op === '||') return truthy(evaluateNode(node.left, scope)) || truthy(evaluateNode(node.right, scope));
      const l = evaluateNode(node.left, scope);
      const r = evaluateNode(node.right, scope);
      switch (node.op) {
        case '==':
          return equal(l, r);
        case '!=':
          return !equal(l, r);
        case '+':
          if (typeof l === 'string' || typeof r === 'string') return asString(l) + asString(r);
          if (typeof l === 'number' && typeof r === 'number') return l + r;
          throw new ExpressionError(`cannot add ${asString(l)} and ${asString(r)}`);
        default: {
          if (typeof l !== 'number' || typeof r !== 'number') throw new ExpressionError(`"${node.op}" compares numbers only`);
          return { '<': l < r, '<=': l <= r, '>': l > r, '>=': l >= r }[node.op as '<'] ?? false;
        }
      }
    }
  }
}

export function evaluateExpression(src: string, scope: Record<string, Value>): Value {
  return evaluateNode(parseExpression(src), scope);
}

/** What Jira does with a validator: the transition passes only when the expression is exactly true. */
export function validatorPasses(expression: string, scope: Record<string, Value>): boolean {
  try {
    return evaluateExpression(expression, scope) === true;
  } catch {
    return false;
  }
}
