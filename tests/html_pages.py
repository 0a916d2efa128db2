"""Read public and admin pages through Django's HTML parser (django.test.html), as a
browser would see them, instead of searching the markup for substrings."""

from django.test.html import Element, parse_html


def page(response, status=200):
    assert response.status_code == status, response.content.decode()[:2000]
    return parse_html(response.content.decode())


def matches(node, tag, attrs):
    have = dict(node.attributes)
    classes = (have.get("class") or "").split()
    return node.name == tag and all(
        value in classes if name == "class" else have.get(name) == value
        for name, value in attrs.items()
    )


def elements(node, tag, **attrs):
    """Every <tag> under `node` whose attributes include `attrs` (class_ names one of its
    classes)."""
    attrs = {name.rstrip("_"): value for name, value in attrs.items()}
    found = []
    for child in node.children:
        if isinstance(child, Element):
            if matches(child, tag, attrs):
                found.append(child)
            found.extend(elements(child, tag, **attrs))
    return found


def element(node, tag, **attrs):
    (found,) = elements(node, tag, **attrs)
    return found


def text(node):
    if isinstance(node, str):
        return node
    return " ".join("".join(text(child) for child in node.children).split())


def texts(node, tag, **attrs):
    """The text of every <tag> under `node` matching `attrs`, in page order."""
    return [text(found) for found in elements(node, tag, **attrs)]


def hrefs(node):
    """The target of every link under `node`, in page order."""
    return [dict(link.attributes).get("href") for link in elements(node, "a")]


def by_id(node, id_):
    """The one element under `node` whose id is `id_`, whatever its tag."""
    (found,) = [child for child in _descendants(node) if dict(child.attributes).get("id") == id_]
    return found


def labelled(node, heading_id):
    """The one region (section, nav, aside…) under `node` that the heading `heading_id`
    names through aria-labelledby."""
    (found,) = [
        child
        for child in _descendants(node)
        if dict(child.attributes).get("aria-labelledby") == heading_id
    ]
    return found


def _descendants(node):
    for child in node.children:
        if isinstance(child, Element):
            yield child
            yield from _descendants(child)


def options(node, name):
    """The (value, label) of each choice that the <select name=…> under `node` offers."""
    return [
        (dict(option.attributes).get("value"), text(option))
        for option in elements(element(node, "select", name=name), "option")
    ]
