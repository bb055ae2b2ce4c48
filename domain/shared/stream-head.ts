/** The last event of a stream as the store holds it: what an append must find unchanged to succeed. */
export interface StreamHead {
  readonly version: number;
  readonly hash: string;
}
