/**
 * Descriptions at their edges (docs/metrics.md, "Jira hygiene"): inline nodes without their usual
 * attributes, dates, cards carrying JSON-LD, field values of every shape, the compact form the
 * store keeps, and URLs at the end of a sentence.
 */
import { adfLines, compactDescription, hasAcceptanceCriteria, hasFieldValue, hasText, isAcceptanceCriteriaLine, isDesignLink, links } from '../../src/domain/adf';
import { generateIssue } from '../../src/domain/testing/generate';

const text = (t: unknown, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ version: 1, type: 'doc', content });

describe('the visible text of inline nodes', () => {
  it('falls back as Jira renders: emoji by short name, the rest to nothing', () => {
    expect(adfLines(doc(p(text('a'), { type: 'emoji', attrs: { shortName: ':ok:' } }, text('b'))))).toEqual(['a:ok:b']);
    expect(adfLines(doc(p(text('a'), { type: 'emoji', attrs: { text: '', shortName: '' } }, { type: 'mention', attrs: { text: '' } }, { type: 'mention' }, text('b'))))).toEqual(['ab']);
    expect(adfLines(doc(p(text('a'), { type: 'status', attrs: null }, { type: 'inlineCard', attrs: {} }, text(42), text('b'))))).toEqual(['ab']);
    expect(adfLines(doc(p(text('a'), { type: 'placeholder', attrs: { text: 'Type here' } }, { type: 'mediaInline', attrs: { id: 'x' } }, { type: 'inlineExtension', attrs: { text: 'ext' } }, text('b'))))).toEqual(['ab']);
  });

  it('shows a date as its calendar day in UTC, and nothing for a bad timestamp', () => {
    expect(adfLines(doc(p(text('Due '), { type: 'date', attrs: { timestamp: String(Date.UTC(2026, 2, 31)) } })))).toEqual(['Due 2026-03-31']);
    expect(adfLines(doc(p(text('Due '), { type: 'date', attrs: { timestamp: 'soon' } }, text('!'))))).toEqual(['Due !']);
    expect(adfLines(doc(p(text('Due '), { type: 'date', attrs: {} }, text('!'))))).toEqual(['Due !']);
  });

  it('reads a card\'s URL from its JSON-LD data when it has no url, and a block card as a line of its own', () => {
    expect(adfLines(doc(p(text('see '), { type: 'inlineCard', attrs: { data: { url: 'https://example.com/d' } } })))).toEqual(['see https://example.com/d']);
    expect(adfLines(doc(p(text('before')), { type: 'blockCard', attrs: { url: 'https://example.com/b' } }, { type: 'embedCard', attrs: { data: { url: 'https://example.com/e' } } }, { type: 'blockCard', attrs: { data: { url: '' } } }))).toEqual([
      'before',
      'https://example.com/b',
      'https://example.com/e',
    ]);
    expect(adfLines(doc(p(text('x'), { type: 'inlineCard', attrs: { url: '', data: null } }, text('y'))))).toEqual(['xy']);
  });

  it('skips what is not a node, and reads a lone carriage return as a line break', () => {
    expect(adfLines(doc(null, 'text', { content: [p(text('no type'))] }, p(text('kept'), 7)))).toEqual(['kept']);
    expect(adfLines({ type: 'doc', content: 'not a list' })).toEqual([]);
    expect(adfLines('one\rtwo\r\nthree')).toEqual(['one', 'two', 'three']);
    expect(adfLines(doc(p(text('a\nb'), text('c'))))).toEqual(['a', 'bc']);
  });
});

describe('whether a field value is filled in', () => {
  it('reads numbers, flags, options and lists as Jira shows them', () => {
    expect([hasFieldValue(Number.NaN), hasFieldValue(Number.POSITIVE_INFINITY), hasFieldValue(-1)]).toEqual([false, false, true]);
    expect([hasFieldValue(true), hasFieldValue(false), hasFieldValue(undefined)]).toEqual([true, false, false]);
    expect([hasFieldValue({ name: 'Yes' }), hasFieldValue({ text: 'Given' }), hasFieldValue({ value: '' }), hasFieldValue({ id: '1' })]).toEqual([true, true, false, false]);
    expect([hasFieldValue({ value: null, name: 'N' }), hasFieldValue([null, '', { value: 'x' }]), hasFieldValue([null, ''])]).toEqual([true, true, false]);
    expect(hasFieldValue(() => 'x')).toBe(false);
  });
});

