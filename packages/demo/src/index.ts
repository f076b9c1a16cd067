// Public API of @kolmap/demo (named exports only): the seeded demo generator and its planted truth.
export type { ScenarioRole } from './cast.js';
export type {
  DemoData,
  GenerateOptions,
  GroundTruth,
  PlantedAccount,
  PlantedCommunity,
  PlantedPvCase,
  PlantedPvNonCase,
  PvCaseKind,
} from './generate-demo.js';
export {
  DEFAULT_GENERATE_OPTIONS,
  GENERATOR_VERSION,
  generateDemo,
  resolveGenerateOptions,
} from './generate-demo.js';
export type { PvNonCaseKind } from './templates.js';
export { writeDemo } from './write-demo.js';
