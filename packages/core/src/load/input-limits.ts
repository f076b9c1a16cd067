// The limits that keep a load bounded whatever its input: bytes per file after decompression (a
// small .gz may expand a thousandfold), characters per line, records per load.

/** Limits of one load; every value is a whole number ≥ 1. */
export interface InputLimits {
  /** Bytes of one file once decompressed. Default 16 GiB. */
  maxBytes: number;
  /** Characters of one line (text formats; one token for GML). Default 8 Mi. */
  maxLineLength: number;
  /** Records (accounts, follows, posts, interactions) of the whole load. Default 100 million. */
  maxRecords: number;
}

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxBytes: 16 * 1024 ** 3,
  maxLineLength: 8 * 1024 ** 2,
  maxRecords: 100_000_000,
});
