import { adfLines, hasAcceptanceCriteria, hasFieldValue, hasText, isAcceptanceCriteriaLine, isDesignLink, links } from '../../src/domain/adf';
import { generateIssue } from '../../src/domain/testing/generate';

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const h = (level: number, t: string) => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const ul = (...items: unknown[]) => ({ type: 'bulletList', content: items });
const doc = (...content: unknown[]) => ({ version: 1, type: 'doc', content });
const br = { type: 'hardBreak' };

describe('adfLines', () => {
  it('reads each heading, paragraph and list item as a line', () => {
    const d = doc(h(2, 'Goal'), p(text('Pay '), text('by phone', [{ type: 'strong' }])), ul(li(p(text('one'))), li(p(text('two')))));
    expect(adfLines(d)).toEqual(['Goal', 'Pay by phone', 'one', 'two']);
  });

  it('starts a new line at a hard break inside a paragraph', () => {
    expect(adfLines(doc(p(text('Context'), br, text('Acceptance criteria: works'))))).toEqual(['Context', 'Acceptance criteria: works']);
  });

  it('gives mentions, emoji, cards and statuses their visible text', () => {
    const d = doc(
      p(
        text('Ask '),
        { type: 'mention', attrs: { id: 'abc', text: '@Anna' } },
        text(' '),
        { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
        text(' see '),
        { type: 'inlineCard', attrs: { url: 'https://example.com/x' } },
        { type: 'status', attrs: { text: 'BLOCKED', color: 'red' } },
      ),
    );
    expect(adfLines(d)).toEqual(['Ask @Anna 😄 see https://example.com/xBLOCKED']);
  });

  it('reads each line of a code block and each table cell', () => {
    const cell = (t: string) => ({ type: 'tableCell', content: [p(text(t))] });
    const d = doc(
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = 1;\n  const b = 2;')] },
      { type: 'table', content: [{ type: 'tableRow', content: [cell('a'), cell('b')] }] },
    );
    expect(adfLines(d)).toEqual(['const a = 1;', '  const b = 2;', 'a', 'b']);
  });

  it('splits a plain string on line breaks and drops blank lines', () => {
    expect(adfLines('first\r\n\n  \nsecond')).toEqual(['first', 'second']);
  });

  it('has no lines for an empty doc, blank paragraphs, null or a non-document', () => {
    expect(adfLines(doc())).toEqual([]);
    expect(adfLines(doc(p(), p(text('   '))))).toEqual([]);
    expect(adfLines(null)).toEqual([]);
    expect(adfLines(42)).toEqual([]);
  });
});

describe('hasText', () => {
  it('is false for an empty doc, a blank string and an image-only doc', () => {
    expect(hasText(doc())).toBe(false);
    expect(hasText('  \n\t')).toBe(false);
    expect(hasText(doc({ type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'x', type: 'file' } }] }))).toBe(false);
    expect(hasText(undefined)).toBe(false);
  });
  it('is true for any visible text', () => {
    expect(hasText(doc(p(text('x'))))).toBe(true);
    expect(hasText('x')).toBe(true);
  });
});

describe('hasFieldValue', () => {
  it('tells filled fields of every shape from empty ones', () => {
    expect(hasFieldValue(null)).toBe(false);
    expect(hasFieldValue('')).toBe(false);
    expect(hasFieldValue(doc())).toBe(false);
    expect(hasFieldValue([])).toBe(false);
    expect(hasFieldValue('Given…')).toBe(true);
    expect(hasFieldValue(doc(p(text('Given…'))))).toBe(true);
    expect(hasFieldValue([{ value: 'Yes' }])).toBe(true);
    expect(hasFieldValue(0)).toBe(true);
  });
});

