/** How deeply JSON input may nest; events and map files need a handful of levels, never hundreds. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply a parsed JSON value nests (a scalar is 0, `[]` is 1), counted without recursion and stopping
 * once past `limit`, so a document nested 100,000 deep cannot overflow the stack while it is measured.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || next.value === null || typeof next.value !== "object") continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth });
  }
  return deepest;
}
