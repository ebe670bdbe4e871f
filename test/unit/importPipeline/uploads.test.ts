// Browser-mode uploads: chunks appended in order to a private file under the data folder, refused
// out of order, referenced by a random id that can never name another path; stale uploads removed at
// start-up; an 8 MB chunk accepted by the HTTP host as `npm run serve` configures it.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../../shared/api';
import { TOKEN_HEADER, WIRE_CONTENT_TYPE } from '../../../shared/httpProtocol';
import { decodeWire, encodeWire } from '../../../shared/wire';
import { Workbench } from '../../../electron/services/workbench';
import { createDispatcher } from '../../../electron/transport/dispatch';
import { createHttpHost, listenOnLoopback } from '../../../electron/transport/httpHost';
import { useTempDirs } from '../../helpers/tempDir';
import { TELCO, mappingOf, newBench, settle, useImportWorker } from './helpers';

const tempDir = useTempDirs();
const workerFile = useImportWorker();

describe('uploads', () => {
  it('a file uploaded in chunks imports like the file itself', async () => {
    const dir = tempDir();
    const { call, workbench } = await newBench(dir, workerFile());
    const bytes = fs.readFileSync(TELCO);
    const size = 300_000;
    let uploadId: string | undefined;
    for (let offset = 0; offset < bytes.length; offset += size) {
      const chunk = new Uint8Array(bytes.subarray(offset, offset + size));
      const done = offset + size >= bytes.length;
      ({ uploadId } = await call('uploadImportChunk', { ...(uploadId ? { uploadId } : {}), fileName: 'telco.csv', offset, chunk, done }));
    }
    expect(uploadId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const uploadsDir = path.join(dir, 'uploads');
    expect(fs.readdirSync(uploadsDir)).toEqual([`${uploadId}.upload`]);
    if (process.platform !== 'win32') {
      expect(fs.statSync(uploadsDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(uploadsDir, `${uploadId}.upload`)).mode & 0o777).toBe(0o600);
    }
    const { jobId } = await call('startImportAnalysis', { sources: [{ fileName: 'telco.csv', uploadId: uploadId! }] });
    const analysed = await settle(call, jobId);
    expect(analysed.analysis![0]).toMatchObject({ rowCount: 7043, source: { fileName: 'telco.csv', uploadId } });
    const started = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(analysed.analysis![0])] });
    const done = await settle(call, started.jobId);
    expect(done.report).toMatchObject({ accountCount: 7043, churnedCount: 1869, problemCount: 0 });
    workbench.close();
  });

  it('refuses chunks out of order, unknown ids and ids that are not upload ids', async () => {
    const dir = tempDir();
    const { call, workbench } = await newBench(dir, workerFile());
    const chunk = new TextEncoder().encode('account_id,logins\nA,1\n');
    await expect(call('uploadImportChunk', { fileName: 'a.csv', offset: 5, chunk, done: false })).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/must start at byte 0/) });
    const { uploadId } = await call('uploadImportChunk', { fileName: 'a.csv', offset: 0, chunk, done: false });
    await expect(call('uploadImportChunk', { uploadId, fileName: 'a.csv', offset: 0, chunk, done: true })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'Upload chunk for "a.csv" starts at byte 0, but 22 bytes have arrived so far: chunks must be sent in order.',
    });
    await expect(call('uploadImportChunk', { uploadId, fileName: 'a.csv', offset: 30, chunk, done: true })).rejects.toMatchObject({ code: 'invalid_argument' });
    // The right offset still works after refusals; an unfinished upload cannot be imported.
    await expect(call('startImportAnalysis', { sources: [{ fileName: 'a.csv', uploadId }] })).rejects.toMatchObject({ code: 'not_found' });
    await call('uploadImportChunk', { uploadId, fileName: 'a.csv', offset: 22, chunk: new Uint8Array(0), done: true });
    await expect(call('uploadImportChunk', { uploadId, fileName: 'a.csv', offset: 22, chunk, done: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('uploadImportChunk', { uploadId: 'made-up-id-123', fileName: 'a.csv', offset: 0, chunk, done: true })).rejects.toMatchObject({ code: 'not_found' });
    // Ids are validated by the schema (no dots or slashes), and only finished uploads in uploads/ resolve.
    await expect(call('startImportAnalysis', { sources: [{ fileName: 'x', uploadId: '../../etc/passwd' }] })).rejects.toMatchObject({ code: 'invalid_argument' });
    fs.writeFileSync(path.join(dir, 'secretfile.upload'), 'account_id\nA');
    fs.writeFileSync(path.join(dir, 'uploads', 'handmadefile.upload'), 'account_id\nA');
    for (const id of ['secretfile', 'handmadefile']) {
      await expect(call('startImportAnalysis', { sources: [{ fileName: 'x', uploadId: id }] })).rejects.toMatchObject({ code: 'not_found' });
    }
    expect((await settle(call, (await call('startImportAnalysis', { sources: [{ fileName: 'a.csv', uploadId }] })).jobId)).state).toBe('done');
    workbench.close();
  });

  it('removes uploads older than a day at start-up', () => {
    const dir = tempDir();
    const uploads = path.join(dir, 'uploads');
    fs.mkdirSync(uploads);
    const old = path.join(uploads, 'AAAAAAAAAAAAAAAAAAAAAA.upload');
    const oldPart = path.join(uploads, 'BBBBBBBBBBBBBBBBBBBBBB.part');
    const fresh = path.join(uploads, 'CCCCCCCCCCCCCCCCCCCCCC.upload');
    for (const f of [old, oldPart, fresh]) fs.writeFileSync(f, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    fs.utimesSync(oldPart, twoDaysAgo, twoDaysAgo);
    const workbench = new Workbench({ dataDir: dir, mode: 'browser', version: 'test', imports: { workerFile: workerFile() } });
    workbench.start(path.join(dir, 'none.hsw'));
    expect(fs.readdirSync(uploads)).toEqual(['CCCCCCCCCCCCCCCCCCCCCC.upload']);
    workbench.close();
  });

  it('the HTTP host (as browser mode starts it) accepts an 8 MB chunk', async () => {
    const dir = tempDir();
    const { workbench } = await newBench(dir, workerFile());
    const token = 'test-token-0123456789';
    const server = createHttpHost({ dispatcher: createDispatcher(workbench), staticDir: dir, token });
    const port = await listenOnLoopback(server, 0);
    try {
      const chunk = new Uint8Array(8 * 1024 * 1024).fill(0x41);
      const body = encodeWire({ fileName: 'big.csv', offset: 0, chunk, done: true });
      const envelope = await new Promise<ApiEnvelope<{ uploadId: string }>>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: '/api/uploadImportChunk', method: 'POST', headers: { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token, 'content-type': WIRE_CONTENT_TYPE } },
          (res) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () => resolve(decodeWire(Buffer.concat(parts)) as ApiEnvelope<{ uploadId: string }>));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(envelope.ok).toBe(true);
      if (envelope.ok) expect(fs.statSync(path.join(dir, 'uploads', `${envelope.value.uploadId}.upload`)).size).toBe(8 * 1024 * 1024);
    } finally {
      server.close();
      workbench.close();
    }
  });
});
