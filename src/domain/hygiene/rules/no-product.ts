import { HYGIENE_CATALOGUE } from '../catalogue';
import { mapsToSomeProduct } from '../../ownership';
import { type HygieneRule } from '../rule';

/**
 * Products are configured and the issue maps to none (docs/metrics.md, "Ownership"). Sub-tasks are not exempt:
 * §3 exempts them where it means to, and a sub-task carries its own components and labels.
 */
export const noProduct: HygieneRule = {
  id: 'no-product',
  severity: 'low',
  params: (config) => ({ products: config.products.map((p) => p.key) }),
  violates: ({ issue }, { config }) => config.products.length > 0 && !mapsToSomeProduct(config)(issue),
  fix: HYGIENE_CATALOGUE['no-product'].fix,
};
