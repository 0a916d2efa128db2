"""The read-only API at /api/v1/: families, jobs and diplomas, published content only.

The lists take the same filters as the site's lists (careers.filters.CareerFilter,
diplomas.filters.DiplomaFilter): one filter, one name, on the page and in the API. Anything
unexpected answers a 4xx with a JSON body: an unknown or invalid parameter 400, an unknown
slug or page 404, an Accept the API can't serve 406, too many requests 429.
"""

import re

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotAcceptable, NotFound, ParseError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from careers.filters import CareerFilter
from careers.models import Career, Family, Pathway
from diplomas.filters import DiplomaFilter
from diplomas.models import Diploma, Speciality

from . import serializers as api_serializers
from .licence import link_header, meta

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class Pagination(PageNumberPagination):
    page_size = 20
    page_query_description = "Le numéro de la page de résultats (20 par page)."

    def get_paginated_response(self, data):
        return Response(
            {
                "meta": meta(self.request),
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"] = {
            "meta": {"$ref": "#/components/schemas/Meta"},
            **paginated["properties"],
        }
        paginated["required"] = ["meta", *paginated.get("required", [])]
        return paginated


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, refusing parameters the list does not know (400) rather than
    silently returning everything; a detail takes no parameter at all."""

    def filter_queryset(self, request, queryset, view):
        known = {view.paginator.page_query_param} if view.action == "list" else set()
        filterset_class = self.get_filterset_class(view, queryset)
        if view.action == "list" and filterset_class is not None:
            known |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ParseError(f"Paramètre inconnu : {', '.join(unknown)}.")
        if view.action != "list":
            return queryset
        return super().filter_queryset(request, queryset, view)


ERROR = inline_serializer(
    "Error",
    {
        "detail": serializers.CharField(),
        "errors": serializers.DictField(required=False),
        "meta": api_serializers.MetaSerializer(),
    },
)
LIST_ERRORS = {
    400: OpenApiResponse(ERROR, description="Paramètre inconnu ou invalide"),
    404: OpenApiResponse(ERROR, description="Page inexistante"),
}
DETAIL_ERRORS = {
    400: OpenApiResponse(ERROR, description="Paramètre inconnu"),
    404: OpenApiResponse(ERROR, description="Identifiant inconnu"),
}


def exception_handler(exc, context):
    """DRF's errors, always as {"detail": …, "errors"?: …, "meta": …}."""
    if isinstance(exc, NotAcceptable):
        # DRF's French catalogue says "n'a pas pu être satisfaite", with a straight quote.
        exc = NotAcceptable("L’en-tête « Accept » ne peut pas être satisfait.")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if not (isinstance(data, dict) and set(data) == {"detail"}):
        data = {"detail": "Paramètres invalides.", "errors": data}
    response.data = {**data, "meta": meta(context["request"])}
    return response


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    pagination_class = Pagination
    # Any segment reaches the view, which answers an unknown slug with a JSON 404.
    lookup_value_regex = "[^/]+"
    filter_backends = [StrictFilterBackend]

    def get_object(self):
        # A slug can only be letters, digits, "-" and "_": anything else is unknown, and
        # never reaches the database (PostgreSQL refuses a NUL in a string).
        if not SLUG.fullmatch(self.kwargs[self.lookup_field]):
            raise NotFound("Identifiant inconnu.")
        try:
            return super().get_object()
        except Http404:
            raise NotFound("Identifiant inconnu.") from None

    def get_view_name(self):
        # OPTIONS answers with these: the schema's summaries, not DRF's "Career List".
        return self.singular if self.detail else self.plural

    def get_view_description(self, html=False):
        return DESCRIPTION

    def get_serializer_class(self):
        return self.detail_serializer_class if self.action == "retrieve" else self.serializer_class

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = link_header()
        return response


DESCRIPTION = (
    "En lecture seule : le contenu publié du guide, avec la source de chaque fait. "
    "Les champs, filtres et réponses sont décrits sur /api/v1/docs/."
)

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="L’identifiant de l’objet, celui de l’adresse de sa page sur le site.",
)


def documented(plural, singular, parameters=()):
    """The schema of a viewset's list and detail: summaries, the bodies of its
    `serializer_class` and `detail_serializer_class`, and the JSON errors."""

    def decorate(viewset):
        viewset.plural, viewset.singular = plural, singular
        return extend_schema_view(
            list=extend_schema(
                summary=plural,
                parameters=list(parameters),
                responses={200: viewset.serializer_class(many=True), **LIST_ERRORS},
            ),
            retrieve=extend_schema(
                summary=singular,
                parameters=[SLUG_PARAMETER],
                responses={200: viewset.detail_serializer_class, **DETAIL_ERRORS},
            ),
        )(viewset)

    return decorate


@documented("Les familles de métiers", "Une famille de métiers")
class FamilyViewSet(ReadOnlyViewSet):
    serializer_class = api_serializers.FamilySerializer
    detail_serializer_class = api_serializers.FamilyDetailSerializer

    def get_queryset(self):
        return Family.objects.published().prefetch_related(
            Prefetch("careers", Career.objects.published())
        )


CAREER_FILTERS = [
    OpenApiParameter(
        "famille",
        OpenApiTypes.STR,
        description="Identifiant (slug) d’une famille de métiers, voir /api/v1/familles/.",
    ),
    OpenApiParameter(
        "formation",
        OpenApiTypes.STR,
        description="Identifiant (slug) d’une formation publiée, voir /api/v1/formations/ : "
        "les métiers auxquels elle mène.",
    ),
]


@documented("Les métiers", "Un métier", CAREER_FILTERS)
class CareerViewSet(ReadOnlyViewSet):
    serializer_class = api_serializers.CareerSerializer
    detail_serializer_class = api_serializers.CareerDetailSerializer
    filterset_class = CareerFilter

    def get_queryset(self):
        return Career.objects.for_detail()


@documented("Les formations", "Une formation")
class DiplomaViewSet(ReadOnlyViewSet):
    serializer_class = api_serializers.DiplomaSerializer
    detail_serializer_class = api_serializers.DiplomaDetailSerializer
    filterset_class = DiplomaFilter

    def get_queryset(self):
        pathways = (
            Pathway.objects.published()
            .select_related("career", "speciality")
            .order_by("career__family__position", "career__position", "pk")
        )
        return Diploma.objects.published().prefetch_related(
            Prefetch("pathways", pathways),
            Prefetch("specialities", Speciality.objects.published()),
        )


# The root's links, by the name of their route in api_urls.
ROOT_LINKS = {
    "metiers": "api:metier-list",
    "formations": "api:formation-list",
    "familles": "api:famille-list",
    "schema": "api:schema",
    "docs": "api:docs",
}


@extend_schema(
    summary="Les adresses de l’API",
    responses={
        200: inline_serializer(
            "Root",
            {
                "meta": api_serializers.MetaSerializer(),
                **{name: serializers.URLField() for name in ROOT_LINKS},
            },
        )
    },
)
class ApiRoot(APIView):
    """/api/v1/: where each list, the schema and the documentation are."""

    def get_view_name(self):
        return "Les adresses de l’API"

    def get_view_description(self, html=False):
        return DESCRIPTION

    def get(self, request):
        links = {
            name: request.build_absolute_uri(reverse(route)) for name, route in ROOT_LINKS.items()
        }
        response = Response({"meta": meta(request), **links})
        response["Link"] = link_header()
        return response
