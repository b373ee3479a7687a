/** Names of elements a browser knows (HTML, plus what may appear inside inline SVG and MathML). */
const HTML = `a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col
colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5
h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript
object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small
source span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video
wbr center font big strike tt acronym marquee nobr u`;
const SVG = `svg g path rect circle ellipse line polyline polygon text tspan textpath defs use symbol marker pattern clippath
mask lineargradient radialgradient stop filter image foreignobject desc title switch animate animatetransform set style
fegaussianblur feoffset feblend fecolormatrix femerge femergenode feflood fecomposite`;
const MATHML = `math mi mn mo ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover munderover mtable mtr mtd mspace
mstyle semantics annotation`;

export const KNOWN_ELEMENTS: ReadonlySet<string> = new Set(`${HTML} ${SVG} ${MATHML}`.split(/\s+/).filter(Boolean));
