/**
 * The demo bank's people: product owners (business and digital, per product), channel leaders,
 * scrum masters, team members, a Jira administrator, and two users who may browse only some
 * projects. Account ids look like Atlassian's (24 hex digits) and never change between builds.
 * The "Bank security" issue security level is granted to the Jira administrators and to the
 * payments and loans product owners and scrum masters only. The app's own account is a site user
 * too (`DEMO_APP`), as on a real site: it sees every issue.
 */
import type { SiteUser } from '../emulator/site';

export type Role =
  | 'admin'
  | 'business-owner'
  | 'digital-owner'
  | 'channel-leader'
  | 'scrum-master'
  | 'team-lead'
  | 'developer'
  | 'qa'
  | 'analyst'
  | 'designer'
  | 'contractor';

export interface Person {
  handle: string;
  displayName: string;
  role: Role;
  /** Project keys this person's team works in (edit rights); empty for no team. */
  projects: readonly string[];
  /** Project keys this person may browse; '*' for all. */
  browse: readonly string[] | '*';
  admin?: boolean;
  /** The person's language in Jira (`ru_RU` unless said otherwise): Jira names types, statuses and priorities in it. */
  locale?: 'ru_RU' | 'en_US';
  /** Issue security level ids the person is granted (none when absent). */
  securityLevels?: readonly string[];
}

/** The id of the site's one issue security level, "Bank security" (see `quirks.ts`). */
export const BANK_SECURITY_LEVEL_ID = '10100';
const BANK = [BANK_SECURITY_LEVEL_ID] as const;

