/** DoR and DoD checklists: templates, auto-checks, readiness, migration, the stored document. */
export * from './auto-checks';
export * from './changes';
export * from './document';
export * from './evaluate';
export * from './size';
export * from './templates';
export * from './validator';
export * from './search';
