import django_filters
from django import forms

from diplomas.levels import Level, level_label
from diplomas.models import Category
from search.engine import filter_careers

from .models import Career, Family, Pathway

KEYWORD_MAX_LENGTH = 100

LEVEL_CHOICES = [(level.value, level_label(level)) for level in Level]
# The qualification types a counsellor asks about; "autre" gathers one-off diplomas.
TYPE_CHOICES = [(c.value, c.label) for c in Category if c != Category.OTHER]


def family_choices():
    # One query, run once when the form is built; no query per choice.
    return list(Family.objects.published().values_list("slug", "name"))


class CareerFilter(django_filters.FilterSet):
    famille = django_filters.ChoiceFilter(
        label="Famille de métiers",
        choices=family_choices,
        field_name="family__slug",
        empty_label="Toutes les familles",
    )
    niveau = django_filters.ChoiceFilter(
        label="Accessible avec mon niveau",
        choices=LEVEL_CHOICES,
        method="filter_level",
        empty_label="Tous les niveaux",
    )
    type = django_filters.ChoiceFilter(
        label="Type de formation",
        choices=TYPE_CHOICES,
        method="filter_type",
        empty_label="Tous les types",
    )
    q = django_filters.CharFilter(
        label="Mot-clé",
        method="filter_keyword",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
        max_length=KEYWORD_MAX_LENGTH,
    )

    class Meta:
        model = Career
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A list rather than the callable: Django calls a callable again for validation and
        # for rendering, which cost one query each.
        self.filters["famille"].extra["choices"] = family_choices()

    def filter_level(self, queryset, name, value):
        return queryset.accessible_with(int(value))

    def filter_type(self, queryset, name, value):
        careers = Pathway.objects.filter(diploma__category=value, diploma__is_published=True)
        return queryset.filter(pk__in=careers.values("career_id"))

    def filter_keyword(self, queryset, name, value):
        return filter_careers(queryset, value)

    @property
    def active(self):
        """True when at least one valid filter narrows the list."""
        if not self.is_bound or not self.form.is_valid():
            return any(self.data.get(name) for name in self.filters)
        return any(value not in (None, "") for value in self.form.cleaned_data.values())
