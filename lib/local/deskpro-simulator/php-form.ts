/**
 * How PHP reads `application/x-www-form-urlencoded` input into `$_GET` / `$_POST`: bracket
 * notation builds nested arrays (`data[number]`, `email[]`, `contact_data[0][data][number]`),
 * `[]` appends, a repeated plain name keeps the last value. PHP arrays keep insertion order, so
 * they are Maps here.
 */
export type PhpValue = string | PhpArray;
export type PhpArray = Map<string, PhpValue>;

export function parsePhpForm(encoded: string): PhpArray {
  const root: PhpArray = new Map();
  for (const [name, value] of new URLSearchParams(encoded)) assign(root, keyPath(name), value);
  return root;
}

/** `a[b][]` → ['a', 'b', '']; a name without a closed bracket is taken literally. */
function keyPath(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0) return [name];
  const keys = [name.slice(0, open)];
  let rest = name.slice(open);
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) break;
    keys.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  return keys;
}

function assign(root: PhpArray, keys: string[], value: string): void {
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const name = key === '' ? nextIndex(node) : key;
    let child = node.get(name);
    if (!(child instanceof Map)) {
      child = new Map();
      node.set(name, child);
    }
    node = child;
  }
  const last = keys[keys.length - 1] ?? '';
  node.set(last === '' ? nextIndex(node) : last, value);
}

function nextIndex(array: PhpArray): string {
  let next = 0;
  for (const key of array.keys()) if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
  return String(next);
}

/** `$in->getString()`: a string value, '' for a missing or array value. */
export function phpString(value: PhpValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** `$in->getArrayValue()`: an array value, empty for a missing or scalar value. */
export function phpArray(value: PhpValue | undefined): PhpArray {
  return value instanceof Map ? value : new Map();
}

/** `$in->getCleanValueArray(…, 'discard')`: a scalar becomes a one-item list; empty strings are dropped. */
export function phpStrings(value: PhpValue | undefined): string[] {
  const values = value instanceof Map ? [...value.values()] : [value];
  return values.filter((item): item is string => typeof item === 'string' && item !== '');
}

/** `$in->getUint()`: PHP's intval, never negative. */
export function phpUint(value: PhpValue | undefined): number {
  const parsed = Number.parseInt(phpString(value).trim(), 10);
  return Number.isNaN(parsed) || parsed < 0 ? 0 : parsed;
}

/** PHP truthiness of a column value: '', '0' and null are false. */
export function phpTruthy(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && value !== '' && value !== '0';
}
