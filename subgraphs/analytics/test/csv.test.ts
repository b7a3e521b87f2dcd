import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../src/export/csv.js';

describe('csv', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvLine(['plain', 12, 9_007_199_254_740_993n, null, new Date('2026-01-01T00:00:00Z')])).toBe('plain,12,9007199254740993,,2026-01-01T00:00:00.000Z\r\n');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