describe('the compact description the store keeps', () => {
  it('answers the rules as the description would: acceptance criteria, some text, or none', () => {
    const withAc = doc(p(text('Story')), p(text('Acceptance criteria: shown')));
    const plain = doc(p(text('Story')));
    for (const [d, compact] of [
      [withAc, 'Acceptance criteria'],
      [plain, '…'],
      [doc(p(text('  '))), null],
      [null, null],
    ] as const) {
      expect(compactDescription(d)).toBe(compact);
      expect(hasText(compact)).toBe(hasText(d));
      expect(hasAcceptanceCriteria(generateIssue({ description: compact }), null)).toBe(hasAcceptanceCriteria(generateIssue({ description: d }), null));
    }
  });

  it('reads each description afresh, asked about one after another', () => {
    const a = doc(p(text('Acceptance criteria')));
    const b = doc(p(text('Nothing')));
    expect([hasText(a), hasAcceptanceCriteria(generateIssue({ description: a }), null)]).toEqual([true, true]);
    expect([hasText(b), hasAcceptanceCriteria(generateIssue({ description: b }), null)]).toEqual([true, false]);
    expect(hasText(doc())).toBe(false);
  });
});

describe('a line opening the acceptance criteria', () => {
  it.each(['> Acceptance criteria', '- acceptance criteria', '+ Acceptance criteria', '• Критерии приёмки', '2) Acceptance criteria', '_Acceptance criteria_', 'h6.Acceptance criteria', '### * Acceptance criteria', '**КРИТЕРИИ ПРИЁМКИ**'])(
    'is recognised under its marks: %p',
    (line) => expect(isAcceptanceCriteriaLine(line)).toBe(true),
  );

  it.each(['#Acceptance criteria', 'h7. Acceptance criteria', '1234. Acceptance criteria', 'Acceptance', 'x Acceptance criteria'])('is not %p', (line) =>
    expect(isAcceptanceCriteriaLine(line)).toBe(false),
  );
});

describe('the URLs of a description', () => {
  it('leave out the punctuation that ends the sentence and a bracket the URL did not open', () => {
    expect(links('Mock-ups: https://figma.com/file/1, https://miro.com/x?!; (see https://example.com/y.) and https://a.io/b)).')).toEqual([
      'https://figma.com/file/1',
      'https://miro.com/x',
      'https://example.com/y',
      'https://a.io/b',
    ]);
    expect(links('HTTP://EXAMPLE.COM/Up and ftp://example.com/no and xhttps://example.com/no')).toEqual(['HTTP://EXAMPLE.COM/Up']);
  });

  it('come from link marks with an address, not from other marks or non-nodes', () => {
    const d = doc(
      p(text('a', [{ type: 'strong' }, { type: 'link', attrs: {} }, null, { type: 'link', attrs: { href: 'https://example.com/m' } }])),
      p(text('b', 'not marks' as unknown as unknown[])),
      p({ type: 'embedCard', attrs: { url: 'https://example.com/e' } }, { type: 'inlineCard', attrs: {} }, { type: 'mention', attrs: { text: 'https://example.com/not-a-link' } }),
      'https://example.com/not-a-node',
    );
    expect(links(d)).toEqual(['https://example.com/m', 'https://example.com/e']);
    expect(links(null)).toEqual([]);
  });

  it('count as a design only for a listed host or its sub-domain', () => {
    expect(isDesignLink('https://FIGMA.com/x')).toBe(true);
    expect(isDesignLink('https://design.example.com/x', ['example.com'])).toBe(true);
    expect(isDesignLink('https://www.figma.com/x', ['example.com'])).toBe(false);
  });
});
