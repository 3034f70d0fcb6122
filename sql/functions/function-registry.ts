import { aggregateFunctions } from './catalog/aggregate-functions';
import { arrayFunctions } from './catalog/array-functions';
import { conditionalFunctions } from './catalog/conditional-functions';
import { dateTimeFunctions } from './catalog/date-time-functions';
import { jsonFunctions } from './catalog/json-functions';
import { mapFunctions } from './catalog/map-functions';
import { mathFunctions } from './catalog/math-functions';
import { stringFunctions } from './catalog/string-functions';
import { tableFunctions } from './catalog/table-functions';
import { urlFunctions } from './catalog/url-functions';
import type { FunctionDefinition } from './function-definition';

const ALL: readonly FunctionDefinition[] = [
  ...stringFunctions,
  ...mathFunctions,
  ...dateTimeFunctions,
  ...arrayFunctions,
  ...mapFunctions,
  ...jsonFunctions,
  ...urlFunctions,
  ...conditionalFunctions,
  ...aggregateFunctions,
  ...tableFunctions,
];

const BY_NAME: ReadonlyMap<string, FunctionDefinition> = indexByName(ALL);

function indexByName(defs: readonly FunctionDefinition[]): Map<string, FunctionDefinition> {
  const map = new Map<string, FunctionDefinition>();
  for (const def of defs) {
    if (map.has(def.name)) throw new Error(`Function ${def.name} is declared twice`);
    map.set(def.name, def);
  }
  return map;
}

/** The function named `name` (case-insensitive), or undefined. */
export function lookupFunction(name: string): FunctionDefinition | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Every function, sorted by name, as SHOW FUNCTIONS lists them. */
export function listFunctions(): readonly FunctionDefinition[] {
  return [...BY_NAME.values()].sort((a, b) => a.name.localeCompare(b.name));
}
