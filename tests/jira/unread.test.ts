/**
 * A member cut from a JSON answer before it is parsed (`withoutMember`): whatever the JSON (any
 * nesting, strings holding quotes, braces, backslashes and the member's own name, any layout), the
 * text left parses to the value with every such member deleted; and the bulk changelog read
 * through the cut gives the histories it gave before.
 */
import fc from 'fast-check';
import { withoutMember } from '../../src/jira/unread';

/** Strings and keys built from the characters that could fool a cut. */
const tricky = fc.array(fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'author', '"author":', '\\"author\\":{', 'é'), { maxLength: 8 }).map((parts) => parts.join(''));
const key = fc.oneof(fc.constant('author'), fc.constant('author'), tricky);

const { value } = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    tricky,
    tie('object'),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

function deleted(v: unknown, name: string): unknown {
  if (Array.isArray(v)) return v.map((x) => deleted(x, name));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== name) out[k] = deleted(x, name);
    return out;
  }
  return v;
}

describe('withoutMember', () => {
  it('leaves text that parses to the value without the member, in any layout', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 1, '\t', ' \n '), (v, space) => {
        const text = JSON.stringify(v, null, space);
        const cut = withoutMember(text, 'author');
        expect(JSON.parse(cut)).toEqual(deleted(JSON.parse(text), 'author'));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts first, middle, last and only members, and leaves a name inside a string alone', () => {
    expect(withoutMember('{"author":{"a":"}{"},"id":"1"}', 'author')).toBe('{"id":"1"}');
    expect(withoutMember('{"id":"1","author":{"a":{"b":[1,"]"]}},"created":"x"}', 'author')).toBe('{"id":"1","created":"x"}');
    expect(withoutMember('{"id":"1","author":null}', 'author')).toBe('{"id":"1"}');
    expect(withoutMember('{"author":"\\"x"}', 'author')).toBe('{}');
    expect(withoutMember('{"s":"\\"author\\":{","n":1}', 'author')).toBe('{"s":"\\"author\\":{","n":1}');
    expect(withoutMember('{"a":1}', 'author')).toBe('{"a":1}');
  });

  it('leaves text it cannot cut exactly as it is (parsed in full, as before)', () => {
    // Two such members in a row, the second last: the comma to take went with the first.
    const twice = '{"a":1,"author":{"x":1},"author":{"y":2}}';
    expect(withoutMember(twice, 'author')).toBe(twice);
    // Not JSON: nothing to skip.
    const broken = '{"a":1,"author":{"x":"1}';
    expect(withoutMember(broken, 'author')).toBe(broken);
  });
});
