import type { FieldKind } from '../../../shared/dataset';

export type { FieldKind };

/** The types a column can be read as, in the order the type select lists them. */
export const FIELD_KINDS: readonly FieldKind[] = ['number', 'date', 'boolean', 'text'];
