import fc from 'fast-check';
import { GrowingRecordView, writeJsonInSlices } from './json-in-slices';

async function written(value: unknown, sliceChars?: number): Promise<{ text: string; chunks: string[] }> {
  const chunks: string[] = [];
  await writeJsonInSlices(value, async (chunk) => void chunks.push(chunk), sliceChars);
  return { text: chunks.join(''), chunks };
}

/** JSON values with what JSON.stringify drops or converts: undefined, functions, dates, non-finite numbers. */
const awkward = fc.oneof(fc.constant(undefined), fc.constant(() => 1), fc.date({ noInvalidDate: true }), fc.constant(Number.NaN), fc.constant(-0));
const values = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), awkward, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 40 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 40 }),
})).value;

describe('JSON written in slices', () => {
  it('writes what JSON.stringify writes, whatever the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(values.filter((value) => JSON.stringify(value) !== undefined), fc.integer({ min: 1, max: 300 }), async (value, slice) => {
        expect((await written(value, slice)).text).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('ends a slice inside a large list deep in the state, so no single write holds the whole of it', async () => {
    const timeline = Array.from({ length: 5_000 }, (_, at) => ({ eventId: `e-${at}`, type: 'VigilanceModeProposed' }));
    const state = { envelope: { state: { scopes: { 'rare-earth-magnets': { reached: 'vigilance', timeline } } } } };
    const { text, chunks } = await written(state, 4_096);
    expect(text).toBe(JSON.stringify(state));
    expect(chunks.length).toBeGreaterThan(40);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(4_096 + 200);
  });

  it('writes a growing record as it stood when its keys were taken, and JSON.stringify agrees', async () => {
    const record: Record<string, { memberState: string }> = { a: { memberState: 'DE' }, b: { memberState: 'FR' } };
    const view = new GrowingRecordView(record, Object.keys(record));
    record.c = { memberState: 'IT' };
    const expected = JSON.stringify({ visibility: { a: { memberState: 'DE' }, b: { memberState: 'FR' } } });
    expect((await written({ visibility: view }, 8)).text).toBe(expected);
    expect(JSON.stringify({ visibility: view })).toBe(expected);
  });

  it('refuses a value that has no JSON form', async () => {
    await expect(written(undefined)).rejects.toThrow(/no JSON form/);
  });
});
