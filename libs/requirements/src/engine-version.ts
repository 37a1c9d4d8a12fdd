/** Semantic version of the requirement/recognition engine; recorded in every evaluation. */
export const ENGINE_VERSION = '1.1.0';
