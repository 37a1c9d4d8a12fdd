import { ProjectorStatus } from '../src';
import { embeddedProjectorHealth } from '../src/nest/read-models.health';

const projectorWith = (status: ProjectorStatus) => ({ status });
const storeAt = (head: number) => ({ headPosition: async () => head });

describe("/health's readModels for the embedded projector", () => {
  it('is up while running, with how far the read models are behind the store', async () => {
    expect(await embeddedProjectorHealth(projectorWith({ running: true, checkpoint: 90, failures: 2 }), storeAt(100))).toEqual({
      up: true,
      details: { projector: 'embedded', checkpoint: 90, head: 100, behind: 10, failures: 2 },
    });
  });

  it('is down after 5 failed batches in a row, and when stopped, saying why', async () => {
    expect(await embeddedProjectorHealth(projectorWith({ running: true, checkpoint: 90, failures: 5 }), storeAt(100))).toEqual({
      up: false,
      details: { projector: 'embedded', checkpoint: 90, head: 100, behind: 10, failures: 5, message: '5 projection batches failed in a row (retrying; see the log)' },
    });
    expect(await embeddedProjectorHealth(projectorWith({ running: false, checkpoint: 100, failures: 0 }), storeAt(100))).toMatchObject({
      up: false,
      details: { behind: 0, message: 'the projector is not running' },
    });
  });
});
