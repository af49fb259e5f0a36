/**
 * The pages of an SDK paginator, with any failure of a page request turned into our error
 * by `failure`: one place for what every listing adapter does around the SDK's paginators.
 * Failures of the caller's own work on a page are not caught here.
 */
export async function* pagesOrFail<Page>(
  pages: AsyncIterable<Page>,
  failure: (error: unknown) => Error,
): AsyncGenerator<Page> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    let page: IteratorResult<Page>;
    try {
      page = await iterator.next();
    } catch (error) {
      throw failure(error);
    }
    if (page.done) {
      return;
    }
    yield page.value;
  }
}
