import { AwsCallError } from "../errors";
import type { AwsCallContext, AwsFailureDetails } from "../errors";

/**
 * The pages of an SDK paginator, with any failure of a page request turned into an
 * `AwsCallError` for `context`, described by `describe`: one place for what every listing
 * adapter does around the SDK's paginators. Failures of the caller's own work on a page
 * are not caught here.
 */
export async function* pagesOrFail<Page>(
  pages: AsyncIterable<Page>,
  context: AwsCallContext,
  describe: (error: unknown) => AwsFailureDetails,
): AsyncGenerator<Page> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    let page: IteratorResult<Page>;
    try {
      page = await iterator.next();
    } catch (error) {
      throw new AwsCallError(context, describe(error), { cause: error });
    }
    if (page.done) {
      return;
    }
    yield page.value;
  }
}
