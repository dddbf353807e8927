/**
 * What the demo's people write: summaries and descriptions in Atlassian Document Format (ADF), as
 * Jira's REST API v3 returns them.
 */
import type { ProductKey } from './teams';

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
};

export type Area = ProductKey | 'platform' | 'design';

const FEATURES: Record<Area, readonly string[]> = {
  payments: ['Payment templates', 'Payment to counterparty', 'Salary project', 'Tax and budget payments', 'SBP transfers',
    'Payment status tracking', 'Bulk payments from file', 'Payment signing', 'Recurring payments', 'Payment order printing',
    'Counterparty directory', 'Payment limits'],
  loans: ['Credit limit application', 'Overdraft', 'Loan schedule', 'Early repayment', 'Collateral documents',
    'Credit decision status', 'Bank guarantee application', 'Loan offer calculator', 'Covenant monitoring', 'Tranche request'],
  savings: ['Deposit opening', 'Savings account', 'Interest accrual view', 'Deposit top-up', 'Deposit closing',
    'Minimum balance deposit', 'Deposit rates showcase', 'Deposit agreement signing', 'Interest capitalisation', 'Deposit prolongation'],
  'fx-trade': ['Currency purchase', 'Currency sale', 'Currency control documents', 'Foreign contract registration', 'SWIFT transfer',
    'Contract registration number', 'Supporting documents upload', 'Exchange rate fixing', 'Sale of currency revenue', 'Foreign counterparty check'],
  platform: ['API gateway', 'Auth service', 'Notification service', 'Audit service', 'Client profile service', 'Rate limiter',
    'Service mesh', 'Tracing', 'Feature flags', 'Document storage'],
  design: ['Button', 'Date picker', 'Amount input', 'Account selector', 'Data table', 'Modal dialog', 'Toast', 'Stepper',
    'Dark theme', 'Icon set', 'Form field', 'Tabs'],
};

const ASPECTS: Record<'product' | 'platform' | 'design', readonly string[]> = {
  product: ['create and edit', 'validation of details', 'error messages', 'search and filters', 'export to PDF', 'history',
    'push notifications', 'empty state', 'accessibility', 'analytics events', 'onboarding hints', 'limits and fees display'],
  platform: ['migration to Kubernetes', 'SLO dashboards', 'load test', 'API versioning', 'alerting', 'rate limits',
    'contract tests', 'security review'],
  design: ['component spec', 'Figma library update', 'web implementation', 'mobile implementation', 'accessibility review',
    'tokens update', 'documentation', 'visual regression tests'],
};

const TASKS = ['Update dependencies of {f}', 'Refactor {f} module', 'Add contract tests for {f}', 'Configure alerts for {f}',
  'Remove feature flag of {f}', 'Migrate {f} to API v2', 'Spike: {f} options', 'Load test {f}', 'ОТАР approval for {f}'];

const BUGS = ['500 error on submit', 'wrong amount rounding', 'button not clickable on small screens', 'timeout on save',
  'incorrect status shown', 'duplicate request sent', 'crash on open (Android)', 'text overflows in Safari',
  'validation rejects valid input', 'missing translation', 'date shown in the wrong time zone', 'empty PDF export'];

const BENEFITS = ['I do not have to call my client manager', 'I can finish it in any channel', 'I see the fees before I confirm',
  'my accountant can prepare it and I only sign', 'I do not make mistakes in the details', 'I get the money the same day'];

const CLIENTS: Record<string, string> = { mmb: 'small business owner', sb: 'mid-size company accountant', kib: 'corporate treasurer' };

const aspectsOf = (area: Area): readonly string[] =>
  area === 'platform' ? ASPECTS.platform : area === 'design' ? ASPECTS.design : ASPECTS.product;

export const feature = (r: Rand, area: Area): string => pick(r, FEATURES[area]);
export const storySummary = (r: Rand, area: Area, f: string): string => `${f}: ${pick(r, aspectsOf(area))}`;
export const taskSummary = (r: Rand, f: string): string => pick(r, TASKS).replace('{f}', f.toLowerCase());
export const bugSummary = (r: Rand, f: string): string => `${f}: ${pick(r, BUGS)}`;
export const epicSummary = (f: string, i: number): string => (i % 2 === 0 ? `${f} 2.0` : `Omnichannel ${f.toLowerCase()}`);

