// The list of recently opened workspaces, kept as a small JSON file in the data folder. A damaged or
// hand-edited file never stops the app: invalid entries are dropped.

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../shared/api';

const MAX_RECENT = 12;
const entrySchema = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });

export class RecentWorkspaces {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent-workspaces.json');
  }

  private read(): Omit<RecentWorkspace, 'exists'>[] {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return [];
    }
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((entry) => {
      const parsed = entrySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  list(): RecentWorkspace[] {
    return this.read().map((entry) => ({ ...entry, exists: fs.existsSync(entry.path) }));
  }

  /** Most recent first; the file is replaced atomically (write, then rename). */
  remember(workspacePath: string, name: string): void {
    const entries = [{ path: workspacePath, name, openedAt: new Date().toISOString() }, ...this.read().filter((e) => e.path !== workspacePath)].slice(0, MAX_RECENT);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(entries, null, 2));
    fs.renameSync(temp, this.file);
  }

  /** The last workspace that still exists, if any. */
  lastExisting(): string | null {
    return this.list().find((e) => e.exists)?.path ?? null;
  }
}
