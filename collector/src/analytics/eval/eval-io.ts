/** Where an evaluation command writes: the report to `out`, problems to `err`. */
export interface EvalIo {
  out(text: string): void;
  err(text: string): void;
}
