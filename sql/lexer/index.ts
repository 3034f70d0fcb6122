export { tokenize } from './lexer';
export { describeToken, symbols, type SymbolText, type Token, type TokenType } from './token';