/** FNV-1a over a string with a seed, as 8 hex digits. */
function fnv(s: string, seed: number): string {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A stable Atlassian-looking account id for a handle. */
export function accountIdOf(handle: string): string {
  return `${fnv(handle, 1)}${fnv(handle, 2)}${fnv(handle, 3)}`;
}

const LOANS = ['LOAN', 'LOANM', 'CRED'] as const;
const PAYMENTS = ['PAY', 'PAYM', 'PAYA'] as const;

/** The named people; team members are added by `teamMembers` below. */
const NAMED: Person[] = [
  { handle: 'a.smirnov', displayName: 'Alexey Smirnov', role: 'admin', projects: [], browse: '*', admin: true, securityLevels: BANK },
  // The group's English-speaking Jira administrator: the same site, every name in English.
  { handle: 'l.harper', displayName: 'Laura Harper', role: 'admin', projects: [], browse: '*', admin: true, locale: 'en_US', securityLevels: BANK },
  { handle: 'e.kuznetsova', displayName: 'Elena Kuznetsova', role: 'business-owner', projects: [], browse: '*', securityLevels: BANK },
  { handle: 'd.volkov', displayName: 'Dmitry Volkov', role: 'digital-owner', projects: PAYMENTS, browse: '*', securityLevels: BANK },
  { handle: 'o.sokolova', displayName: 'Olga Sokolova', role: 'business-owner', projects: [], browse: '*', securityLevels: BANK },
  { handle: 's.morozov', displayName: 'Sergey Morozov', role: 'digital-owner', projects: LOANS, browse: '*', securityLevels: BANK },
  { handle: 'n.popova', displayName: 'Natalia Popova', role: 'business-owner', projects: [], browse: '*' },
  { handle: 'a.lebedev', displayName: 'Andrey Lebedev', role: 'digital-owner', projects: ['SAV', 'DEP'], browse: '*' },
  { handle: 'i.kozlova', displayName: 'Irina Kozlova', role: 'business-owner', projects: [], browse: '*' },
  { handle: 'p.novikov', displayName: 'Pavel Novikov', role: 'digital-owner', projects: ['FXT', 'FXC'], browse: '*' },
  { handle: 'm.orlov', displayName: 'Maxim Orlov', role: 'channel-leader', projects: [], browse: '*' },
  { handle: 'a.fedorova', displayName: 'Anna Fedorova', role: 'channel-leader', projects: [], browse: '*' },
  { handle: 'n.egorov', displayName: 'Nikolay Egorov', role: 'channel-leader', projects: [], browse: '*' },
  { handle: 'i.tarasov', displayName: 'Igor Tarasov', role: 'team-lead', projects: ['PLAT'], browse: '*' },
  { handle: 'k.belova', displayName: 'Kristina Belova', role: 'team-lead', projects: ['DS'], browse: '*' },
  { handle: 'y.vasilieva', displayName: 'Yulia Vasilieva', role: 'scrum-master', projects: PAYMENTS, browse: '*', securityLevels: BANK },
  { handle: 'r.pavlov', displayName: 'Roman Pavlov', role: 'scrum-master', projects: LOANS, browse: '*', securityLevels: BANK },
  { handle: 'e.semenova', displayName: 'Ekaterina Semenova', role: 'scrum-master', projects: ['SAV', 'DEP', 'DS'], browse: '*' },
  { handle: 'a.golubev', displayName: 'Artem Golubev', role: 'scrum-master', projects: ['FXT', 'FXC', 'PLAT'], browse: '*' },
  // The two restricted users: each sees only one product's projects.
  { handle: 'm.zaitseva', displayName: 'Maria Zaitseva', role: 'analyst', projects: LOANS, browse: LOANS },
  { handle: 'o.belov', displayName: 'Oleg Belov (contractor)', role: 'contractor', projects: ['PAY', 'PAYM'], browse: PAYMENTS, locale: 'en_US' },
];

const FIRST = ['Ivan', 'Mikhail', 'Daria', 'Kirill', 'Svetlana', 'Egor', 'Polina', 'Timur', 'Viktoria', 'Denis',
  'Alina', 'Stanislav', 'Ksenia', 'Gleb', 'Valeria', 'Anton', 'Sofia', 'Ilya', 'Marina', 'Vadim', 'Evgenia',
  'Ruslan', 'Tatiana', 'Oleg', 'Lyudmila', 'Nikita', 'Yana', 'Grigory', 'Vera', 'Fyodor', 'Alisa', 'Boris',
  'Larisa', 'Arseny', 'Zhanna', 'Matvey', 'Inna', 'Leonid', 'Diana', 'Semyon', 'Karina', 'Yaroslav', 'Lilia',
  'Vsevolod', 'Rimma', 'Platon', 'Elvira', 'Savva'];
const LAST = ['Ivanov', 'Kiselev', 'Makarov', 'Zakharov', 'Nikitin', 'Sorokin', 'Frolov', 'Alekseev', 'Romanov',
  'Stepanov', 'Vlasov', 'Borisov', 'Yakovlev', 'Grigoriev', 'Medvedev', 'Antonov', 'Tikhonov', 'Filippov',
  'Komarov', 'Davydov', 'Belyaev', 'Gerasimov', 'Bogdanov', 'Mironov', 'Kuzmin', 'Titov', 'Sidorov',
  'Kudryavtsev', 'Baranov', 'Kulikov', 'Osipov', 'Abramov', 'Lazarev', 'Maximov', 'Zuev', 'Efimov',
  'Voronov', 'Gusev', 'Kalinin', 'Fomin', 'Shcherbakov', 'Nazarov', 'Afanasyev', 'Sobolev', 'Kovalev',
  'Ilyin', 'Gavrilov', 'Kornilov'];
const FEMALE = new Set(['Daria', 'Svetlana', 'Polina', 'Viktoria', 'Alina', 'Ksenia', 'Valeria', 'Sofia', 'Marina',
  'Evgenia', 'Tatiana', 'Lyudmila', 'Yana', 'Vera', 'Alisa', 'Larisa', 'Zhanna', 'Inna', 'Diana', 'Karina', 'Lilia',
  'Rimma', 'Elvira']);

/** Four people per team (three developers or designers, one QA engineer), named deterministically. */
function teamMembers(projectKeys: readonly string[]): Person[] {
  const out: Person[] = [];
  let i = 0;
  for (const key of projectKeys) {
    for (let j = 0; j < 4; j++, i++) {
      const first = FIRST[i % FIRST.length] as string;
      const stem = LAST[(i * 7) % LAST.length] as string;
      const last = FEMALE.has(first) ? `${stem}a` : stem;
      const role: Role = j === 3 ? 'qa' : key === 'DS' ? 'designer' : 'developer';
      out.push({ handle: `${first[0]?.toLowerCase()}.${last.toLowerCase()}`, displayName: `${first} ${last}`, role, projects: [key], browse: '*' });
    }
  }
  return out;
}

export const TEAM_PROJECT_KEYS = ['PAY', 'PAYM', 'PAYA', 'LOAN', 'LOANM', 'CRED', 'SAV', 'DEP', 'FXT', 'FXC', 'PLAT', 'DS'] as const;

export const PEOPLE: readonly Person[] = [...NAMED, ...teamMembers(TEAM_PROJECT_KEYS)];

export function person(handle: string): Person {
  const p = PEOPLE.find((x) => x.handle === handle);
  if (!p) throw new Error(`no demo person ${handle}`);
  return p;
}

/** The people who pick up work in a project: its team members, plus the restricted users where they work. */
export function workersOf(projectKey: string): string[] {
  return PEOPLE.filter((p) => p.projects.includes(projectKey) && ['developer', 'qa', 'designer', 'analyst', 'contractor'].includes(p.role)).map(
    (p) => accountIdOf(p.handle),
  );
}

export function qaOf(projectKey: string): string[] {
  return PEOPLE.filter((p) => p.projects.includes(projectKey) && p.role === 'qa').map((p) => accountIdOf(p.handle));
}

export const displayNameOf: ReadonlyMap<string, string> = new Map(PEOPLE.map((p) => [accountIdOf(p.handle), p.displayName]));

/** Named account ids for tests and the preview. */
export const DEMO_USERS = {
  /** A Jira administrator whose Jira speaks Russian. */
  admin: accountIdOf('a.smirnov'),
  /** A Jira administrator whose Jira speaks English. */
  englishAdmin: accountIdOf('l.harper'),
  /** The Digital PO of payments. */
  productOwner: accountIdOf('d.volkov'),
  /** The Business PO of payments. */
  businessOwner: accountIdOf('e.kuznetsova'),
  /** Scrum master of PAY, PAYM and PAYA. */
  scrumMaster: accountIdOf('y.vasilieva'),
  /** Leader of the mobile channel. */
  channelLeader: accountIdOf('a.fedorova'),
  /** A loans analyst: browses LOAN, LOANM and CRED only. */
  restricted: accountIdOf('m.zaitseva'),
  loansAnalyst: accountIdOf('m.zaitseva'),
  /** An external contractor: browses PAY, PAYM and PAYA only. */
  paymentsContractor: accountIdOf('o.belov'),
} as const;

export const emailOf = (handle: string): string => `${handle}@demo-bank.example`;

/** The account Governance for Jira acts as when it reads Jira as the app (Forge `asApp()`). */
export const DEMO_APP = accountIdOf('app.governance-for-jira');

/** The site's users, as the emulator serves them. */
export function siteUsers(): SiteUser[] {
  return [...PEOPLE.map((p) => personUser(p)), appUser()];
}

function personUser(p: Person): SiteUser {
  const accountId = accountIdOf(p.handle);
  return {
    accountId,
    accountType: 'atlassian',
    displayName: p.displayName,
    emailAddress: emailOf(p.handle),
    active: true,
    timeZone: 'Europe/Moscow',
    locale: p.locale ?? 'ru_RU',
    avatarUrls: { '48x48': `https://avatar.demo-bank.example/${accountId}/48.png` },
    apiToken: `demo-token-${p.handle.replace('.', '-')}`,
    browse: p.browse === '*' ? '*' : [...p.browse],
    edit: p.admin ? '*' : [...p.projects],
    admin: p.admin === true,
    securityLevels: [...(p.securityLevels ?? [])],
  };
}

/** The app's own account: not a person, no administrator, but it reads every project and every security level. */
function appUser(): SiteUser {
  return {
    accountId: DEMO_APP,
    accountType: 'app',
    displayName: 'Governance for Jira',
    emailAddress: 'app.governance-for-jira@connect.atlassian.example',
    active: true,
    timeZone: 'UTC',
    locale: 'en_US',
    avatarUrls: { '48x48': `https://avatar.demo-bank.example/${DEMO_APP}/48.png` },
    apiToken: 'demo-token-app-governance-for-jira',
    browse: '*',
    edit: '*',
    admin: false,
    securityLevels: '*',
    app: true,
  };
}
