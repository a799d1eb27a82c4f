import { positionsOf, type ComponentPositions } from './component-positions.js';
import { CODE_OF, STATES } from './replay.js';
import type { RecordOf } from '../trace/records.js';

/** What a kept state record still says: all of it but its instant. */
export type StateLink = Pick<RecordOf<'state'>, 'seq' | 'type' | 'component' | 'from' | 'to' | 'cause'>;

/** No seq: an empty place (seqs are never negative); also "no cause". */
const NO_SEQ = -1;

/**
 * The last `perComponent` state records of each of the scenario's
 * components, kept as numbers by position (seq, cause, from and to): what
 * recovers-from-single-fault follows causes through, without the records.
 *
 * State records are most of a large run's records (a boot writes two per
 * component). Kept as objects in a RecentBySlot, the last two of each
 * component were some 240 MB at 10^6 components (the records themselves, 80
 * bytes each, and a table from seq to record that grew to 4 million places),
 * and each record lived long enough to be copied out of the young
 * generation. Here a component costs 18 bytes per record kept, and nothing
 * is allocated per record.
 *
 * Found by seq only when a chain is followed (a violation's message, at the
 * end of the run): the index from seq to place is built then, and dropped
 * when a record is filed.
 */
export class RecentStates {
  private readonly positions: ComponentPositions;
  private readonly seqs: Float64Array;
  private readonly causes: Float64Array;
  /** from * 8 + to, by CODE_OF. */
  private readonly codes: Uint8Array;
  /** Where each component's ring writes next (only when more than one is kept). */
  private readonly next: Uint8Array | undefined;
  private kept = 0;
  private bySeq: Map<number, number> | undefined;

  constructor(private readonly perComponent: number, components: readonly { readonly name: string }[] = []) {
    if (perComponent < 1 || perComponent > 255) throw new Error(`RecentStates keeps 1 to 255 records per component, got ${perComponent}`);
    this.positions = positionsOf(components);
    const places = components.length * perComponent;
    this.seqs = new Float64Array(places).fill(NO_SEQ);
    this.causes = new Float64Array(places);
    this.codes = new Uint8Array(places);
    this.next = perComponent > 1 ? new Uint8Array(components.length) : undefined;
  }

  /** Files `r` as its component's latest, forgetting the oldest beyond `perComponent`; false (nothing filed) for a component outside the list. */
  remember(r: RecordOf<'state'>): boolean {
    const at = this.positions.of(r.component);
    if (at < 0) return false;
    let place = at * this.perComponent;
    if (this.next !== undefined) {
      const n = this.next[at]!;
      place += n;
      this.next[at] = n + 1 === this.perComponent ? 0 : n + 1;
    }
    if (this.seqs[place] === NO_SEQ) this.kept++;
    this.seqs[place] = r.seq;
    this.causes[place] = r.cause ?? NO_SEQ;
    this.codes[place] = CODE_OF.get(r.from)! * 8 + CODE_OF.get(r.to)!;
    this.bySeq = undefined;
    return true;
  }

  /** The state record `seq`, if it is among the last kept of its component. */
  get(seq: number | undefined): StateLink | undefined {
    if (seq === undefined) return undefined;
    if (this.bySeq === undefined) {
      this.bySeq = new Map();
      for (let place = 0; place < this.seqs.length; place++) if (this.seqs[place] !== NO_SEQ) this.bySeq.set(this.seqs[place]!, place);
    }
    const place = this.bySeq.get(seq);
    if (place === undefined) return undefined;
    const code = this.codes[place]!;
    const cause = this.causes[place]!;
    const link: StateLink = { seq, type: 'state', component: this.positions.nameAt(Math.floor(place / this.perComponent)), from: STATES[code >> 3]!, to: STATES[code & 7]! };
    if (cause !== NO_SEQ) link.cause = cause;
    return link;
  }

  /** Records kept. */
  get size(): number {
    return this.kept;
  }
}
