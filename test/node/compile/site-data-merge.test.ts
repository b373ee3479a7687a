/** `site.data` read as Jekyll's Psych reads it: YAML 1.1 merge keys fill a map from an anchored one. */
import { describe, expect, it } from "vitest";
import { liquidDataOf } from "../../../src/compile/liquid-scope.ts";

// minimal-mistakes' _data/ui-text.yml shape: every English locale is the default English labels.
const UI_TEXT =
  'en: &DEFAULT_EN\n  share_on_label: "Share on"\n  related_label: "You May Also Enjoy"\nen-US:\n  <<: *DEFAULT_EN\nen-GB:\n  <<: *DEFAULT_EN\n  related_label: "You might also like"\n';

describe("merge keys in _data", () => {
  it("gives site.data a locale whose labels come from the anchored map, its own keys winning", () => {
    const data = liquidDataOf([{ path: "_data/ui-text.yml", text: UI_TEXT }]) as Record<string, Record<string, unknown>>;
    expect(data["ui-text"]?.["en-US"]).toEqual({ share_on_label: "Share on", related_label: "You May Also Enjoy" });
    expect(data["ui-text"]?.["en-GB"]).toEqual({ share_on_label: "Share on", related_label: "You might also like" });
  });
});
