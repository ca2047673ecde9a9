/**
 * The simulated Excel's formula evaluator is the project's one evaluator
 * (src/formula/evaluate.ts), shared with the .xlsx reader.
 */
export { evaluate, understands, type Lookup, type Scalar } from '../../formula/evaluate';
