import { runScmFlow } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

describe('the whole write-side flow over HTTP, standalone app on the embedded SQLite store', () => {
  let t: StandaloneUnderTest;
  beforeAll(async () => { t = await startStandalone(); });
  afterAll(() => t?.close());

  it('provision, record, publish, submit, evaluate, decide: every step an event with pinned versions', async () => {
    await runScmFlow(t);
    expect(t.store.name).toBe('sqlite');
  }, 60000);
});
