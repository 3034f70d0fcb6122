import type {
  Expression as IrExpression,
  FunctionCall as IrFunctionCall,
  SqlType,
} from '../../topology/spec';
import type { FunctionCall } from '../ast';
import type { Scope } from './scope';

/**
 * Hooks the query analyzer plugs into expression analysis: aggregate and table-function calls
 * are replaced by references to the columns that the aggregate / flat-map step produces.
 */
export interface ExpressionContext {
  readonly scope: Scope;
  /** Which clause is analysed, for messages (`SELECT column 'X' cannot be resolved.`). */
  readonly clause: string;
  readonly config: Readonly<Record<string, string | undefined>>;
  /** Lambda parameters in scope, innermost last. */
  readonly lambdaParams?: ReadonlyMap<string, SqlType>;
  readonly onAggregate?: (call: IrFunctionCall, node: FunctionCall) => IrExpression;
  readonly onTableFunction?: (call: IrFunctionCall, node: FunctionCall) => IrExpression;
  /** Replaces a whole sub-expression (GROUP BY expressions in an aggregate's projection). */
  readonly substitute?: (node: import('../ast').Expression) => IrExpression | undefined;
}
