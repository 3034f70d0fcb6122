import type { AstNode } from '../ast';
import { SqlSyntaxError, SyntaxErrorCodes } from '../errors';

/** Generous for real SQL (a 500-term sum is fine), small enough for recursive passes. */
export const defaultMaxTreeDepth = 1000;

/**
 * Long operator chains (`a + b + c + ...`) parse iteratively but build a deep left-leaning tree,
 * which recursive passes (printer, analyzer) would then overflow on. This iterative check turns
 * such input into NESTING_TOO_DEEP at the node where the limit is crossed.
 */
export function assertTreeDepth(root: AstNode, maxDepth: number): void {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const node = value as Partial<AstNode>;
    if (depth > maxDepth && node.span !== undefined) {
      throw new SqlSyntaxError(
        SyntaxErrorCodes.nestingTooDeep,
        `Expression is nested too deeply (more than ${maxDepth} levels)`,
        node.span,
      );
    }
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'span' && child !== null && typeof child === 'object')
        stack.push([child, depth + 1]);
    }
  }
}
