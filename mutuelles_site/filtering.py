"""The shared base of the public filtered lists (jobs, diplomas), and the way back to them.

A list's address is its query: filters, sort and page live in the URL, so a counsellor can
share it. Each query has one address (renamed and empty parameters are redirected away), and
a page reached from a list can lead back to the same results (`results_link`).
"""

from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.db import models
from django.http import HttpResponsePermanentRedirect, QueryDict
from django_filters.views import FilterView

from .fields import KeywordFormField, without_control_characters
from .pagination import ForgivingPaginationMixin

# The parameter a list item's link carries: the list's own query, to lead back to it.
RESULTS_PARAMETER = "depuis"
# Longer carried queries are dropped: no real list query comes near it.
RESULTS_MAX_LENGTH = 1000
# A query longer than this is served as it is, not redirected: no browser or proxy is
# sure to follow a longer address, and no form of the site builds one.
REDIRECT_MAX_LENGTH = 2000


def joined(criteria):
    """The criteria as one phrase, a head word said once for its run of criteria.

    ["de la famille « G »", "accessibles avec bac + 2", "accessibles par la voie « A »"]
    -> "de la famille « G », accessibles avec bac + 2 et par la voie « A »". Only a head
    word longer than three letters is shared ("accessibles", not "de"): « de la famille
    … et niveau … » would drop a needed article.
    """
    runs = []
    for criterion in criteria:
        head, _, rest = criterion.partition(" ")
        if runs and len(head) > 3 and runs[-1][0] == head and rest:
            runs[-1][1].append(rest)
        else:
            runs.append((head, [criterion]))
    phrases = []
    for _head, parts in runs:
        if len(parts) == 1:
            phrases.append(parts[0])
        else:
            phrases.append(f"{', '.join(parts[:-1])} et {parts[-1]}")
    return ", ".join(phrases)


class FilterStateMixin:
    """What a list page needs to know to word its result count and show a reset link.

    `orderings` names the filters that sort the list rather than narrow it.
    """

    orderings = ()
    # The filters that search by keyword: a list they narrow is search results.
    searches = ()
    # The items' plural, capitalised, that starts the list's title.
    plural = ""

    @property
    def active(self):
        """True when at least one valid filter narrows the list."""
        if not self.is_bound:
            return False
        self.form.is_valid()  # fills cleaned_data with the valid fields, even if others fail
        return any(
            value not in (None, "")
            for name, value in self.form.cleaned_data.items()
            if name not in self.orderings
        )

    @property
    def criteria(self):
        """Each valid filter in words ("accessibles avec bac + 2"), in the filters' order.

        The one wording of a list's criteria: its title, its description and any sentence
        that names them. The FilterSet words each value in `criterion()`.
        """
        if not self.is_bound:
            return []
        self.form.is_valid()
        return [
            self.criterion(name, value)
            for name, value in self.form.cleaned_data.items()
            if name not in self.orderings and value not in (None, "")
        ]

    def criterion(self, name, value):
        return f"{self.filters[name].label.lower()} : {self.choice_label(name, value)}"

    def choice_label(self, name, value):
        """The label a choice filter shows for `value` ("BTS"), or the value itself."""
        return str(dict(self.filters[name].extra.get("choices", [])).get(value, value))

    @property
    def title(self):
        """The list's title: the FilterSet's `plural` ("Métiers") and its criteria.

        "Métiers accessibles avec bac + 2, de la famille « Fonctions supports »"; "" when no
        filter narrows the list (the page keeps its own title).
        """
        criteria = self.criteria
        return f"{self.plural} {joined(criteria)}" if criteria else ""

    @property
    def sentence(self):
        """The list's criteria and its sort as one sentence, which a printed list states:
        "Métiers accessibles avec bac + 2, de la famille « Gestion des adhérents », triés
        par intitulé." Invalid filters are left out, as the list leaves them out."""
        if not self.is_bound:
            return ""
        self.form.is_valid()
        sorts = [
            self.criterion(name, value)
            for name, value in self.form.cleaned_data.items()
            if name in self.orderings and value not in (None, "")
        ]
        return ", ".join([self.title or self.plural, *sorts]) + "."

    @property
    def hidden_criteria(self):
        """The valid filters the form shows no field for (the job list's `formation`), each
        as {"criterion": its words, "without": the list's address query without it}: the
        page says them, and offers to remove them, as no select can."""
        if not self.is_bound:
            return []
        self.form.is_valid()
        found = []
        for field in self.form.hidden_fields():
            value = self.form.cleaned_data.get(field.name)
            if value in (None, ""):
                continue
            without = self.data.copy()
            without.pop(field.name, None)
            # A shorter list starts again at its first page (every list's `page`).
            without.pop("page", None)
            found.append(
                {"criterion": self.criterion(field.name, value), "without": without.urlencode()}
            )
        return found

    @property
    def has_input(self):
        """True when the URL carries any filter, valid or not: worth offering a reset."""
        return any(self.data.get(name) for name in self.filters)


