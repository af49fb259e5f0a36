/** ListUserPools pagination tokens: issued for one region, refused anywhere else. */
import assert from "node:assert/strict";
import { CognitoServiceError } from "../../../testing/emulator/errors";
import { decodeNextToken, encodeNextToken } from "../../../testing/emulator/pagination";

const REGION = "eu-west-1";

const notIssued = (token: string) =>
  `The NextToken ${token} was not issued by ListUserPools in ${REGION}: pass the NextToken of the previous page, or none for the first page.`;

const encoded = (content: unknown) => Buffer.from(JSON.stringify(content)).toString("base64url");

describe("Cognito emulator ListUserPools pagination tokens", () => {
  for (const sequence of [0, 1, 60]) {
    it(`reads back the creation position ${sequence} from a token issued in the region`, () => {
      assert.equal(decodeNextToken(encodeNextToken(REGION, sequence), REGION), sequence);
    });
  }

  const refusedTokens: { title: string; token: string }[] = [
    { title: "a token issued in another region", token: encodeNextToken("eu-central-1", 1) },
    { title: "text that is not base64url JSON", token: "garbage" },
    { title: "JSON that is not a token", token: encoded(["eu-west-1", 1]) },
    { title: "a negative position", token: encoded({ region: REGION, sequence: -1 }) },
    { title: "a fractional position", token: encoded({ region: REGION, sequence: 1.5 }) },
    { title: "no position", token: encoded({ region: REGION }) },
  ];
  for (const { title, token } of refusedTokens) {
    it(`refuses ${title} with InvalidParameterException saying what to pass`, () => {
      assert.throws(
        () => decodeNextToken(token, REGION),
        (error: unknown) =>
          error instanceof CognitoServiceError &&
          error.errorType === "InvalidParameterException" &&
          error.httpStatus === 400 &&
          error.message === notIssued(token),
      );
    });
  }
});
