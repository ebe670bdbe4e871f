import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run dist` cannot run offline, so the packaging config is checked with electron-builder's own
// validator (its JSON schema and deprecation checks), the step it runs before downloading anything.
const require = createRequire(import.meta.url);
const ROOT = path.resolve(__dirname, '../..');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, debug: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const noDebug = { isEnabled: false, add: () => undefined };

function loadConfig(): Record<string, unknown> {
  return yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

describe('electron-builder configuration', () => {
  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(loadConfig(), noDebug)).resolves.toBeUndefined();
  });

  it('the validator rejects a misspelt option (so the check above means something)', async () => {
    await expect(validateConfiguration({ ...loadConfig(), linuxx: { target: ['deb'] } }, noDebug)).rejects.toThrow(/linuxx/);
  });

  it('packages the built app and points at the bundled main process', () => {
    const config = loadConfig();
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*']));
    expect(config.npmRebuild).toBe(false);
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml/);
  });
});
