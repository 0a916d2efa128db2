from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django_filters.views import FilterView

from .pagination import ForgivingPaginationMixin


class FilterStateMixin:
    """What a list page needs to know to word its result count and show a reset link."""

    @property
    def active(self):
        """True when at least one valid filter narrows the list."""
        if not self.is_bound:
            return False
        self.form.is_valid()  # fills cleaned_data with the valid fields, even if others fail
        return any(value not in (None, "") for value in self.form.cleaned_data.values())

    @property
    def has_input(self):
        """True when the URL carries any filter, valid or not: worth offering a reset."""
        return any(self.data.get(name) for name in self.filters)


class FilteredListView(ForgivingPaginationMixin, FilterView):
    """A public list narrowed by a FilterSet whose state the page shows (list_status.html).

    An invalid filter is ignored, and said so, rather than hiding everything. A renamed URL
    parameter answers a permanent redirect to its new name, the other parameters kept: links
    that counsellors shared keep working, and each list has one address per query.
    """

    paginate_by = settings.PAGE_SIZE
    strict = False
    # Old parameter name -> current name.
    renamed_parameters = {}
    # Parameter -> {old value: current value}, for choices renamed since.
    renamed_values = {}

    def get(self, request, *args, **kwargs):
        query = request.GET.copy()
        renamed_values = {
            name: values
            for name, values in self.renamed_values.items()
            if query.get(name) in values
        }
        if not renamed_values and not any(old in query for old in self.renamed_parameters):
            return super().get(request, *args, **kwargs)
        for old, new in self.renamed_parameters.items():
            values = query.pop(old, [])
            # A link carrying both names keeps the current one.
            if values and not query.get(new):
                query.setlist(new, values)
        for name, values in renamed_values.items():
            query[name] = values[query[name]]
        return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")
