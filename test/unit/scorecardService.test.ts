import { describe, expect, it } from 'vitest';
import { unpackColumn, unpackStrings } from '../../shared/columnTransfer';
import { decodeWire, encodeWire } from '../../shared/wire';
import { createDispatcher } from '../../electron/transport/dispatch';
import { Workbench } from '../../electron/services/workbench';
import type { ScoringDataTransfer } from '../../shared/api';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

function demoWorkbench(): Workbench {
  const wb = new Workbench({ dataDir: tempDir(), mode: 'browser', version: 'test' });
  wb.start();
  return wb;
}

describe('scorecards in a workspace', () => {
  it('proposes a default scorecard from the data on first use and keeps it', async () => {
    const wb = demoWorkbench();
    const first = await wb.getScorecard();
    const metricSources = first.draft.metrics.map((m) => m.source);
    expect(metricSources).toEqual(expect.arrayContaining(['seat_utilization_pct', 'feature_adoption_pct', 'support_tickets_30d', 'nps']));
    expect(first.draft.metrics.find((m) => m.source === 'support_tickets_30d')?.direction).toBe('lowerIsBetter');
    expect(first.draft.thresholds).toEqual({ red: 40, green: 70 });
    expect(first.versions).toEqual([]);
    expect((await wb.getScorecard()).draft).toEqual(first.draft);
    wb.close();
  });

  it('saves drafts and numbered versions, and diffs them', async () => {
    const wb = demoWorkbench();
    const { draft } = await wb.getScorecard();
    const v1 = await wb.saveScorecardVersion({ message: 'First cut' });
    expect(v1).toMatchObject({ version: 1, message: 'First cut' });
    const edited = { ...draft, thresholds: { red: 35, green: 75 } };
    await wb.saveScorecardDraft({ scorecard: edited });
    expect((await wb.getScorecard()).draft.thresholds).toEqual({ red: 35, green: 75 });
    const v2 = await wb.saveScorecardVersion({ message: 'Stricter green' });
    expect(v2.version).toBe(2);
    expect((await wb.getScorecard()).versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await wb.getScorecardVersion({ version: 1 })).thresholds).toEqual({ red: 40, green: 70 });
    const changes = await wb.diffScorecards({ from: 1, to: 2 });
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((c) => c.message).join('\n')).toMatch(/40.*35|35/);
    expect(await wb.diffScorecards({ from: 2, to: 'draft' })).toEqual([]);
    await expect(wb.getScorecardVersion({ version: 9 })).rejects.toMatchObject({ code: 'not_found' });
    wb.close();
  });

  it('refuses an invalid draft with the field and the reason, keeping the stored one', async () => {
    const wb = demoWorkbench();
    const { draft } = await wb.getScorecard();
    const dispatch = createDispatcher(wb);
    const bad = await dispatch('saveScorecardDraft', { scorecard: { ...draft, thresholds: { red: 80, green: 70 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/thresholds/);
    const malformed = await dispatch('saveScorecardDraft', { scorecard: { ...draft, minCoverage: 'half' } });
    expect(malformed.ok ? '' : malformed.error.message).toMatch(/minCoverage/);
    expect((await wb.getScorecard()).draft).toEqual(draft);
    wb.close();
  });

  it('exports a scorecard file and imports it back as the draft', async () => {
    const wb = demoWorkbench();
    const { draft } = await wb.getScorecard();
    const file = await wb.exportScorecardFile({});
    expect(file.fileName).toMatch(/\.scorecard\.json$/);
    expect(JSON.parse(file.text).schemaVersion).toBe(1);
    const changed = file.text.replace('"red": 40', '"red": 30');
    const state = await wb.importScorecardFile({ text: changed, fileName: 'team.scorecard.json' });
    expect(state.draft.thresholds.red).toBe(30);
    await expect(wb.importScorecardFile({ text: '{"schemaVersion": 1}', fileName: 'broken.json' })).rejects.toThrow(/"broken\.json" is not a valid scorecard/);
    await expect(wb.importScorecardFile({ text: 'not json', fileName: 'x.json' })).rejects.toMatchObject({ code: 'invalid_argument' });
    expect((await wb.getScorecard()).draft.thresholds.red).toBe(30);
    expect(draft.thresholds.red).toBe(40);
    wb.close();
  });
});

describe('scoring data over the wire', () => {
  it('sends one snapshot as typed columns that round-trip exactly', async () => {
    const wb = demoWorkbench();
    const dispatch = createDispatcher(wb);
    const envelope = await dispatch('getScoringData', { asOf: '2026-06-01' });
    const bytes = encodeWire(envelope);
    const back = decodeWire(bytes) as { ok: true; value: ScoringDataTransfer };
    const data = back.value;
    expect(data.asOf).toBe('2026-06-01');
    expect(data.accountCount).toBe(2000);
    expect(unpackStrings(data.keys, data.accountCount)).toHaveLength(2000);
    expect(data.metrics.map((m) => m.field.name)).toContain('csm_pulse');
    const pulse = unpackColumn(data.metrics.find((m) => m.field.name === 'csm_pulse')!).values as (string | null)[];
    expect(new Set(pulse.filter((v) => v !== null))).toEqual(new Set(['Green', 'Yellow', 'Red']));
    const segment = data.attributes.find((a) => a.field.name === 'segment')!;
    expect('codes' in segment && segment.dictionary.sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    expect(data.churnDay.filter((d) => !Number.isNaN(d)).length).toBe(358);
    // Bytes, not JSON numbers: 10 numeric metric columns alone are 160 kB as float64.
    expect(bytes.byteLength).toBeLessThan(600_000);
    await expect(wb.getScoringData({ asOf: '2020-01-01' })).rejects.toMatchObject({ code: 'not_found' });
    wb.close();
  });
});

describe('a workspace without data', () => {
  it('has no scorecard yet, says why, and stores nothing', async () => {
    const dir = tempDir();
    const wb = new Workbench({ dataDir: dir, mode: 'browser', version: 'test' });
    await wb.createWorkspace({ path: `${dir}/empty.hsw` });
    await expect(wb.getScorecard()).rejects.toMatchObject({ code: 'no_data', message: expect.stringMatching(/no data yet.*Import a spreadsheet/) });
    await expect(wb.exportScorecardFile({})).rejects.toMatchObject({ code: 'no_data' });
    wb.close();
  });
});
