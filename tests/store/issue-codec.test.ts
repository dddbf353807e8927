/**
 * `decodeMapped`, what the settings page's counts decode of each stored issue, gives what the full
 * decode gives for everything the ownership mapping and a viewer's access read: the same products,
 * channels and segments, the same project and security level, for every issue of the demo boards
 * with a security level (payments) and with the Segment field (FX trade).
 */
import { DEMO_NOW, buildDemoSite, demoConfig } from '../../src/demo/site';
import { SEGMENT_FIELD_ID } from '../../src/demo/catalog';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { compileRule, type MappableIssue } from '../../src/domain/ownership';
import { metricFieldIds } from '../../src/services/board-data';
import { decodeIssue, decodeMapped, encodeIssue, StoredIssueDoc } from '../../src/store/issue-codec';
import { directLoaded } from '../demo/direct';

const NOW = parseInstant(DEMO_NOW);
const config = parseConfigOrThrow(demoConfig());
/** The keys of the products, channels and segments whose rules match the issue. */
const mapped = (issue: MappableIssue) => {
  const of = (list: readonly { key: string; match: Parameters<typeof compileRule>[0] }[]) => list.filter((e) => compileRule(e.match)(issue)).map((e) => e.key);
  return { products: of(config.products), channels: of(config.channels), segments: of(config.segments) };
};

function storedDocs(): StoredIssueDoc[] {
  const loaded = directLoaded(buildDemoSite(), [1, 9], NOW);
  const custom = metricFieldIds(config).filter((f) => f.startsWith('customfield_'));
  return loaded.boards.flatMap((b) => [...b.issueIds].map((id) => StoredIssueDoc.parse(JSON.parse(JSON.stringify(encodeIssue(loaded.issues.get(id)!, b.fields, custom))))));
}

describe('decodeMapped', () => {
  const docs = storedDocs();

  it('maps every stored issue as the full decode does, and names its project and security level', () => {
    let secured = 0;
    let segmented = 0;
    for (const doc of docs) {
      const full = decodeIssue(doc).issue.issue;
      const part = decodeMapped(doc, [SEGMENT_FIELD_ID]);
      expect([doc.key, mapped(part.issue)]).toEqual([doc.key, mapped(full)]);
      const security = (full.fields as { security?: { id: string } | null }).security?.id ?? null;
      expect(part).toMatchObject({ id: full.id, projectId: full.fields.project.id, security });
      if (security) secured++;
      if (part.issue.fields[SEGMENT_FIELD_ID]) segmented++;
    }
    expect(secured).toBeGreaterThan(0);
    expect(segmented).toBeGreaterThan(100);
  });

  it('keeps only the custom fields asked for', () => {
    const doc = docs.find((d) => d.fields[SEGMENT_FIELD_ID]);
    if (!doc) throw new Error('no issue with a segment');
    expect(decodeMapped(doc, []).issue.fields[SEGMENT_FIELD_ID]).toBeUndefined();
    expect(decodeMapped(doc, [SEGMENT_FIELD_ID]).issue.fields[SEGMENT_FIELD_ID]).toEqual(doc.fields[SEGMENT_FIELD_ID]);
  });

  it('refuses fields the full decode would refuse', () => {
    const doc = docs[0]!;
    const bad = { ...doc, fields: { ...doc.fields, project: { key: 'PAY' } } };
    expect(() => decodeIssue(bad)).toThrow();
    expect(() => decodeMapped(bad, [])).toThrow();
  });
});
