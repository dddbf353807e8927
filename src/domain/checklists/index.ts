/** DoR and DoD checklists: templates, auto-checks, readiness, migration, the state, the mirror, the gate. */
export * from './auto-checks';
export * from './changes';
export * from './document';
export * from './evaluate';
export * from './gate';
export * from './migration';
export * from './size';
export * from './templates';
export * from './search';
export * from './verdict';
