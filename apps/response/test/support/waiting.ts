/** Polls until the condition holds: for what the schedule and the read models do on their own. */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what = 'condition'): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} not reached`);
}
