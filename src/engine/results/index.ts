/** Plain facts about results for the worker API and the UI: a mapping's key, the engine version. */
export { canonicalMappingText, mappingKey, MAPPING_KEY_LENGTH } from './mapping-key.js';
export { ENGINE_VERSION } from './engine-version.js';
