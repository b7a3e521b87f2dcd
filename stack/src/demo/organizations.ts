import type { Role } from '@travel/platform';

/** The password of every demo account (printed at start and in the README). */
export const DEMO_PASSWORD = 'travel-demo';

type Level = 'junior' | 'senior' | 'manager' | 'director' | 'vp' | 'executive';

export interface DemoPerson {
  ref: string;
  name: string;
  department: string;
  level: Level;
  title: string;
  roles: Role[];
  managerRef?: string;
  /** Refs of the people who may book this person's trips. */
  delegateRefs?: string[];
}

export interface DemoOrganization {
  name: string;
  slug: string;
  tier: 'starter' | 'professional' | 'enterprise';
  domain: string;
  people: DemoPerson[];
}

const ROSTER: DemoPerson[] = [
  { ref: 'ceo', name: 'Helena Vogt', department: 'Executive', level: 'executive', title: 'Chief Executive Officer', roles: ['traveler', 'approver'], delegateRefs: ['assistant'] },
  { ref: 'cfo', name: 'Rafael Ortiz', department: 'Finance', level: 'vp', title: 'Chief Financial Officer', roles: ['traveler', 'approver', 'finance'], managerRef: 'ceo', delegateRefs: ['assistant'] },
  { ref: 'finance', name: 'Felix Brandt', department: 'Finance', level: 'senior', title: 'Finance Analyst', roles: ['traveler', 'finance'], managerRef: 'cfo' },
  { ref: 'admin', name: 'Tara Nakamura', department: 'Operations', level: 'manager', title: 'Travel Manager', roles: ['traveler', 'travel_admin', 'arranger'], managerRef: 'ceo' },
  { ref: 'eng-vp', name: 'Samuel Okafor', department: 'Engineering', level: 'vp', title: 'VP Engineering', roles: ['traveler', 'approver'], managerRef: 'ceo', delegateRefs: ['assistant'] },
  { ref: 'eng-mgr', name: 'Marco Rossi', department: 'Engineering', level: 'manager', title: 'Engineering Manager', roles: ['traveler', 'approver'], managerRef: 'eng-vp' },
  { ref: 'traveler', name: 'Ava Chen', department: 'Engineering', level: 'senior', title: 'Senior Engineer', roles: ['traveler'], managerRef: 'eng-mgr' },
  { ref: 'eng-2', name: 'Liam Murphy', department: 'Engineering', level: 'junior', title: 'Software Engineer', roles: ['traveler'], managerRef: 'eng-mgr' },
  { ref: 'eng-3', name: 'Priya Raman', department: 'Engineering', level: 'senior', title: 'Staff Engineer', roles: ['traveler'], managerRef: 'eng-mgr' },
  { ref: 'sales-dir', name: 'Olivia Bennett', department: 'Sales', level: 'director', title: 'Sales Director', roles: ['traveler', 'approver'], managerRef: 'ceo', delegateRefs: ['assistant'] },
  { ref: 'sales-1', name: 'Noah Fischer', department: 'Sales', level: 'senior', title: 'Account Executive', roles: ['traveler'], managerRef: 'sales-dir' },
  { ref: 'sales-2', name: 'Chloe Dubois', department: 'Sales', level: 'junior', title: 'Sales Associate', roles: ['traveler'], managerRef: 'sales-dir' },
  { ref: 'sales-3', name: 'Mateo Silva', department: 'Sales', level: 'senior', title: 'Account Executive', roles: ['traveler'], managerRef: 'sales-dir' },
  { ref: 'mkt-mgr', name: 'Grace Kim', department: 'Marketing', level: 'manager', title: 'Marketing Manager', roles: ['traveler', 'approver'], managerRef: 'ceo' },
  { ref: 'mkt-1', name: 'Ethan Walker', department: 'Marketing', level: 'junior', title: 'Marketing Specialist', roles: ['traveler'], managerRef: 'mkt-mgr' },
  { ref: 'assistant', name: 'Sofia Marino', department: 'Operations', level: 'senior', title: 'Executive Assistant', roles: ['traveler', 'arranger'], managerRef: 'admin' },
];

const GLOBEX_NAMES = [
  'Victor Hale', 'Amara Nwosu', 'Jonas Berg', 'Lucia Ferreira', 'Daniel Cohen', 'Mei Lin', 'Oscar Lindqvist',
  'Hannah Schulz', 'Kwame Mensah', 'Isabel Ruiz', 'Tomasz Nowak', 'Aisha Rahman',
];

/**
 * Flight operations (platform_admin: records flight status, e.g. `pnpm simulate:disruptions`), then two companies
 * with the same shape of roster, so tenancy can be seen: the same roles, different people. The last one marks
 * seeding as done, so operations comes first and databases seeded before it existed stay as they were.
 */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Travel Supergraph Operations',
    slug: 'operations',
    tier: 'starter',
    domain: 'ops.example',
    people: [{ ref: 'ops', name: 'Omar Haddad', department: 'Operations', level: 'manager', title: 'Flight Operations Controller', roles: ['platform_admin'] }],
  },
  { name: 'Northwind Consulting', slug: 'northwind', tier: 'enterprise', domain: 'northwind.example', people: ROSTER },
  {
    name: 'Globex Manufacturing',
    slug: 'globex',
    tier: 'professional',
    domain: 'globex.example',
    // Globex has no executive assistant, so nobody books for its executives but the travel admin.
    people: ROSTER.slice(0, 12).map((p, i) => ({ ...p, name: GLOBEX_NAMES[i]!, delegateRefs: [] })),
  },
];


/** first.last@domain, lower case, ASCII. */
export function demoEmail(name: string, domain: string): string {
  return `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.')}@${domain}`;
}
