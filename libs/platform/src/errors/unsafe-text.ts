/** NUL, or a UTF-16 surrogate that is not half of a pair (not a character: it cannot be stored or shown faithfully). */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointer of the first string (value or key) of a parsed body that holds NUL or a lone
 * surrogate, or undefined. Iterative, so any depth is safe (the body parser has bounded it).
 */
export function unsafeTextPointer(body: unknown): string | undefined {
  const stack: [unknown, string][] = [[body, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (UNSAFE.test(value)) return pointer || '/';
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${pointer}/${index}`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (UNSAFE.test(key)) return `${pointer}/${escape(key)}`;
        stack.push([item, `${pointer}/${escape(key)}`]);
      }
    }
  }
  return undefined;
}
