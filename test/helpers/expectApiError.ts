import { expect } from 'vitest';
import { ApiError } from '../../shared/api';

/** Runs `fn` and checks it throws an ApiError with this code and a message matching `pattern`. */
export function expectApiError(fn: () => unknown, code: string, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code).toBe(code);
  expect((caught as ApiError).message).toMatch(pattern);
}
