/** The sanitiser every Jira string passes through on its way to a terminal or a spreadsheet. */
import { csvText, escapeJsonControls, oneLine, sanitizeStrings, sanitizeText } from '../../src/cli/sanitize';

describe('sanitizeText', () => {
  it('replaces C0, DEL and C1 controls and bidi overrides by U+FFFD, line breaks and tabs by a space', () => {
    expect(sanitizeText('a\u001b[31mb\u0007c\u007fd\u009b2Je\u0000f')).toBe('a\ufffd[31mb\ufffdc\ufffdd\ufffd2Je\ufffdf');
    expect(sanitizeText('one\ntwo\r\nthree\tfour\u2028five\u0085six')).toBe('one two  three four five six');
    expect(sanitizeText('abc\u202egnp.exe')).toBe('abc\ufffdgnp.exe');
    expect(sanitizeText('\u2067isolate\u2069')).toBe('\ufffdisolate\ufffd');
  });

  it('leaves ordinary text alone: accents, Cyrillic, CJK, emoji, symbols, right-to-left letters', () => {
    const text = 'Sprint 12 — ММБ «Платежи» 支付 🚀 ✔ café שלום';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('oneLine', () => {
  it('makes one line of several, collapses the spaces, and cuts a long one', () => {
    expect(oneLine('  a\n\n  b\u001b c  ')).toBe('a b\ufffd c');
    const long = oneLine('x'.repeat(1000), 50);
    expect([...long]).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('sanitizeStrings', () => {
  it('copies a report-like value with every string cleaned, numbers, booleans and nulls kept', () => {
    const input = { name: 'a\u001bb', n: -3, ok: true, none: null, list: ['k\u0007', 2, { deep: '\u009b' }] };
    expect(sanitizeStrings(input)).toEqual({ name: 'a\ufffdb', n: -3, ok: true, none: null, list: ['k\ufffd', 2, { deep: '\ufffd' }] });
    expect(input.name).toBe('a\u001bb');
  });
});

describe('escapeJsonControls', () => {
  it('escapes what JSON.stringify leaves raw (DEL, C1, separators, bidi), keeping the document valid and the value intact', () => {
    const value = { s: 'a\u007fb\u0080c\u009bd\u2028e\u202ef\u001bg', t: ['\n'] };
    const json = escapeJsonControls(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(/[\u007f-\u009f\u2028\u202e\u001b]/);
    expect(json).toContain('\\u009b');
    expect(json.split('\n').length).toBeGreaterThan(1); // JSON's own line breaks are untouched
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('csvText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "' =cmd"],
    ['\r=cmd', "' =cmd"],
    ['a=b', 'a=b'],
    ['Sprint 7', 'Sprint 7'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(csvText(cell)).toBe(expected);
  });
});
