import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from mutuelles_site.filtering import FilterStateMixin
from mutuelles_site.slugs import read_slug, shown

from .levels import LEVEL_CHOICES, Level
from .models import Diploma, DiplomaCategory, types_in_category
from .routes import Route, prepared_by


def route_filter(method):
    """The « voie d'accès » filter (`?voie=`) of every list; `method` narrows the list."""
    return django_filters.ChoiceFilter(
        label="Voie d’accès",
        choices=Route.choices,
        method=method,
        empty_label="Toutes les voies",
    )


class PublishedDiplomaField(forms.CharField):
    """A published diploma named by its slug (`bts`): cleans to the Diploma, found with one
    query and only when asked, never a list of every diploma. A hidden input: the lists
    reach it through links (a diploma page's « voir tous les métiers »), not a select."""

    widget = forms.HiddenInput
    default_error_messages = {
        "unknown": "Aucune formation publiée ne porte l’identifiant « %(slug)s »."
    }

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        # Something that can be no slug (a NUL, which PostgreSQL refuses) never reaches the
        # database.
        slug = read_slug(value)
        diploma = Diploma.objects.published().filter(slug=slug).first() if slug else None
        if diploma is None:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"slug": shown(value)}
            )
        return diploma

    def prepare_value(self, value):
        return value.slug if isinstance(value, Diploma) else value


class PublishedDiplomaFilter(django_filters.CharFilter):
    """A list's `?formation=<slug>`, whose value is a published Diploma (PublishedDiplomaField)."""

    field_class = PublishedDiplomaField


class DiplomaFilter(FilterStateMixin, django_filters.FilterSet):
    # No diploma of the guide is awarded at the bac itself.
    niveau = django_filters.ChoiceFilter(
        label="Niveau du diplôme",
        choices=[(value, label) for value, label in LEVEL_CHOICES if value != Level.BAC],
        method="filter_level",
        empty_label="Tous les niveaux",
    )
    categorie = django_filters.ChoiceFilter(
        label="Catégorie de diplôme",
        choices=DiplomaCategory.choices,
        method="filter_category",
        empty_label="Toutes les catégories",
    )
    # "Non" is not offered: the brochure never says a diploma can't be prepared by
    # apprenticeship, it is silent on most (see mutuelles_site.provenance).
    apprentissage = django_filters.ChoiceFilter(
        label="Possible en apprentissage",
        choices=[("oui", "Oui"), ("non-precise", "Non précisé par la brochure")],
        method="filter_apprenticeship",
        empty_label="Indifférent",
    )

    voie = route_filter("filter_route")

    plural = "Formations"

    class Meta:
        model = Diploma
        fields = []

    def criterion(self, name, value):
        if name == "niveau":
            return f"de niveau {Level(int(value)).label}"
        if name == "categorie":
            return f"de la catégorie « {self.choice_label(name, value)} »"
        if name == "apprentissage":
            if value == "oui":
                return "possibles en apprentissage"
            return "dont l’apprentissage n’est pas précisé"
        return f"préparées par la voie « {self.choice_label(name, value)} »"

    def filter_level(self, queryset, name, value):
        # A DU spans bac + 2 to bac + 5: it belongs to every level of its range.
        return queryset.filter(
            Q(level=int(value)) | Q(level__lte=int(value), level_max__gte=int(value))
        )

    def filter_category(self, queryset, name, value):
        return queryset.filter(diploma_type__in=types_in_category(value))

    def filter_apprenticeship(self, queryset, name, value):
        if value == "oui":
            return queryset.filter(apprenticeship=True)
        return queryset.filter(apprenticeship__isnull=True)

    def filter_route(self, queryset, name, value):
        return queryset.filter(prepared_by(value))
