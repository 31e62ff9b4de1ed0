import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { shouldRetry } from './query-client.ts';

const err = (status: number, code = `http_${status}`) =>
  new ApiError({ status, code, message: 'x' });

describe('shouldRetry', () => {
  it('never retries 4xx', () => {
    expect(shouldRetry(0, err(401))).toBe(false);
    expect(shouldRetry(0, err(404))).toBe(false);
  });

  it('retries network failures and 5xx a little', () => {
    expect(shouldRetry(0, err(0, 'network'))).toBe(true);
    expect(shouldRetry(1, err(503))).toBe(true);
    expect(shouldRetry(2, err(503))).toBe(false);
  });

  it('does not retry programming errors', () => {
    expect(shouldRetry(0, new TypeError('boom'))).toBe(false);
  });
});
