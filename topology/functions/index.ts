export * from './function-contract';
export * from './function-registry';
export { encodeValue, decodeValue } from './support/value-codec';
export { compareValues, valuesEqual } from './support/compare-values';
export { toJsonText } from './support/json-text';
export { toJavaText } from './support/value-text';
export { javaDoubleToString } from './support/java-double';
export { asNumericType, scalarText, toDecimal, toNumber } from './support/numbers';
export { fromUnscaled, unscaledValue } from './support/exact-decimal';
