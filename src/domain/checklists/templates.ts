/**
 * Which checklist template applies to an issue. A template names the projects and the issue types
 * it is for (an empty list: any). Of the templates of a kind (DoR or DoD) that match, the most
 * specific wins: project and type, then project only, then type only, then the general one; two
 * equally specific templates: the first in the configuration. Sub-tasks get a template only from
 * one that names their type, so the default templates leave sub-tasks without checklists.
 */
import { type ChecklistKind, type ChecklistTemplate, type IssueTypeFacts, matchesIssueType } from '../config';

export interface IssueKind {
  projectKey: string;
  /** The issue's type: its id, its name (in the reader's language) and its untranslated name where known. */
  issueType: IssueTypeFacts;
  subtask: boolean;
}

/** How specific a template is for an issue it matches; null when it does not match. */
export function specificity(template: ChecklistTemplate, issue: IssueKind): number | null {
  const byProject = template.projects.length > 0;
  const byType = template.issueTypes.length > 0;
  if (byProject && !template.projects.includes(issue.projectKey)) return null;
  if (byType) {
    if (!matchesIssueType(template.issueTypes, issue.issueType)) return null;
  } else if (issue.subtask) {
    return null;
  }
  return (byProject ? 2 : 0) + (byType ? 1 : 0);
}

export function templateFor(templates: readonly ChecklistTemplate[], kind: ChecklistKind, issue: IssueKind): ChecklistTemplate | null {
  let best: ChecklistTemplate | null = null;
  let bestScore = -1;
  for (const t of templates) {
    if (t.kind !== kind) continue;
    const score = specificity(t, issue);
    if (score !== null && score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}
