"""Phone checks: no sideways scrolling; tap targets at least 24 × 24 CSS px, not overlapping.

Target size follows WCAG 2.2 success criterion 2.5.8 (Target Size, Minimum).
"""

MIN_TARGET = 24

# WCAG 1.4.12 (Text Spacing): the spacing a reader may impose with their own style sheet. Content
# must survive it: nothing cut off, nothing pushed sideways.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Returns the targets that are too small, and the pairs of targets that overlap, as readable
# strings. A target is measured by its boxes (getClientRects): a link that wraps is one box per
# line, and one line of it must hold the 24 × 24 square, not the rectangle around all its lines.
# Two targets whose boxes overlap share pixels, which makes both smaller than they look.
#
# WCAG 2.5.8 exempts an "inline" target: one in a sentence, whose size is set by the line height
# of the text around it (forcing 24 px there would break the line spacing of running text). A link
# counts as inline here only when all three hold:
#   - it is laid out inline (display: inline), so the text line really decides its height;
#   - its nearest block-level ancestor holds words that belong to no target: the link sits in a
#     sentence, not in a list of links separated by punctuation such as "A · B · C";
#   - it is a link: buttons, inputs and selects are never part of a sentence.
# The criterion's other exception (undersized targets spaced 24 px apart) is deliberately not
# used: on a phone a target that is big enough is better than one that is merely far enough.
# Hidden elements and the skip link, which sits off screen until it gets focus, are not targets.
TARGETS = """minimum => {
    const targets = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const blockOf = element => {
        let node = element.parentElement;
        while (node && getComputedStyle(node).display.startsWith("inline")) {
            node = node.parentElement;
        }
        return node;
    };
    const wordsOutsideTargets = block => {
        const copy = block.cloneNode(true);
        copy.querySelectorAll(targets).forEach(target => target.remove());
        return /\\p{L}{2,}/u.test(copy.textContent);
    };
    const isInline = element => element.matches("a[href]")
        && getComputedStyle(element).display === "inline"
        && wordsOutsideTargets(blockOf(element));
    const describe = element => element.outerHTML.slice(0, 120);
    const rendered = [...document.querySelectorAll(targets)].filter(element => {
        const box = element.getBoundingClientRect();
        // checkVisibility(): the controls of a folded <details> are laid out but not shown.
        return box.width > 0 && box.height > 0 && box.bottom + window.scrollY > 0
            && getComputedStyle(element).visibility !== "hidden" && element.checkVisibility();
    });
    const small = [];
    for (const element of rendered) {
        const boxes = [...element.getClientRects()];
        if (boxes.some(box => box.width >= minimum && box.height >= minimum)) continue;
        if (isInline(element)) continue;
        const sizes = boxes.map(box => `${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
        small.push(`${describe(element)}: ${sizes.join(", ")} px`);
    }
    const overlapping = [];
    const boxes = rendered.flatMap(element =>
        [...element.getClientRects()].map(box => ({element, box})));
    for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
            if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
            const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            if (width > 1 && height > 1) {
                overlapping.push(`${describe(a.element)} and ${describe(b.element)} share `
                    + `${width.toFixed(1)} × ${height.toFixed(1)} px`);
            }
        }
    }
    return {small, overlapping};
}"""

OVERFLOW = """() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    // Name the culprits: the elements whose right edge passes the viewport.
    return [...document.querySelectorAll("body *")]
        .filter(element => element.getBoundingClientRect().right > root.clientWidth + 0.5)
        .slice(0, 10)
        .map(element => `${element.outerHTML.slice(0, 120)} (right edge at `
            + `${element.getBoundingClientRect().right.toFixed(0)} px)`)
        .concat([`page is ${root.scrollWidth} px wide for a ${root.clientWidth} px screen`]);
}"""


def phone_problems(page):
    """Readable lines for what is wrong at the page's current width; empty when all is well."""
    problems = [f"scrolls sideways: {line}" for line in page.evaluate(OVERFLOW)]
    targets = page.evaluate(TARGETS, MIN_TARGET)
    problems += [
        f"target under {MIN_TARGET} × {MIN_TARGET} px: {line}" for line in targets["small"]
    ]
    problems += [f"targets overlap: {line}" for line in targets["overlapping"]]
    return problems
