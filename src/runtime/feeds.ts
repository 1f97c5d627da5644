/**
 * The per-unit graph inputs of table-scored number inputs (`<id>.unit`, `<id>.typed`), filled in for
 * callers that pass canonical values only (what-if curves, property tests): unit 0 is the canonical
 * unit, and the number as typed is then the canonical value itself.
 */
const UNIT = '.unit';
const TYPED = '.typed';

/** `feeds` with any missing `<id>.unit` / `<id>.typed` input of the model filled in (canonical). */
export function completeFeeds(modelInputs: readonly string[], feeds: Record<string, Float64Array>): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of modelInputs) {
    if (name in feeds) out[name] = feeds[name];
    else if (name.endsWith(UNIT) && feeds[name.slice(0, -UNIT.length)]) out[name] = new Float64Array(feeds[name.slice(0, -UNIT.length)].length);
    else if (name.endsWith(TYPED) && feeds[name.slice(0, -TYPED.length)]) out[name] = feeds[name.slice(0, -TYPED.length)];
  }
  // The unit of an input the model scores in its canonical unit only is not the model's concern;
  // anything else the caller passed is kept, so that run() can name it as unknown.
  const perUnit = (name: string) => (name.endsWith(UNIT) || name.endsWith(TYPED)) && modelInputs.includes(name.slice(0, name.lastIndexOf('.')));
  for (const [name, v] of Object.entries(feeds)) if (!(name in out) && !perUnit(name)) out[name] = v;
  return out;
}
