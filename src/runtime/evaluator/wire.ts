/**
 * A minimal reader of the protobuf wire format (https://protobuf.dev/programming-guides/encoding/),
 * enough to decode the ONNX messages the evaluator needs. It never trusts a length: every read is
 * bounds-checked and a malformed message throws WireError.
 */

/** Bytes that are not a well-formed protobuf message. */
export class WireError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one message's fields in order; `field()` returns the next tag or undefined at the end. */
export class WireReader {
  private pos: number;
  private readonly view: DataView;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** The next field as [number, wire type], or undefined when the message is done. */
  field(): [number, number] | undefined {
    if (this.pos >= this.end) return undefined;
    const tag = this.varint();
    const no = Math.floor(tag / 8);
    if (no < 1) throw new WireError('field number 0');
    return [no, tag % 8];
  }

  /**
   * An unsigned varint as a number, or a negative int64 (10-byte two's complement) as a negative number.
   * Values beyond ±2^53 cannot be represented exactly and throw.
   */
  varint(): number {
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      if (i >= 10 || this.pos >= this.end) throw new WireError('truncated or overlong varint');
      const b = this.buf[this.pos++];
      const bits = b & 0x7f;
      if (shift < 28) lo |= bits << shift;
      else if (shift === 28) {
        lo |= (bits & 0x0f) << 28;
        hi |= bits >> 4;
      } else hi |= bits << (shift - 32);
      shift += 7;
      if (!(b & 0x80)) break;
    }
    // Two's complement: a set top bit is a negative int64 (hi as a signed 32-bit number).
    const signed = hi * 2 ** 32 + (lo >>> 0);
    if (!Number.isSafeInteger(signed)) throw new WireError('integer beyond 2^53');
    return signed;
  }

  /** A length-delimited field's extent, [start, end). */
  private span(): [number, number] {
    const len = this.varint();
    if (len < 0 || this.pos + len > this.end) throw new WireError('length beyond the message');
    const start = this.pos;
    this.pos += len;
    return [start, this.pos];
  }

  bytes(): Uint8Array {
    const [s, e] = this.span();
    return this.buf.subarray(s, e);
  }

  string(): string {
    try {
      return utf8.decode(this.bytes());
    } catch {
      throw new WireError('string is not UTF-8');
    }
  }

  /** A nested message, read by its own reader. */
  message(): WireReader {
    const [s, e] = this.span();
    return new WireReader(this.buf, s, e);
  }

  fixed32Float(): number {
    if (this.pos + 4 > this.end) throw new WireError('truncated fixed32');
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  fixed64Double(): number {
    if (this.pos + 8 > this.end) throw new WireError('truncated fixed64');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** A repeated scalar field, packed (wire type 2) or not: appends to `into`. */
  repeated(wire: number, read: (r: WireReader) => number, into: number[], scalarWire: number): void {
    if (wire !== 2) {
      if (wire !== scalarWire) throw new WireError(`wire type ${wire} for a repeated scalar`);
      into.push(read(this));
      return;
    }
    const inner = this.message();
    while (!inner.done()) into.push(read(inner));
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /** Skips a field this reader does not look into. Groups (wire types 3, 4) are refused. */
  skip(wire: number): void {
    if (wire === 0) this.varintSkip();
    else if (wire === 1) this.advance(8);
    else if (wire === 2) this.span();
    else if (wire === 5) this.advance(4);
    else throw new WireError(`unsupported wire type ${wire}`);
  }

  private varintSkip(): void {
    for (let i = 0; ; i++) {
      if (i >= 10 || this.pos >= this.end) throw new WireError('truncated or overlong varint');
      if (!(this.buf[this.pos++] & 0x80)) return;
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new WireError('truncated field');
    this.pos += n;
  }
}
