/** One difference between two JSON values, at a JSON pointer ("" = the whole value). */
export interface JsonDifference {
  path: string;
  recorded: unknown;
  reproduced: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The leaves where two JSON values differ (at most `max`), in a deterministic order. */
export function diffJson(recorded: unknown, reproduced: unknown, max = 100, path = ''): JsonDifference[] {
  const out: JsonDifference[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (out.length >= max) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${at}/${i}`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[key], b[key], `${at}/${escape(key)}`);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: at, recorded: a, reproduced: b });
  };
  walk(recorded, reproduced, path);
  return out;
}
