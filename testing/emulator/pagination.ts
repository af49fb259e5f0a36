/**
 * ListUserPools pagination tokens. A token carries the region it was issued in and the
 * creation position of the next pool, so paging stays stable when pools are created or
 * deleted between pages, and a token is refused anywhere else.
 */
import { invalidParameter } from "./errors";

interface TokenContent {
  region: string;
  sequence: number;
}

export function encodeNextToken(region: string, sequence: number): string {
  const content: TokenContent = { region, sequence };
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

/** The creation position a token points at; `InvalidParameterException` for any other token. */
export function decodeNextToken(token: string, region: string): number {
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    // Not JSON inside: a token this emulator never issued, reported below like any other.
    content = undefined;
  }
  const { region: tokenRegion, sequence } = (content ?? {}) as Partial<TokenContent>;
  if (tokenRegion !== region || !Number.isInteger(sequence) || (sequence as number) < 0) {
    throw invalidParameter(
      `The NextToken ${token} was not issued by ListUserPools in ${region}: pass the NextToken of the previous page, or none for the first page.`,
    );
  }
  return sequence as number;
}
