"""Keyboard-only helpers: where the focus is, whether a sighted keyboard user can see it, and Tab until it lands."""

FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute("name") || "",
          value: e.getAttribute("value") || "", type: e.getAttribute("type") || "",
          text: (e.innerText || e.value || "").trim(), href: e.getAttribute("href") || "",
          focusVisible: e.matches(":focus-visible"),
          outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
          shadow: style.boxShadow !== "none" && !/^rgba\\(0, 0, 0, 0\\) 0px 0px 0px 0px$/.test(style.boxShadow),
          width: box.width, height: box.height};
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def describe(element: dict) -> str:
    return f"{element['tag']}#{element['id']}[{element['name']}={element['value']}] {element['text'][:30]!r}"


def assert_focus_visible(page) -> dict:
    """The focused element shows a focus indicator (an outline or a ring) and takes up space on the page."""
    element = focused(page)
    assert element["tag"] != "body", "the focus was lost (it is on the page itself)"
    assert element["focusVisible"], f"{describe(element)} has focus but not :focus-visible"
    assert element["outline"] >= 1 or element["shadow"], f"{describe(element)} has focus but no visible indicator"
    assert element["width"] > 0 and element["height"] > 0, f"{describe(element)} has focus but no size"
    return element


def tab_to(page, what, key="Tab", limit=80, **wanted):
    """Press Tab (or Shift+Tab) until the focused element has all `wanted` properties; each stop shows its focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        element = focused(page)
        if all(element.get(k) == v for k, v in wanted.items()):
            assert_focus_visible(page)
            return element
        seen.append(describe(element))
    raise AssertionError(f"{what} not reached with {key}; focus went through: {seen}")


def press_and_wait(page, key="Enter"):
    """Press a key that submits a form or follows a link, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)
