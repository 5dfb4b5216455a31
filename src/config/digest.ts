/**
 * The SHA-256 of a file's bytes, for `checkSourceDigest`. Kept apart from the pure resolver: the caller reads
 * the file and hashes it here, at the edge.
 */
import { createHash } from 'node:crypto';

/**
 * Lower-case hex SHA-256, as `sha256sum` prints it.
 * @example sha256Hex(new TextEncoder().encode('abc')) // 'ba7816bf…'
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
