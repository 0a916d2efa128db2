"""Read public and admin pages through Django's HTML parser (django.test.html), as a
browser would see them, instead of searching the markup for substrings."""

from django.test.html import Element, parse_html


def page(response):
    assert response.status_code == 200, response.content.decode()[:2000]
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
