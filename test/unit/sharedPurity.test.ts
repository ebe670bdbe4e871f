import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ runs in the renderer, its Web Worker and Node alike: it may import only other shared/
// modules and pure npm packages. This keeps that true (the lint rule of the design, as a test).
const root = path.resolve(__dirname, '../../shared');
const FORBIDDEN = [/^node:/, /^electron$/, /^(fs|path|os|child_process|http|https|crypto|url|util|worker_threads|stream)(\/|$)/, /^react(-dom)?$/, /\/(electron|renderer)\//, /^\.\.\/(\.\.\/)*(electron|renderer)/];
const ALLOWED_GLOBALS = /\b(document|window|localStorage|sessionStorage|process\.|require\(|__dirname|Buffer\.)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) specifiers.push(m[1] ?? m[2] ?? m[3]);
  return specifiers;
}

describe('shared/ is pure', () => {
  const files = sourceFiles(root);

  it('finds the shared sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [path.relative(root, f), f]))('%s imports no node:, electron, DOM or app-side module', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const bad = importsOf(source).filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)));
    expect(bad).toEqual([]);
    const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code.match(ALLOWED_GLOBALS)?.[0] ?? null).toBeNull();
  });

  it('the checker itself catches a forbidden import', () => {
    const offending = importsOf("import fs from 'node:fs';\nimport { app } from 'electron';\nimport x from '../electron/main';");
    expect(offending.filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)))).toHaveLength(3);
  });
});
