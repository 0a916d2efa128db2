from django.views.generic import TemplateView

from .engine import search


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # getlist()[-1]: "?q=a&q=b" searches the last value instead of failing.
        raw = (self.request.GET.getlist("q") or [""])[-1]
        context["results"] = search(raw)
        return context
