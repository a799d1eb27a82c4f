import { closeSync, writeSync } from 'node:fs';
import { recordLine, traceHead, traceTail } from './serialize.js';
import type { TraceRecord } from './records.js';
import type { RunSummary, TraceFile } from './trace-file.js';

/** Bytes gathered before one write: large enough to keep syscalls rare, small enough to stay bounded. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a trace to a file while the run goes on, so a long run's trace
 * never has to fit in memory. Produces exactly the bytes `serializeTrace`
 * would for the same run. The caller opens the file (so a bad path is
 * reported before the run starts) and hands over its descriptor.
 */
export class TraceStreamWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private count = 0;

  constructor(private readonly fd: number) {}

  begin(head: Pick<TraceFile, 'format' | 'version' | 'seed' | 'scenario'>): void {
    this.push(traceHead(head));
  }

  readonly sink = (record: TraceRecord): void => {
    this.push(recordLine(record, this.count++ === 0));
  };

  end(summary: RunSummary): void {
    this.push(traceTail(summary));
    this.flush();
    closeSync(this.fd);
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= CHUNK_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
