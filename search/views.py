from urllib.parse import urlencode

from django.views.generic import TemplateView

from .engine import PER_PAGE, search
from .models import DocumentKind

MAX_PAGE = 10_000


def _last(request, name):
    # getlist()[-1]: "?q=a&q=b" reads the last value instead of failing.
    return (request.GET.getlist(name) or [""])[-1]


class SearchView(TemplateView):
    """/recherche/?q=…: every kind of result, the best few of each; `groupe=metier` (or
    formation, temoignage) opens one kind in full, `page` pages through it; `exact=1`
    searches the words as typed, without corrections."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = _last(self.request, "q")
        exact = _last(self.request, "exact") == "1"
        kind = _last(self.request, "groupe")
        kind = kind if kind in DocumentKind.values else None
        page = _last(self.request, "page")
        # Digits only, and few of them: int() refuses a string of thousands of digits.
        page = min(int(page), MAX_PAGE) if page.isdigit() and 0 < len(page) <= 6 else 1
        page = max(page, 1)
        results = search(raw, exact=exact, kind=kind, page=page)
        if kind and page > 1 and not results.groups:
            # An old or mistyped page number: the first page, and say so.
            context["page_notice"] = f"La page {page} n’existe pas : voici la première page."
            page = 1
            results = search(raw, exact=exact, kind=kind, page=page)
        context.update(results=results, kind=kind, page=page)
        base = {"q": results.query.text, **({"exact": "1"} if exact else {})}
        context["exact_url"] = "?" + urlencode({"q": results.query.text, "exact": "1"})
        context["all_url"] = "?" + urlencode(base)
        if kind and results.groups:
            group = results.groups[0]
            pages = -(-group.total // PER_PAGE)
            context["pages"] = pages

            def at(n):
                return "?" + urlencode({**base, "groupe": kind, "page": n})

            context["previous_url"] = at(page - 1) if page > 1 else ""
            context["next_url"] = at(page + 1) if page < pages else ""
        context["group_urls"] = {
            group.kind: "?" + urlencode({**base, "groupe": group.kind}) for group in results.groups
        }
        return context
