import { describe, expect, it } from "vitest";
import { matchShortcode, parseAttributes, type ShortcodeSyntax } from "../../../src/markdown/shortcodes/parse.ts";

const SYNTAX: ShortcodeSyntax = new Map([
  ["caption", "required"],
  ["youtube", "never"],
  ["video", "optional"],
]);

describe("parseAttributes", () => {
  it("reads double, single, bare and positional values as WordPress does", () => {
    expect(parseAttributes(` id="attachment_9" align='alignleft' width=300 https://x.test/v "quoted arg"`)).toEqual({
      attrs: { id: "attachment_9", align: "alignleft", width: "300" },
      args: ["https://x.test/v", "quoted arg"],
    });
  });

  it("reads curly quotes left by wptexturize and the [youtube=URL] form", () => {
    expect(parseAttributes(" caption=\u201cA cat\u201d").attrs).toEqual({ caption: "A cat" });
    expect(parseAttributes("=http://www.youtube.com/watch?v=abc&w=640").args).toEqual(["http://www.youtube.com/watch?v=abc&w=640"]);
  });
});

describe("matchShortcode", () => {
  it("finds content up to the closing tag, across blank lines", () => {
    const sc = matchShortcode('[caption width="30"]a\n\nb[/caption] after', SYNTAX);
    expect(sc?.content).toBe("a\n\nb");
    expect(sc?.length).toBe('[caption width="30"]a\n\nb[/caption]'.length);
  });

  it("reads the backslash-escaped form Markdown converters write", () => {
    const sc = matchShortcode('\\[caption id="attachment\\_464"\\]x\\[/caption\\]', SYNTAX);
    expect(sc?.attrs.id).toBe("attachment_464");
    expect(sc?.content).toBe("x");
  });

  it("leaves unknown names, unclosed required tags and tags that span a blank line alone", () => {
    expect(matchShortcode("[contact-form id=1]", SYNTAX)).toBeNull();
    expect(matchShortcode("[caption]never closed", SYNTAX)).toBeNull();
    expect(matchShortcode("[youtube\n\nhttps://x]", SYNTAX)).toBeNull();
    expect(matchShortcode("[captions]", SYNTAX)).toBeNull();
  });

  it("treats an optional closing tag as optional", () => {
    expect(matchShortcode('[video src="a.mp4"] text', SYNTAX)).toMatchObject({ content: null, length: 19 });
    expect(matchShortcode('[video src="a.mp4"][/video]', SYNTAX)).toMatchObject({ content: "", length: 27 });
  });
});
