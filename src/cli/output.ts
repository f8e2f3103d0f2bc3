// Writing to stdout, in order, fast, and waiting for a slow reader.
import type { CliStdout } from './io';
import { OUTPUT_PIECE_BYTES } from '../limits';

/**
 * Output that is not a terminal is gathered into pieces of up to
 * OUTPUT_PIECE_BYTES. What is gathered goes out before the process waits for
 * more input (setImmediate) and before any note on stderr (flush()), so no
 * line waits for more input and `2>&1` keeps the order.
 *
 * Lines are encoded as UTF-8 straight into the piece, which is handed to
 * stdout whole and then replaced (stdout may hold it until the pipe takes it):
 * no buffer per line, no copy to join them. Most lines are ASCII and encode
 * quickly alone, where the whole piece as one string would become two-byte as
 * soon as one line holds a non-Latin-1 character ("→"). Every write ends a
 * line, so no character is split between two pieces.
 */
export class Output {
  private piece: Buffer | null = null;
  private used = 0;
  private flushQueued = false;

  constructor(private readonly stdout: CliStdout) {}

  /**
   * Writes to stdout, waiting when the reader is slower than we are (a pipe to
   * a slow consumer). Not async: a line that needs no waiting costs no promise
   * (a batch writes thousands).
   */
  write(text: string): Promise<void> | undefined {
    if (text === '') return undefined;
    if (this.stdout.kind() === 'terminal') {
      if (this.flush() && this.stdout.stream().write(text)) return undefined;
      return this.drained();
    }
    // A UTF-16 unit takes at most three bytes in UTF-8.
    if (this.used > 0 && this.used + text.length * 3 > OUTPUT_PIECE_BYTES && !this.flush()) {
      // The reader is behind: hand this text over as well, then wait.
      this.stdout.stream().write(text);
      return this.drained();
    }
    if (text.length * 3 > OUTPUT_PIECE_BYTES) {
      // Larger than a piece (a --json document): written as it is.
      return this.writeOut(Buffer.from(text, 'utf8')) ? undefined : this.drained();
    }
    this.piece ??= Buffer.allocUnsafe(OUTPUT_PIECE_BYTES);
    this.used += this.piece.write(text, this.used, 'utf8');
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => this.flush());
    }
    return undefined;
  }

  /** Writes what is gathered; false when stdout asks to wait for 'drain'. */
  flush(): boolean {
    this.flushQueued = false;
    if (this.piece === null || this.used === 0) return true;
    const out = this.piece.subarray(0, this.used);
    this.piece = null;
    this.used = 0;
    return this.writeOut(out);
  }

  private drained(): Promise<void> {
    return new Promise<void>((resolve) => this.stdout.stream().once('drain', resolve));
  }

  /**
   * Bytes to stdout: to a file or the null device all at once (what Node's own
   * stream for a file does, without loading Node's stream modules: ~2 ms of a
   * raw string's run); to anything else through the stream.
   */
  private writeOut(bytes: Buffer): boolean {
    if (this.stdout.kind() !== 'file') return this.stdout.stream().write(bytes);
    this.stdout.writeAll(bytes);
    return true;
  }
}
