import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

/** The hand-written modules (generated/ is protoc's output, not ours to arrange). */
const SRC = path.join(__dirname, '..', '..', 'src');
const LOCAL_IMPORT = /^(?:import|export)\b[^;]*?from '\.\/([^']+)';/gm;

/** Each module's local imports, type-only ones included: a cycle of types is still a tangle. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(SRC).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const targets = [...text.matchAll(LOCAL_IMPORT)].map((m) => m[1]!).filter((t) => !t.startsWith('generated/'));
    graph.set(file.replace(/\.ts$/, ''), targets);
  }
  return graph;
}

/** The first cycle a depth-first walk meets, as a path that ends where it starts; or none. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const walk = (node: string, trail: string[]): string[] | undefined => {
    const seen = trail.indexOf(node);
    if (seen >= 0) return [...trail.slice(seen), node];
    if (done.has(node)) return undefined;
    for (const next of graph.get(node) ?? []) {
      const cycle = walk(next, [...trail, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

test('src/ modules import one another without a cycle', () => {
  const graph = importGraph();
  assert.ok(graph.get('client')?.includes('errors'), 'the import scan reads the modules');
  const cycle = findCycle(graph);
  assert.equal(cycle, undefined, `import cycle: ${cycle?.join(' -> ')}`);
});
