/**
 * Figures by section, rows as columns: what each section holds, and that a stored section whose
 * columns do not hold what they say (a value of another type, an index past its list, columns of
 * unequal length, another layout or section) is refused when read.
 */
import { encodeFigureSections, FIGURES_SECTIONS, figuresFromSections, parseFigureSection, type FiguresSectionDoc } from '../../src/store/figures-schema';
import { demoBoard } from './fixtures';

const { figures } = demoBoard();
const sections = encodeFigureSections(figures);
const doc = (section: keyof typeof sections): Record<string, unknown> => JSON.parse(sections[section]) as Record<string, unknown>;
const tags = (d: Record<string, unknown>) => d.tags as Record<string, unknown>;

describe('figures stored by section', () => {
  it('give back the figures written, all sections together', () => {
    const docs = FIGURES_SECTIONS.map((s) => parseFigureSection(s, sections[s])).filter((d): d is FiguresSectionDoc => d !== null);
    expect(docs).toHaveLength(3);
    expect(figuresFromSections(docs)).toEqual(figures);
  });

  it('are smaller than the figures as objects', () => {
    const stored = FIGURES_SECTIONS.reduce((n, s) => n + Buffer.byteLength(sections[s]), 0);
    expect(stored).toBeLessThan(0.7 * Buffer.byteLength(JSON.stringify(figures)));
  });

  it('refuse a section whose columns do not hold what they say', () => {
    const refused = (section: keyof typeof sections, change: (d: Record<string, unknown>) => void) => {
      const d = doc(section);
      change(d);
      return parseFigureSection(section, JSON.stringify(d));
    };
    expect(refused('convergence', () => undefined)).not.toBeNull();
    expect(refused('convergence', (d) => void ((tags(d).id as unknown[])[0] = 7))).toBeNull();
    expect(refused('convergence', (d) => void (tags(d).id as unknown[]).pop())).toBeNull();
    expect(refused('convergence', (d) => void ((tags(d).projectKey as { i: number[] }).i[0] = 99))).toBeNull();
    expect(refused('convergence', (d) => void (((d.sprints as { rows: { k: number[] } }[])[0] as { rows: { k: number[] } }).rows.k[0] = 1e6))).toBeNull();
    expect(refused('convergence', (d) => void (((d.sprints as { rows: { ps: unknown[] } }[])[0] as { rows: { ps: unknown[] } }).rows.ps[0] = '1'))).toBeNull();
    expect(refused('defects', (d) => void ((d.defects as { open: unknown[] }).open[0] = 1))).toBeNull();
    expect(refused('hygiene', (d) => void ((d.hygiene as { rules: { v: unknown[][] } }).rules.v[0] = ['no-such-rule']))).toBeNull();
    expect(refused('hygiene', (d) => void (d.format = 1))).toBeNull();
    // Another section's text, or not JSON.
    expect(parseFigureSection('defects', sections.hygiene)).toBeNull();
    expect(parseFigureSection('defects', sections.defects.slice(0, -1))).toBeNull();
  });
});
