/**
 * Turns simulated drafts into stored issues: ids and keys numbered in creation order (ids
 * site-wide, keys per project, as Jira numbers them), history ids in the order Jira wrote them,
 * and every field in the shape `GET /rest/api/3/issue` returns.
 */
import type { ChangelogHistory } from '../domain/jira';
import { rng } from '../domain/testing/generate';
import type { SiteIssue, SiteProject } from '../emulator/site';
import {
  ACCEPTANCE_CRITERIA_FIELD_ID,
  CLASSIC_STORY_POINTS_FIELD_ID,
  DEMO_STATUSES,
  FLAGGED_FIELD_ID,
  issueType,
  priorityId,
  RANK_FIELD_ID,
  resolution,
  SEGMENT_FIELD_ID,
  siteTime,
  SPRINT_FIELD_ID,
  STATUS_LIST,
  STORY_POINTS_FIELD_ID,
} from './catalog';
import type { Draft } from './draft';
import { displayNameOf } from './people';
import { type SprintPlan, sprintFieldValue } from './schedule';

/** Users as issue fields and histories show them, one object per account (the site is read-only). */
function userFactory(): (accountId: string | null) => Record<string, unknown> | null {
  const users = new Map<string, Record<string, unknown>>();
  return (accountId) => {
    if (!accountId) return null;
    let u = users.get(accountId);
    if (!u) {
      u = {
        accountId,
        displayName: displayNameOf.get(accountId) ?? accountId,
        active: true,
        accountType: 'atlassian',
        timeZone: 'Europe/Moscow',
        avatarUrls: { '48x48': `https://avatar.demo-bank.example/${accountId}/48.png` },
      };
      users.set(accountId, u);
    }
    return u;
  };
}

const statusOf = (id: string) => {
  const s = STATUS_LIST.find((x) => x.id === id);
  if (!s) throw new Error(`unknown status ${id}`);
  return s;
};

/** A LexoRank-looking value, increasing with the rank order. */
const lexoRank = (n: number): string => `0|i${n.toString(36).padStart(5, '0')}:`;

export function toSiteIssues(drafts: readonly Draft[], projects: readonly SiteProject[], sprints: ReadonlyMap<number, SprintPlan>): SiteIssue[] {
  const ordered = [...drafts].sort((a, b) => a.created - b.created || a.seq - b.seq);
  const ids = new Map<Draft, { id: string; key: string }>();
  const perProject = new Map<string, number>();
  ordered.forEach((d, i) => {
    const n = (perProject.get(d.projectKey) ?? 0) + 1;
    perProject.set(d.projectKey, n);
    ids.set(d, { id: String(10001 + i), key: `${d.projectKey}-${n}` });
  });
  const user = userFactory();
  const ref = (d: Draft) => ids.get(d) as { id: string; key: string };

  const all = ordered.flatMap((d) => d.histories.map((h, i) => ({ d, h, i })));
  all.sort((a, b) => a.h.at - b.h.at || a.d.seq - b.d.seq || a.i - b.i);
  const historyId = new Map(all.map((x, n) => [x.h, String(1_000_001 + n)]));

  const sprintValues = new Map([...sprints].map(([id, plan]) => [id, sprintFieldValue(plan)]));
  const ranks = new Map([...drafts].sort((a, b) => a.rank - b.rank || a.seq - b.seq).map((d, i) => [d, lexoRank(1000 + i * 8)]));
  const shuffle = rng(20261127);
  let remoteLinkId = 10000;

  return ordered.map((d): SiteIssue => {
    const { id, key } = ref(d);
    const project = projects.find((p) => p.key === d.projectKey);
    if (!project) throw new Error(`no project ${d.projectKey}`);
    const histories: ChangelogHistory[] = d.histories.map((h) => ({
      id: historyId.get(h) as string,
      author: user(h.author) as ChangelogHistory['author'],
      created: siteTime(h.at),
      items: h.items,
    }));
    // Jira returns histories in no guaranteed order; now and then they come out of order.
    if (histories.length >= 3 && shuffle() < 0.05) {
      const i = Math.floor(shuffle() * histories.length);
      const j = (i + 1 + Math.floor(shuffle() * (histories.length - 1))) % histories.length;
      [histories[i], histories[j]] = [histories[j] as ChangelogHistory, histories[i] as ChangelogHistory];
    }
    const brief = (x: Draft) => ({
      id: ref(x).id,
      key: ref(x).key,
      fields: { summary: x.summary, status: statusOf(statusIdOf(x)), priority: x.priority ? { id: priorityId(x.priority), name: x.priority } : null, issuetype: issueType(x.type) },
    });
    const parent = d.parent ?? d.epic;
    const fields: Record<string, unknown> = {
      summary: d.summary,
      issuetype: issueType(d.type),
      project: { id: project.id, key: project.key, name: project.name, projectTypeKey: 'software', simplified: false },
      status: statusOf(statusIdOf(d)),
      statuscategorychangedate: siteTime(d.statusCategoryChangedAt),
      created: siteTime(d.created),
      updated: siteTime(d.updated),
      priority: d.priority ? { id: priorityId(d.priority), name: d.priority } : null,
      assignee: user(d.assignee),
      reporter: user(d.reporter),
      creator: user(d.reporter),
      resolution: d.resolution ? { ...resolution(d.resolution) } : null,
      resolutiondate: d.resolvedAt !== null && d.resolution ? siteTime(d.resolvedAt) : null,
      duedate: d.duedate,
      description: d.description,
      labels: [...d.labels].sort(),
      components: d.components.map((name) => {
        const c = project.components.find((x) => x.name === name);
        if (!c) throw new Error(`no component ${name} in ${project.key}`);
        return { id: c.id, name: c.name };
      }),
      parent: parent ? brief(parent) : undefined,
      subtasks: d.children.map(brief),
      [SPRINT_FIELD_ID]: d.sprints.length ? d.sprints.map((sid) => sprintValues.get(sid) as Record<string, unknown>) : null,
      [STORY_POINTS_FIELD_ID]: d.estimate,
      [CLASSIC_STORY_POINTS_FIELD_ID]: null,
      [RANK_FIELD_ID]: ranks.get(d),
      [FLAGGED_FIELD_ID]: d.flagged ? [{ id: '10019', value: 'Impediment' }] : null,
      [ACCEPTANCE_CRITERIA_FIELD_ID]: d.acceptanceCriteria,
      [SEGMENT_FIELD_ID]: d.segment ? { ...d.segment } : null,
    };
    if (!parent) delete fields.parent;
    const issue: SiteIssue = { id, key, fields, histories, properties: {} };
    if (d.remoteLinks.length) issue.remoteLinks = d.remoteLinks.map((l) => ({ id: remoteLinkId++, object: { url: l.url, title: l.title } }));
    return issue;
  });
}

function statusIdOf(d: Draft): string {
  return DEMO_STATUSES[d.status].id;
}
