"""One address per page: a detail page typed in another letter case is sent to its own.

Slugs are lower case (`/metiers/actuaire/`), but people retype addresses from paper and
handouts (`/metiers/Actuaire/`). Those answer a permanent redirect to the canonical address,
query string kept, rather than a 404 or a second copy of the page.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse


class LowercaseSlugMixin:
    """For a DetailView routed by `<slug:slug>`: redirect a slug with capitals to lower case."""

    def dispatch(self, request, *args, **kwargs):
        slug = kwargs.get(self.slug_url_kwarg, "")
        if slug != slug.lower():
            match = request.resolver_match
            path = reverse(match.view_name, kwargs={**kwargs, self.slug_url_kwarg: slug.lower()})
            query = request.GET.urlencode()
            return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)
        return super().dispatch(request, *args, **kwargs)