def canonical_query(query, renamed, renamed_values=None):
    """`query` (a QueryDict) as its one address gives it, or None if it already is.

    Renamed parameters take their current name (a link carrying both keeps the current
    one), renamed choices their current value (`renamed_values`: {parameter: {old: new}}),
    and empty values are dropped: the no-JavaScript form submits every select, chosen
    or not, and `?niveau=&famille=x` is the same list as `?famille=x`.
    """
    canonical, changed = QueryDict(mutable=True), False
    renamed_values = renamed_values or {}
    for name, values in query.lists():
        current = renamed.get(name, name)
        choices = renamed_values.get(current, {})
        kept = [choices.get(value, value) for value in values if value != ""]
        changed |= any(value in choices for value in values)
        changed |= len(kept) != len(values) or current != name
        if kept and not (current != name and query.get(current)):
            canonical.setlist(current, canonical.getlist(current) + kept)
    return canonical if changed else None


class KeywordFilter(django_filters.CharFilter):
    """A list's keyword (`q`), without the control characters a typed address may hold."""

    field_class = KeywordFormField


def results_link(query):
    """The `depuis=…` parameter that a list item's link carries, or "" for an unfiltered list.

    Takes the list's query (as shown: a corrected page number is the page's own); the job
    page reads it back with results_url().
    """
    query = query.urlencode()
    if not query or len(query) > RESULTS_MAX_LENGTH:
        return ""
    return urlencode({RESULTS_PARAMETER: query})


def results_url(request, list_url, names):
    """The address of the list results a page was reached from, or None.

    Reads the page's `depuis` parameter and keeps only the list's own parameters (`names`),
    non-empty, under the list's own address `list_url`: whatever is written into the
    parameter, the link leads to that list, never elsewhere.
    """
    carried = request.GET.get(RESULTS_PARAMETER)
    if carried is None or len(carried) > RESULTS_MAX_LENGTH:
        return None
    kept = QueryDict(mutable=True)
    for name, values in QueryDict(carried).lists():
        if name in names:
            kept.setlist(name, [value for value in values if value])
    query = kept.urlencode()
    return f"{list_url}?{query}" if query else list_url


class FilteredListView(ForgivingPaginationMixin, FilterView):
    """A public list narrowed by a FilterSet whose state the page shows (list_status.html).

    An invalid filter is ignored, and said so, rather than hiding everything. A renamed URL
    parameter answers a permanent redirect to its new name, and empty parameters are dropped
    the same way, the other parameters kept: links that counsellors shared keep working, and
    each list has one address per query. Each item's link carries the list's query
    (`results_link`), so that its page can lead back to these results.
    """

    paginate_by = settings.PAGE_SIZE
    strict = False
    # Old parameter name -> current name.
    renamed_parameters = {}
    # Parameters read outside the filter form (the job list's `exact`).
    extra_parameters = ()
    # Parameter -> {old value: current value}, for choices renamed since.
    renamed_values = {}

    @classmethod
    def parameters(cls):
        """The names of the URL parameters this list reads: its filters and `page`."""
        return {*cls.filterset_class.base_filters, cls.page_kwarg, *cls.extra_parameters}

    def get(self, request, *args, **kwargs):
        canonical = canonical_query(request.GET, self.renamed_parameters, self.renamed_values)
        query = None if canonical is None else canonical.urlencode()
        if query is None or len(query) > REDIRECT_MAX_LENGTH:
            return super().get(request, *args, **kwargs)
        return HttpResponsePermanentRedirect(f"{request.path}?{query}" if query else request.path)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        # Filters echo what they were given (a value in an error message, a box's value):
        # they read it without control characters, so a NUL in the address never reaches
        # the page.
        if kwargs["data"] is not None:
            data = QueryDict(mutable=True)
            for name, values in kwargs["data"].lists():
                data.setlist(name, [without_control_characters(value) for value in values])
            kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results_link"] = results_link(self.shown_query())
        return context

    def canonical_query(self):
        """The query of this page's canonical address: its valid filters, sort excepted
        (the same items in another order), and its page number beyond the first. Unknown
        and invalid parameters are dropped."""
        filterset = self.filterset
        query = QueryDict(mutable=True)
        if filterset.is_bound:
            filterset.form.is_valid()
            for name, value in filterset.form.cleaned_data.items():
                if name not in filterset.orderings and value not in (None, ""):
                    field = filterset.form.fields[name]
                    # An object named by its slug is addressed by its own slug, however
                    # the link wrote it (?formation=BTS is ?formation=bts).
                    query[name] = (
                        field.prepare_value(value)
                        if isinstance(value, models.Model)
                        else filterset.data[name]
                    )
        # The page shown: ?page=99 of a 2-page list is page 2's address.
        if self.page_number > 1:
            query[self.page_kwarg] = str(self.page_number)
        return query

    def indexable(self):
        """Search engines index a list narrowed by one filter at most, and no keyword
        search: the combinations are countless, and each is in the one-filter lists
        already."""
        filterset = self.filterset
        if any(filterset.data.get(name) for name in filterset.searches):
            return False
        return len(filterset.criteria) < 2
