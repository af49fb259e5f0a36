/** The local Cognito emulator over the wire, through the real AWS SDK: ListUserPools. */
import assert from "node:assert/strict";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import type { CognitoEmulator } from "../../../testing/emulator/server";
import { emulatorClient } from "../../../testing/emulatorClient";
import { unchecked, createPool, assertRejected, validationError } from "./wireEmulator";

describe("Cognito emulator", () => {
  describe("ListUserPools", () => {
    let listing: CognitoEmulator;
    let listingClient: CognitoIdentityProviderClient;

    before(async () => {
      listing = await startCognitoEmulator();
      listingClient = emulatorClient(listing, "eu-west-1");
    });

    after(() => listing.close());

    it("pages through the region's pools in creation order, with no NextToken on the last page", async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        created.push(await createPool(listingClient));
      }
      await createPool(emulatorClient(listing, "eu-central-1"));
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let nextToken: string | undefined;
      do {
        const page = await listingClient.send(
          new ListUserPoolsCommand({ MaxResults: 2, NextToken: nextToken }),
        );
        pageSizes.push(page.UserPools?.length ?? 0);
        for (const pool of page.UserPools ?? []) {
          assert.equal(pool.Name, "pool PLUS");
          assert.ok(pool.CreationDate instanceof Date);
          seen.push(pool.Id ?? "");
        }
        nextToken = page.NextToken;
      } while (nextToken !== undefined);
      assert.deepEqual(pageSizes, [2, 2, 1]);
      assert.deepEqual(seen, created);
    });

    it("rejects a NextToken it did not issue, or issued in another region", async () => {
      const message = (token: string) =>
        `The NextToken ${token} was not issued by ListUserPools in eu-west-1: pass the NextToken of the previous page, or none for the first page.`;
      await assertRejected(
        listingClient.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: "garbage" })),
        "InvalidParameterException",
        message("garbage"),
      );
      const otherRegion = emulatorClient(listing, "eu-central-1");
      await createPool(otherRegion);
      const { NextToken } = await otherRegion.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      assert.ok(NextToken);
      await assertRejected(
        listingClient.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken })),
        "InvalidParameterException",
        message(NextToken),
      );
    });

    const invalidLimits: { title: string; maxResults: number | undefined; violation: string }[] = [
      {
        title: "a missing MaxResults",
        maxResults: undefined,
        violation:
          "Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
      },
      {
        title: "MaxResults 0",
        maxResults: 0,
        violation:
          "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      },
      {
        title: "MaxResults 61",
        maxResults: 61,
        violation:
          "Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
      },
    ];
    for (const { title, maxResults, violation } of invalidLimits) {
      it(`rejects ${title}`, () =>
        assertRejected(
          listingClient.send(new ListUserPoolsCommand(unchecked({ MaxResults: maxResults }))),
          "InvalidParameterException",
          validationError(violation),
        ));
    }
  });
});
