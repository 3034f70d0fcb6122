export { printStatement, printStatements } from './print-statement';
export { precedenceOf, printExpression } from './print-expression';
export { printType } from './print-type';
export { type PrintOptions, printQuery, printRelation, printWindow } from './print-query';
export {
  printDuration,
  printIdentifier,
  printPropertyList,
  printString,
  printTopicName,
} from './print-names';
