/** The last `capacity` step values of one signal, in a Float64Array ring that grows as it fills. */
export class StepHistory {
  private data = new Float64Array(0);
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length && this.size < this.capacity) this.grow();
    if (this.size === this.capacity) {
      this.data[this.start] = value;
      this.start = (this.start + 1) % this.capacity;
      return;
    }
    this.data[(this.start + this.size) % this.data.length] = value;
    this.size++;
  }

  /** Oldest first. */
  values(): number[] {
    const out = new Array<number>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.data[(this.start + i) % this.data.length];
    return out;
  }

  clear(): void {
    this.data = new Float64Array(0);
    this.start = 0;
    this.size = 0;
  }

  /** Bytes of the backing array. */
  get bytes(): number {
    return this.data.byteLength;
  }

  private grow(): void {
    const grown = new Float64Array(Math.min(this.capacity, Math.max(16, this.data.length * 2)));
    for (let i = 0; i < this.size; i++) grown[i] = this.data[(this.start + i) % this.data.length];
    this.data = grown;
    this.start = 0;
  }
}
