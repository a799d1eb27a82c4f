import { positionsOf, type ComponentPositions } from './component-positions.js';

/**
 * A set of component names kept as a byte per scenario component (a name
 * outside them goes to a plain Set): what a checker remembers of "every
 * component that started in this boot" costs a megabyte at 10^6 components,
 * not a Set of a million strings.
 */
export class NameSet {
  private readonly positions: ComponentPositions;
  private readonly flags: Uint8Array;
  private readonly others = new Set<string>();
  private count = 0;

  constructor(components: readonly { readonly name: string }[] = []) {
    this.positions = positionsOf(components);
    this.flags = new Uint8Array(components.length);
  }

  add(name: string): void {
    const at = this.positions.of(name);
    if (at < 0) this.others.add(name);
    else if (this.flags[at] === 0) {
      this.flags[at] = 1;
      this.count++;
    }
  }

  has(name: string): boolean {
    const at = this.positions.of(name);
    return at < 0 ? this.others.has(name) : this.flags[at] === 1;
  }

  clear(): void {
    if (this.count > 0) this.flags.fill(0);
    this.count = 0;
    this.others.clear();
  }

  get size(): number {
    return this.count + this.others.size;
  }
}
