import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("Webinars", () => {
  it("creates, reads, lists, patches and deletes a webinar", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, { topic: "Launch", start_time: "2026-12-02T15:00:00Z" });
    expect(webinar).toMatchObject({ type: 5, host_id: ada.id, topic: "Launch", start_time: "2026-12-02T15:00:00Z", duration: 60 });
    expect(webinar.join_url).toBe(`https://zoom.us/w/${webinar.id}`);
    expect(model.webinars.list(ada.id, "upcoming", {}).webinars.map((w) => w.id)).toEqual([webinar.id]);
    model.webinars.update(webinar, { topic: "Launch v2", settings: { practice_session: true } });
    expect(model.webinars.view(model.webinars.get(webinar.id))).toMatchObject({ topic: "Launch v2", settings: { practice_session: true, host_video: true } });
    model.deleteWebinar(webinar);
    expect(() => model.webinars.get(webinar.id)).toThrow(expect.objectContaining({ status: 404, code: 3001 }));
  });
});
