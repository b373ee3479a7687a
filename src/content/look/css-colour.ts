/**
 * Whether a `_config.yml` value is a CSS colour and nothing more: it is written into the built-in
 * theme's stylesheet, so anything else (`red;}body{display:none`) could restyle or hide the page.
 */

/** CSS Color Level 4's named colours (and `transparent`, `currentcolor`). */
const NAMED = new Set(
  (
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood " +
    "cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray " +
    "darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen " +
    "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue " +
    "firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew " +
    "hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan " +
    "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
    "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue " +
    "mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred " +
    "midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid " +
    "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple " +
    "rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue " +
    "slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white " +
    "whitesmoke yellow yellowgreen"
  ).split(" "),
);

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** `rgb(11 92 173)`, `rgba(11, 92, 173, .8)`, `hsl(210deg 88% 36% / 50%)`: numbers, units, commas, a slash. */
const FUNCTION = /^(?:rgba?|hsla?)\(\s*[-+]?[\d.]+(?:deg|turn|rad|%)?(?:\s*[,/]?\s*[-+]?[\d.]+%?){2,3}\s*\)$/i;

/** The colour as written (trimmed), or null when it is not one. */
export function cssColour(value: string): string | null {
  const text = value.trim();
  if (HEX.test(text) || FUNCTION.test(text)) return text;
  return NAMED.has(text.toLowerCase()) ? text.toLowerCase() : null;
}
