export const ENGINE_PLACEHOLDER = 1;
