import { describe, expect, it } from "vitest";
import { ZoomApiFailure } from "./api-failure.js";
import { IdSource } from "./id-source.js";
import { MAX_PAGE_SIZE, PAGE_TOKEN_LIFETIME_MS, PageTokens } from "./pagination.js";
import { countingRandom, manualClock } from "./test-support.js";

const items = Array.from({ length: 7 }, (_, index) => index);

describe("PageTokens", () => {
  it("walks a list page by page and ends with an empty next_page_token", () => {
    const pages = new PageTokens(new IdSource(countingRandom()), manualClock().now);
    const seen: number[] = [];
    let token: string | undefined;
    let rounds = 0;
    do {
      const page = pages.page("list", items, { pageSize: 3, nextPageToken: token });
      expect(page.total_records).toBe(7);
      expect(page.page_size).toBe(3);
      seen.push(...page.items);
      token = page.next_page_token;
      rounds += 1;
    } while (token !== "");
    expect(seen).toEqual(items);
    expect(rounds).toBe(3);
  });

  it("defaults page_size to 30 and caps it at 300", () => {
    const pages = new PageTokens(new IdSource(countingRandom()), manualClock().now);
    expect(pages.page("list", items, {}).page_size).toBe(30);
    expect(pages.page("list", items, { pageSize: 5000 }).page_size).toBe(MAX_PAGE_SIZE);
  });

  it("refuses a token from another list, an unknown token and an expired one with code 300", () => {
    const clock = manualClock();
    const pages = new PageTokens(new IdSource(countingRandom()), clock.now);
    const token = pages.page("a", items, { pageSize: 2 }).next_page_token;
    expect(() => pages.page("b", items, { nextPageToken: token })).toThrow(ZoomApiFailure);
    expect(() => pages.page("a", items, { nextPageToken: "made-up" })).toThrow(/next_page_token/);
    clock.advance(PAGE_TOKEN_LIFETIME_MS);
    try {
      pages.page("a", items, { nextPageToken: token });
      expect.fail("an expired token must be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(ZoomApiFailure);
      expect((error as ZoomApiFailure).toBody()).toMatchObject({ code: 300, errors: [{ field: "next_page_token" }] });
    }
  });
});
