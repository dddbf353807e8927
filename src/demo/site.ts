/**
 * The demo site: a bank's Jira Cloud with twelve scrum teams across four products, three channels
 * and three segments, eight closed sprints and one running per board at `DEMO_NOW`, full
 * changelogs, bugs with SLA lives, a permission model, and the untidiness of a real site.
 * Deterministic: every build is identical (no clock, seeded randomness).
 */
import type { SiteBoard, SiteData, SiteProject } from '../emulator/site';
import { DEMO_FIELDS, ISSUE_TYPES, NOW_MS, PRIORITIES, STATUS_LIST, STORY_POINTS_FIELD_ID, DEMO_STATUSES, RANK_FIELD_ID } from './catalog';
import { BoardSim } from './board-sim';
import { scheduleBugs } from './bugs';
import { type Draft, resetDraftSequence } from './draft';
import { scheduleHygieneProblems } from './hygiene';
import { toSiteIssues } from './issues';
import { addRealSiteQuirks } from './quirks';
import { accountIdOf, siteUsers } from './people';
import { scheduleSprints, type SprintPlan, toJiraSprint } from './schedule';
import { scheduleEpics, scheduleSprintFlow } from './sprint-flow';
import { CHANNEL_COMPONENT, PRODUCT_COMPONENT, TEAMS, type TeamDef } from './teams';

export { DEMO_NOW } from './catalog';
export { demoConfig } from './config';
export { DEMO_USERS } from './people';

function projectOf(team: TeamDef, nextComponentId: () => string): SiteProject {
  const names = [
    ...(team.product ? [PRODUCT_COMPONENT[team.product]] : []),
    ...team.channels.map((c) => CHANNEL_COMPONENT[c]),
    ...team.extraComponents,
  ];
  return { id: team.projectId, key: team.key, name: team.name, components: names.map((name) => ({ id: nextComponentId(), name })) };
}

function boardOf(team: TeamDef): SiteBoard {
  const filterId = String(10000 + team.boardId);
  const project = { projectId: Number(team.projectId), projectKey: team.key, projectName: team.name, projectTypeKey: 'software' };
  const col = (name: string, ...statuses: string[]) => ({ name, statuses: statuses.map((id) => ({ id })) });
  return {
    board: { id: team.boardId, name: `${team.key} board`, type: 'scrum', location: { ...project, displayName: `${team.name} (${team.key})`, name: `${team.name} (${team.key})` } },
    configuration: {
      id: team.boardId,
      name: `${team.key} board`,
      type: 'scrum',
      location: { type: 'project', key: team.key, id: team.projectId },
      filter: { id: filterId },
      columnConfig: {
        columns: [
          col('To Do', DEMO_STATUSES.todo.id),
          col('In Progress', DEMO_STATUSES.inProgress.id, DEMO_STATUSES.waiting.id),
          col('Review', DEMO_STATUSES.review.id),
          col('Done', DEMO_STATUSES.done.id, DEMO_STATUSES.closed.id),
        ],
        constraintType: 'issueCount',
      },
      estimation: { type: 'field', field: { fieldId: STORY_POINTS_FIELD_ID, displayName: 'Story point estimate' } },
      ranking: { rankCustomFieldId: Number(RANK_FIELD_ID.slice('customfield_'.length)) },
    },
    filter: {
      id: filterId,
      name: `Filter for ${team.key} board`,
      jql: `project = ${team.key} ORDER BY Rank ASC`,
      owner: { accountId: accountIdOf(team.scrumMaster) },
    },
  };
}

/** Builds the site from scratch (each call returns a fresh, identical copy). */
export function buildDemoSite(): SiteData {
  resetDraftSequence();
  const schedule = scheduleSprints(TEAMS);
  const plans: SprintPlan[] = [...schedule.values()].flat().sort((a, b) => a.id - b.id);
  const byId = new Map(plans.map((s) => [s.id, s]));
  const names = new Map(plans.map((s) => [s.id, s.name]));
  let componentId = 10100;
  const projects = TEAMS.map((t) => projectOf(t, () => String(componentId++)));

  const drafts: Draft[] = [];
  for (const team of TEAMS) {
    const sim = new BoardSim(team, schedule.get(team.boardId) ?? [], names);
    scheduleEpics(sim);
    scheduleSprintFlow(sim);
    scheduleBugs(sim);
    scheduleHygieneProblems(sim);
    sim.q.run(NOW_MS);
    drafts.push(...sim.drafts);
  }

  const site: SiteData = {
    name: 'Demo Bank (Jira Cloud)',
    users: siteUsers(),
    fields: structuredClone(DEMO_FIELDS),
    statuses: structuredClone(STATUS_LIST),
    priorities: structuredClone(PRIORITIES),
    issueTypes: structuredClone(ISSUE_TYPES),
    projects,
    boards: TEAMS.map(boardOf),
    sprints: plans.map(toJiraSprint),
    issues: toSiteIssues(drafts, projects, byId),
  };
  addRealSiteQuirks(site);
  return site;
}

let memo: SiteData | null = null;

/** The demo site, built once per process. Treat it as read-only; `buildDemoSite()` gives a private copy. */
export function demoSite(): SiteData {
  memo ??= buildDemoSite();
  return memo;
}
