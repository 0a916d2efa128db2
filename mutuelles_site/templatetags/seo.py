"""What search engines and link previews read in a page's <head>.

{% load seo %}
{% reuse_block "title" %}     -> the text of the page's {% block title %}, for og:title
{% canonical_url %}           -> the page's one address, unknown parameters dropped
{% indexable as ok %}         -> False for search results, multi-filter lists and drafts
{% json_ld data %}            -> a schema.org JSON-LD block
"""

from html import unescape

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import strip_tags

from mutuelles_site import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def reuse_block(context, name):
    """The text of block `name` as the page defines it: the <title> and the Open Graph
    title are written once. Tags are stripped and entities read back, so the output is
    escaped once, as any value."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    with context.push(block=block):
        return " ".join(unescape(strip_tags(block.nodelist.render(context))).split())


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's canonical address: its path, with only the parameters that make it
    another page (a list's valid filters and page number, `view.canonical_query()`)."""
    request = context.get("request")
    if request is None:  # an error page rendered without its request
        return ""
    view = context.get("view")
    query = view.canonical_query().urlencode() if hasattr(view, "canonical_query") else ""
    return request.build_absolute_uri(f"{request.path}?{query}" if query else request.path)


@register.simple_tag(takes_context=True)
def indexable(context):
    """False for what search engines should leave out: drafts, search results (whose
    address robots.txt also disallows) and lists narrowed by several filters."""
    request = context.get("request")
    view = context.get("view")
    match = getattr(request, "resolver_match", None)
    if request is None or context.get("draft") or (match and match.namespace == "search"):
        return False
    return view.indexable() if hasattr(view, "indexable") else True


@register.simple_tag
def json_ld(data):
    return structured_data.json_ld(data) if data else ""