describe('acceptance criteria', () => {
  it.each([
    'Acceptance criteria',
    'acceptance criteria: the user sees the balance',
    '  ACCEPTANCE CRITERIA',
    'Критерии приёмки',
    'критерии приемки:',
    'h3. Acceptance criteria',
    '## Критерии приёмки',
    '* *Acceptance criteria*',
    '1. Acceptance criteria',
  ])('recognises the line %p', (line) => {
    expect(isAcceptanceCriteriaLine(line)).toBe(true);
  });

  it.each(['The acceptance criteria are below', 'Criteria', 'Критерии готовности', ''])('does not take %p for acceptance criteria', (line) => {
    expect(isAcceptanceCriteriaLine(line)).toBe(false);
  });

  it('finds a heading "Критерии приёмки" in an ADF description', () => {
    const issue = generateIssue({ description: doc(p(text('Описание')), h(3, 'Критерии приёмки'), ul(li(p(text('Баланс виден'))))) });
    expect(hasAcceptanceCriteria(issue, null)).toBe(true);
  });

  it('finds acceptance criteria in a list item', () => {
    const issue = generateIssue({ description: doc(ul(li(p(text('Acceptance criteria: balance shown'))))) });
    expect(hasAcceptanceCriteria(issue, null)).toBe(true);
  });

  it('finds acceptance criteria after a hard break, but not mid-line', () => {
    const after = generateIssue({ description: doc(p(text('Story text'), br, text('Acceptance criteria'))) });
    const mid = generateIssue({ description: doc(p(text('Story text. Acceptance criteria: none'))) });
    expect(hasAcceptanceCriteria(after, null)).toBe(true);
    expect(hasAcceptanceCriteria(mid, null)).toBe(false);
  });

  it('accepts a filled configured field and ignores an empty one', () => {
    const filled = generateIssue({ description: null, fields: { customfield_10060: doc(p(text('Given a user…'))) } });
    const empty = generateIssue({ description: doc(p(text('no criteria here'))), fields: { customfield_10060: doc(p()) } });
    expect(hasAcceptanceCriteria(filled, 'customfield_10060')).toBe(true);
    expect(hasAcceptanceCriteria(filled, null)).toBe(false);
    expect(hasAcceptanceCriteria(empty, 'customfield_10060')).toBe(false);
  });

  it('has none for an empty doc or a blank string', () => {
    expect(hasAcceptanceCriteria(generateIssue({ description: doc() }), null)).toBe(false);
    expect(hasAcceptanceCriteria(generateIssue({ description: '   ' }), null)).toBe(false);
  });
});

describe('links', () => {
  it('collects link marks, cards and plain URLs once each, in order', () => {
    const d = doc(
      p(text('Design', [{ type: 'link', attrs: { href: 'https://www.figma.com/file/abc' } }])),
      p({ type: 'inlineCard', attrs: { url: 'https://pay.atlassian.net/browse/PAY-1' } }),
      p(text('See https://miro.com/app/board/x. Also (https://example.com/a_(b)) and https://www.figma.com/file/abc')),
      { type: 'blockCard', attrs: { url: 'https://zeplin.io/project/1' } },
    );
    expect(links(d)).toEqual([
      'https://www.figma.com/file/abc',
      'https://pay.atlassian.net/browse/PAY-1',
      'https://miro.com/app/board/x',
      'https://example.com/a_(b)',
      'https://zeplin.io/project/1',
    ]);
  });

  it('reads URLs out of wiki and markdown links in a plain string', () => {
    expect(links('[Mock-up|https://figma.com/file/1] and [x](https://example.com/y)')).toEqual(['https://figma.com/file/1', 'https://example.com/y']);
  });

  it('has none in an empty doc', () => {
    expect(links(doc())).toEqual([]);
  });
});

describe('isDesignLink', () => {
  it('accepts design tool hosts and their sub-domains only', () => {
    expect(isDesignLink('https://www.figma.com/file/abc')).toBe(true);
    expect(isDesignLink('https://figma.com/proto/abc')).toBe(true);
    expect(isDesignLink('https://notfigma.com/file')).toBe(false);
    expect(isDesignLink('https://example.com/?u=figma.com')).toBe(false);
    expect(isDesignLink('not a url')).toBe(false);
  });
  it('takes only http(s) links: a script or data URL naming a design host is no design', () => {
    expect(isDesignLink('http://figma.com/file/abc')).toBe(true);
    expect(isDesignLink('javascript://figma.com/%0aalert(1)')).toBe(false);
    expect(isDesignLink('data://figma.com/,x')).toBe(false);
    expect(isDesignLink('ftp://www.figma.com/file')).toBe(false);
  });
});