// --- ADF ---------------------------------------------------------------------------------------
type Node = Record<string, unknown>;
const text = (t: string, marks?: Node[]): Node => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const paragraph = (...content: Node[]): Node => ({ type: 'paragraph', content });
const heading = (t: string, level = 3): Node => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const listItem = (t: string): Node => ({ type: 'listItem', content: [paragraph(text(t))] });
const bulletList = (items: readonly string[]): Node => ({ type: 'bulletList', content: items.map(listItem) });
const orderedList = (items: readonly string[]): Node => ({ type: 'orderedList', attrs: { order: 1 }, content: items.map(listItem) });
export const doc = (...content: Node[]): Node => ({ type: 'doc', version: 1, content });

/** A description that renders as nothing: the editor left one empty paragraph. */
export const emptyDoc = (): Node => doc({ type: 'paragraph', content: [] });

export function acceptanceCriteria(r: Rand, f: string): string[] {
  const all = [
    `${f} is available to users with the right role only`,
    'Validation errors are shown next to the field, in Russian and English',
    'The action is written to the audit log with the user and time',
    'Analytics events are sent for every step of the funnel',
    'Works in the last two versions of Chrome, Safari, Yandex Browser and the mobile apps',
    'Response time under 2 s at the 95th percentile',
    'Texts are approved by the UX writer',
  ];
  const n = 2 + Math.floor(r() * 3);
  const start = Math.floor(r() * all.length);
  return Array.from({ length: n }, (_, i) => all[(start + i) % all.length] as string);
}

export function figmaUrl(r: Rand, f: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let id = '';
  for (let i = 0; i < 22; i++) id += alphabet[Math.floor(r() * alphabet.length)];
  const slug = f.replace(/[^A-Za-z0-9]+/g, '-');
  return `https://www.figma.com/design/${id}/${slug}?node-id=${1 + Math.floor(r() * 900)}-${1 + Math.floor(r() * 90)}`;
}

export interface StoryText {
  segment: string;
  f: string;
  summary: string;
  /** Acceptance criteria written under a heading in the description; null: none there. */
  ac: readonly string[] | null;
  acHeading: string;
  design: string | null;
}

export function storyDescription(r: Rand, s: StoryText): Node {
  const client = CLIENTS[s.segment] ?? 'client';
  const content: Node[] = [
    paragraph(text(`As a ${client}, I need “${s.summary}” so that ${pick(r, BENEFITS)}.`)),
  ];
  if (s.design) content.push(paragraph(text('Mock-ups: '), text('Figma', [{ type: 'link', attrs: { href: s.design } }])));
  if (s.ac) content.push(heading(s.acHeading), bulletList(s.ac));
  return doc(...content);
}

export const acFieldValue = (ac: readonly string[]): Node => doc(bulletList(ac));

export function bugDescription(r: Rand, summary: string): Node {
  return doc(
    paragraph(text('Steps to reproduce:')),
    orderedList(['Log in as a client of the pilot group', `Open ${summary.split(':')[0] ?? 'the page'}`, 'Fill in the form and submit']),
    paragraph(text(`Expected result: the operation completes.`)),
    paragraph(text(`Actual result: ${summary.split(': ')[1] ?? 'an error'}.`)),
    paragraph(text(`Environment: ${pick(r, ['PROD', 'PROD, pilot group', 'IFT', 'PSI'])}, build 2026.${10 + Math.floor(r() * 2)}.${Math.floor(r() * 30)}`)),
  );
}

export function taskDescription(summary: string): Node {
  return doc(paragraph(text(`${summary}. Details in the team's technical backlog page in Confluence.`)));
}

export function epicDescription(f: string): Node {
  return doc(
    paragraph(text(`Roadmap initiative: ${f}. Business case approved at the product committee.`)),
    heading('Goals'),
    bulletList(['Increase MAU of the product in digital channels', 'Reduce calls to the contact centre', 'Same journey in web and mobile']),
  );
}
