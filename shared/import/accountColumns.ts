// Accounts across sheets, and account-level values (name, ARR, churn, attributes) per sheet. Every
// sheet addresses accounts through one registry, so the same id in the accounts sheet and in the
// snapshots sheet is one account; each sheet keeps its own values, merged at the end with the
// accounts sheets first (mergeDataset.ts).

import type { FieldKind, KeyLookup } from '../dataset';
import { detachCell } from './cellText';
import { AccountBytes, AccountFloat64 } from './growable';
import { KeyIndex } from './keyIndex';

export class AccountRegistry {
  /** 1 where some accounts sheet had a row for the account. */
  readonly inAccountsSheet = new AccountBytes();
  private readonly index = new KeyIndex();

  /** Account ids in index order. */
  get keys(): string[] {
    return this.index.keys;
  }

  /** The index over `keys` (handed to the store with the dataset: ids unique by construction). */
  get keyLookup(): KeyLookup {
    return this.index;
  }

  lookup(key: string): number | undefined {
    const i = this.index.find(key);
    return i === -1 ? undefined : i;
  }

  /** The account's index, adding it when new: then `-(index + 1)` (see KeyIndex.findOrAdd). `hash` is hashKey(key). */
  findOrAdd(key: string, hash: number): number {
    return this.index.findOrAdd(key, detachCell, hash);
  }

  /** Warms the cache for lookups of these hashes (see KeyIndex.prefetch). */
  prefetch(hashes: Int32Array, from: number, to: number): void {
    this.index.prefetch(hashes, from, to);
  }

  get size(): number {
    return this.index.size;
  }
}

/**
 * One account-level column of one sheet. In a snapshots sheet a value is replaced only by a value
 * from a row dated the same or later (each account's latest row wins); a missing value never
 * replaces a present one.
 */
export class AccountLevelColumn {
  readonly numbers: AccountFloat64 | null;
  readonly texts: (string | null)[] | null;
  private readonly asOf: AccountFloat64 | null;

  constructor(
    readonly name: string,
    readonly kind: FieldKind,
    dated: boolean,
  ) {
    this.numbers = kind === 'text' ? null : new AccountFloat64();
    this.texts = kind === 'text' ? [] : null;
    this.asOf = dated ? new AccountFloat64() : null;
  }

  offerNumber(account: number, value: number, day: number): void {
    if (Number.isNaN(value) || !this.newer(account, day)) return;
    (this.numbers as AccountFloat64).set(account, value);
  }

  offerText(account: number, value: string | null, day: number): void {
    if (value === null || !this.newer(account, day)) return;
    (this.texts as (string | null)[])[account] = value;
  }

  private newer(account: number, day: number): boolean {
    if (this.asOf === null) return true;
    const previous = this.asOf.get(account);
    if (previous > day) return false;
    this.asOf.set(account, day);
    return true;
  }

  /** Present value for an account (NaN / null when this sheet has none). */
  numberAt(account: number): number {
    return (this.numbers as AccountFloat64).get(account);
  }

  textAt(account: number): string | null {
    return (this.texts as (string | null)[])[account] ?? null;
  }
}
