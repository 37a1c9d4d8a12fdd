import { Offsets } from 'kafkajs';
import { OffsetCommitter } from '@app/messaging';

describe('OffsetCommitter: one commit request at a time, the offsets marked meanwhile together', () => {
  it('sends the offsets marked in one turn together, and those marked while a request is under way in the next, the latest per partition', async () => {
    const requests: Offsets[] = [];
    let answer: () => void = () => undefined;
    const request = (offsets: Offsets): Promise<void> => {
      requests.push(offsets);
      return new Promise<void>((resolve) => (answer = resolve));
    };
    const committer = new OffsetCommitter(() => undefined);
    committer.mark('a', 0, '5', request);
    committer.mark('b', 1, '3', request);
    await new Promise((resolve) => setImmediate(resolve));
    committer.mark('a', 0, '7', request);
    committer.mark('a', 0, '9', request);
    expect(requests).toEqual([{ topics: [{ topic: 'a', partitions: [{ partition: 0, offset: '5' }] }, { topic: 'b', partitions: [{ partition: 1, offset: '3' }] }] }]);
    answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(requests[1]).toEqual({ topics: [{ topic: 'a', partitions: [{ partition: 0, offset: '9' }] }] });
    answer();
    await committer.idle();
    expect(requests).toHaveLength(2);
  });

  it('reports a failed request and sends its offsets again with the next one, unless a later offset of the partition replaced them', async () => {
    const failures: unknown[] = [];
    const requests: Offsets[] = [];
    let fail = true;
    const request = async (offsets: Offsets): Promise<void> => {
      requests.push(offsets);
      if (fail) throw new Error('coordinator moved');
    };
    const committer = new OffsetCommitter((e) => failures.push(e));
    committer.mark('a', 0, '5', request);
    committer.mark('a', 1, '2', request);
    await committer.idle();
    expect(failures).toHaveLength(1);
    fail = false;
    committer.mark('a', 0, '6', request);
    await committer.idle();
    expect(requests[1]).toEqual({ topics: [{ topic: 'a', partitions: [{ partition: 0, offset: '6' }, { partition: 1, offset: '2' }] }] });
  });

  it('drop forgets the offsets not yet sent', async () => {
    const requests: Offsets[] = [];
    const committer = new OffsetCommitter(() => undefined);
    committer.mark('a', 0, '5', async (offsets) => void requests.push(offsets));
    committer.drop();
    await committer.idle();
    expect(requests).toEqual([]);
  });
});
