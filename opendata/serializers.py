"""The API's representation of families, jobs and diplomas.

Each item is named by its slug, links to its own API address (`url`) and public page
(`page`), and to the items it relates to, both ways. Each sourced fact comes with its
`*_source` (« brochure », « ajout » or « non-precise », see mutuelles_site.provenance);
`addition` is the signed note of an item's additions.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careers.models import Career, Family, Pathway
from diplomas.models import Diploma
from diplomas.routes import Route, routes_of
from mutuelles_site.provenance import Provenance

from .licence import meta

PROVENANCES = Provenance.choices


class PageField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


PageField = extend_schema_field(OpenApiTypes.URI)(PageField)


class MetaSerializer(serializers.Serializer):
    source = serializers.CharField()
    attribution = serializers.CharField()
    licence = serializers.CharField()
    licence_url = serializers.URLField()
    documentation = serializers.URLField()


class AdditionSerializer(serializers.Serializer):
    """The signature of an item's « ajout » facts."""

    reason = serializers.CharField(source="addition_reason")
    source = serializers.CharField(source="addition_source")
    url = serializers.CharField(source="addition_url")
    added_on = serializers.DateField()


class RouteSerializer(serializers.Serializer):
    route = serializers.ChoiceField(choices=Route.choices, source="route.value")
    label = serializers.CharField()
    source = serializers.SerializerMethodField()

    def get_source(self, fact) -> str:
        return getattr(fact.diploma, fact.source_field)


class SignedMixin(serializers.Serializer):
    addition = serializers.SerializerMethodField(
        help_text="La note signée des faits marqués « ajout » de l’objet, ou null."
    )

    @extend_schema_field(AdditionSerializer(allow_null=True))
    def get_addition(self, obj):
        return AdditionSerializer(obj).data if obj.additions else None


class WithMeta(serializers.Serializer):
    meta = serializers.SerializerMethodField()

    @extend_schema_field(MetaSerializer)
    def get_meta(self, obj):
        return meta(self.context["request"])


class FamilyLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:famille-detail", lookup_field="slug")
    page = PageField()

    class Meta:
        model = Family
        fields = ["slug", "name", "url", "page"]


class CareerLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:metier-detail", lookup_field="slug")
    page = PageField()

    class Meta:
        model = Career
        fields = ["slug", "title_masculine", "title_feminine", "url", "page"]


class DiplomaLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:formation-detail", lookup_field="slug"
    )
    page = PageField()

    class Meta:
        model = Diploma
        fields = ["slug", "short_name", "name", "url", "page"]


class FamilySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:famille-detail", lookup_field="slug")
    page = PageField()
    metiers = CareerLinkSerializer(source="careers", many=True, read_only=True)
    metiers_url = serializers.SerializerMethodField(
        help_text="La liste des métiers de la famille, filtrée dans l’API."
    )

    class Meta:
        model = Family
        fields = ["slug", "name", "url", "page", "intro", "metiers", "metiers_url", "updated_at"]

    def get_metiers_url(self, family) -> str:
        address = f"{reverse('api:metier-list')}?famille={family.slug}"
        return self.context["request"].build_absolute_uri(address)


class FamilyDetailSerializer(WithMeta, FamilySerializer):
    class Meta(FamilySerializer.Meta):
        fields = [*FamilySerializer.Meta.fields, "meta"]


class CareerPathwaySerializer(serializers.ModelSerializer):
    """A diploma that leads to the job, as the job's « Comment y accéder » table shows it."""

    diploma = DiplomaLinkSerializer(read_only=True)
    speciality = serializers.CharField(source="speciality.name", allow_null=True, default=None)
    source = serializers.ChoiceField(choices=PROVENANCES, help_text="Source du lien.")
    experience_source = serializers.ChoiceField(choices=PROVENANCES)
    routes = RouteSerializer(many=True, read_only=True)

    class Meta:
        model = Pathway
        fields = [
            "diploma",
            "speciality",
            "level",
            "condition",
            "source",
            "experience",
            "experience_source",
            "routes",
        ]


class DiplomaPathwaySerializer(serializers.ModelSerializer):
    """A job the diploma leads to."""

    career = CareerLinkSerializer(read_only=True)
    speciality = serializers.CharField(source="speciality.name", allow_null=True, default=None)
    source = serializers.ChoiceField(choices=PROVENANCES, help_text="Source du lien.")

    class Meta:
        model = Pathway
        fields = ["career", "speciality", "level", "condition", "source"]


class CareerSerializer(SignedMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:metier-detail", lookup_field="slug")
    page = PageField()
    family = FamilyLinkSerializer(read_only=True)
    level_label = serializers.CharField(read_only=True)
    level_source = serializers.ChoiceField(choices=PROVENANCES)
    rome_code = serializers.CharField(allow_blank=True, help_text="Code ROME 4.0, ou vide.")
    rome_code_source = serializers.ChoiceField(choices=PROVENANCES)
    diplomas = CareerPathwaySerializer(source="pathways", many=True, read_only=True)

    class Meta:
        model = Career
        fields = [
            "slug",
            "url",
            "page",
            "title_masculine",
            "title_feminine",
            "family",
            "lead",
            "body",
            "level_min",
            "level_max",
            "level_label",
            "level_source",
            "entry_note",
            "rome_code",
            "rome_code_source",
            "diplomas",
            "addition",
            "reviewed_on",
            "updated_at",
        ]


class CareerDetailSerializer(WithMeta, CareerSerializer):
    class Meta(CareerSerializer.Meta):
        fields = [*CareerSerializer.Meta.fields, "meta"]


class DiplomaSerializer(SignedMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:formation-detail", lookup_field="slug"
    )
    page = PageField()
    diploma_type_label = serializers.CharField(source="get_diploma_type_display")
    category = serializers.CharField(source="category.value")
    category_label = serializers.CharField(source="category.label")
    category_source = serializers.ChoiceField(choices=PROVENANCES)
    level_label = serializers.CharField(read_only=True)
    level_source = serializers.ChoiceField(choices=PROVENANCES)
    duration_source = serializers.ChoiceField(choices=PROVENANCES)
    place_source = serializers.ChoiceField(choices=PROVENANCES)
    apprenticeship_source = serializers.ChoiceField(choices=PROVENANCES)
    rncp_code = serializers.CharField(allow_blank=True, help_text="Code RNCP, ou vide.")
    rncp_code_source = serializers.ChoiceField(choices=PROVENANCES)
    routes = serializers.SerializerMethodField()
    specialities = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    metiers = DiplomaPathwaySerializer(source="pathways", many=True, read_only=True)

    class Meta:
        model = Diploma
        fields = [
            "slug",
            "url",
            "page",
            "short_name",
            "name",
            "acronym",
            "diploma_type",
            "diploma_type_label",
            "category",
            "category_label",
            "category_source",
            "level",
            "level_max",
            "level_label",
            "level_source",
            "duration",
            "duration_source",
            "place",
            "place_source",
            "apprenticeship",
            "apprenticeship_source",
            "rncp_code",
            "rncp_code_source",
            "routes",
            "summary",
            "since_2009",
            "specialities",
            "metiers",
            "addition",
            "reviewed_on",
            "updated_at",
        ]

    @extend_schema_field(RouteSerializer(many=True))
    def get_routes(self, diploma):
        return RouteSerializer(routes_of(diploma), many=True).data


class DiplomaDetailSerializer(WithMeta, DiplomaSerializer):
    class Meta(DiplomaSerializer.Meta):
        fields = [*DiplomaSerializer.Meta.fields, "meta"]
