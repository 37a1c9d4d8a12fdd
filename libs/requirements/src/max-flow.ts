/**
 * Dinic's max-flow on small integer networks. Edge order is insertion order,
 * so the flow (and any assignment read from it) is deterministic.
 */
export class FlowNetwork {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private level: Int32Array;
  private iter: Int32Array;

  constructor(readonly size: number) {
    this.head = new Array<number>(size).fill(-1);
    this.level = new Int32Array(size);
    this.iter = new Int32Array(size);
  }

  /** Adds an edge and returns its id (the reverse edge is id ^ 1). */
  addEdge(from: number, to: number, capacity: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = id;
    this.head[to] = id + 1;
    return id;
  }

  /** Flow currently on edge `id`. */
  flowOn(id: number): number {
    return this.cap[id + 1];
  }

  maxFlow(source: number, sink: number, limit = Number.MAX_SAFE_INTEGER): number {
    let total = 0;
    while (total < limit && this.bfs(source, sink)) {
      this.iter.set(this.headArray());
      let f: number;
      while (total < limit && (f = this.dfs(source, sink, limit - total)) > 0) total += f;
    }
    return total;
  }

  private headArray(): Int32Array {
    return Int32Array.from(this.head);
  }

  private bfs(source: number, sink: number): boolean {
    this.level.fill(-1);
    const queue = [source];
    this.level[source] = 0;
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi];
      for (let e = this.head[v]; e !== -1; e = this.next[e]) {
        const w = this.to[e];
        if (this.cap[e] > 0 && this.level[w] < 0) {
          this.level[w] = this.level[v] + 1;
          queue.push(w);
        }
      }
    }
    return this.level[sink] >= 0;
  }

  private dfs(v: number, sink: number, pushed: number): number {
    if (v === sink) return pushed;
    for (; this.iter[v] !== -1; this.iter[v] = this.next[this.iter[v]]) {
      const e = this.iter[v];
      const w = this.to[e];
      if (this.cap[e] <= 0 || this.level[w] !== this.level[v] + 1) continue;
      const d = this.dfs(w, sink, Math.min(pushed, this.cap[e]));
      if (d > 0) {
        this.cap[e] -= d;
        this.cap[e ^ 1] += d;
        return d;
      }
    }
    return 0;
  }
}
