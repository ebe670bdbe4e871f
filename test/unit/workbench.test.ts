import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { Workbench } from '../../electron/services/workbench';
import { demoWorkspacePath } from '../../electron/services/appPaths';
import { WorkspaceStore } from '../../electron/store/workspaceStore';
import { smallDataset } from '../helpers/smallDataset';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

function workbenchIn(dataDir: string): Workbench {
  return new Workbench({ dataDir, mode: 'browser', version: 'test' });
}

function smallWorkspace(dir: string): string {
  const file = path.join(dir, 'small.hsw');
  const store = WorkspaceStore.create(file, 'Small book');
  store.writeDataset(smallDataset(), { source: 'test' });
  store.close();
  return file;
}

describe('workbench service', () => {
  it('first start generates and opens the demo in the data folder, and remembers it', async () => {
    const dataDir = tempDir();
    const wb = workbenchIn(dataDir);
    wb.start();
    const summary = await wb.getWorkspaceSummary();
    expect(summary?.path).toBe(demoWorkspacePath(dataDir));
    expect(summary?.accountCount).toBe(2000);
    expect(summary?.segments.map((s) => s.name).sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    expect((await wb.listRecentWorkspaces())[0]).toMatchObject({ path: demoWorkspacePath(dataDir), exists: true });
    wb.close();
  });

  it('the next start reopens the last workspace used', async () => {
    const dataDir = tempDir();
    const file = smallWorkspace(dataDir);
    const first = workbenchIn(dataDir);
    first.start(file);
    first.close();
    const second = workbenchIn(dataDir);
    second.start();
    expect((await second.getWorkspaceSummary())?.name).toBe('Small book');
    second.close();
  });

  it('a refused workspace keeps the current one open', async () => {
    const dataDir = tempDir();
    const wb = workbenchIn(dataDir);
    wb.start(smallWorkspace(dataDir));
    const bad = path.join(dataDir, 'bad.hsw');
    fs.writeFileSync(bad, 'garbage');
    await expect(wb.openWorkspace({ path: bad })).rejects.toMatchObject({ code: 'workspace_refused' });
    expect((await wb.getWorkspaceSummary())?.name).toBe('Small book');
    expect((await wb.listAccounts({ offset: 0, limit: 10 })).total).toBe(3);
    wb.close();
  });

  it('a refused start leaves no workspace open, a message, and a working app', async () => {
    const dataDir = tempDir();
    const bad = path.join(dataDir, 'bad.hsw');
    fs.writeFileSync(bad, 'garbage');
    const wb = workbenchIn(dataDir);
    wb.start(bad);
    expect(await wb.getWorkspaceSummary()).toBeNull();
    expect((await wb.getAppInfo()).startupMessage).toMatch(/not an SQLite database/);
    await expect(wb.listAccounts({ offset: 0, limit: 10 })).rejects.toBeInstanceOf(ApiError);
    expect((await wb.openDemoWorkspace()).isDemo).toBe(true);
    expect((await wb.getAppInfo()).startupMessage).toBeNull();
    wb.close();
  });

  it('creates an empty workspace and lists it in the recent list', async () => {
    const dataDir = tempDir();
    const wb = workbenchIn(dataDir);
    const file = path.join(dataDir, 'Fresh start.hsw');
    const summary = await wb.createWorkspace({ path: file });
    expect(summary).toMatchObject({ name: 'Fresh start', accountCount: 0, snapshotDates: [], segments: [] });
    await expect(wb.createWorkspace({ path: file })).rejects.toMatchObject({ code: 'already_exists' });
    fs.rmSync(file);
    expect((await wb.listRecentWorkspaces()).find((r) => r.path === file)?.exists).toBe(false);
    wb.close();
  });
});

describe('accounts listing', () => {
  async function small() {
    const dataDir = tempDir();
    const wb = workbenchIn(dataDir);
    wb.start(smallWorkspace(dataDir));
    return wb;
  }

  it('returns rows with attributes, churn and last snapshot', async () => {
    const wb = await small();
    const page = await wb.listAccounts({ offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.name)).toEqual(['Acme', 'Globex', 'Initech']);
    expect(page.rows[0]).toMatchObject({ key: 'A-1', segment: 'Enterprise', arr: 120000, churned: false, lastSnapshot: '2026-02-01', attributes: { csm_assigned: true } });
    expect(page.rows[1]).toMatchObject({ arr: null, attributes: { csm_assigned: false } });
    expect(page.rows[2]).toMatchObject({ segment: null, churned: true, churnDate: '2026-01-20', lastSnapshot: '2026-01-01', attributes: { csm_assigned: null } });
    wb.close();
  });

  it('sorts by ARR both ways with missing values last', async () => {
    const wb = await small();
    const asc = await wb.listAccounts({ offset: 0, limit: 10, sort: { column: 'arr', direction: 'asc' } });
    expect(asc.rows.map((r) => r.key)).toEqual(['A-3', 'A-1', 'A-2']);
    const desc = await wb.listAccounts({ offset: 0, limit: 10, sort: { column: 'arr', direction: 'desc' } });
    expect(desc.rows.map((r) => r.key)).toEqual(['A-1', 'A-3', 'A-2']);
    wb.close();
  });

  it('searches name and id case-insensitively and filters by segment', async () => {
    const wb = await small();
    expect((await wb.listAccounts({ offset: 0, limit: 10, search: 'GLOB' })).rows.map((r) => r.key)).toEqual(['A-2']);
    expect((await wb.listAccounts({ offset: 0, limit: 10, search: 'a-3' })).rows.map((r) => r.key)).toEqual(['A-3']);
    expect((await wb.listAccounts({ offset: 0, limit: 10, segment: 'SMB' })).rows.map((r) => r.key)).toEqual(['A-2']);
    expect((await wb.listAccounts({ offset: 0, limit: 10, segment: 'SMB', search: 'acme' })).total).toBe(0);
    wb.close();
  });

  it('pages through the demo without gaps or repeats, in sorted order', async () => {
    const dataDir = tempDir();
    const wb = workbenchIn(dataDir);
    wb.start();
    const seen: string[] = [];
    const arrs: number[] = [];
    for (let offset = 0; ; offset += 300) {
      const page = await wb.listAccounts({ offset, limit: 300, sort: { column: 'arr', direction: 'desc' } });
      expect(page.total).toBe(2000);
      if (page.rows.length === 0) break;
      for (const r of page.rows) {
        seen.push(r.key);
        arrs.push(r.arr ?? -1);
      }
    }
    expect(new Set(seen).size).toBe(2000);
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    const smb = await wb.listAccounts({ offset: 0, limit: 5000, segment: 'SMB' });
    expect(smb.rows.every((r) => r.segment === 'SMB')).toBe(true);
    expect(smb.total).toBe((await wb.getWorkspaceSummary())?.segments.find((s) => s.name === 'SMB')?.accounts);
    wb.close();
  });
});
