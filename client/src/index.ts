/**
 * @gatehouse/client: the Gatehouse API's typed client. The types (schema.ts) are generated
 * from the OpenAPI document; the rest is a thin layer over openapi-fetch, its one dependency.
 */
export { createGatehouseClient, type GatehouseClient, type GatehouseClientOptions, type GatehouseMedia } from './client.js';
export { ifMatch } from './if-match.js';
export { items, pages, type ItemOf, type PagedPath, type PageOf, type PageRequest } from './pages.js';
export {
  type BlankProblem,
  type DataOf,
  type FetchResult,
  GatehouseProblem,
  PROBLEM_BASE,
  type Problem,
  type ProblemFields,
  type ProblemOf,
  type ProblemSlug,
  type ProblemType,
  problemOf,
  type SlugOf,
  unwrap,
} from './problem.js';
export type { components, operations, paths } from './schema.js';
