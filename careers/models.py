import re

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from diplomas.levels import LEVEL_CHOICES, Level, level_label, range_label
from diplomas.models import Diploma, DiplomaQuerySet, Speciality, SpecialityQuerySet
from diplomas.routes import prepared_by, routes_of
from mutuelles_site.fields import ProseField
from mutuelles_site.folding import Folded
from mutuelles_site.preview import PreviewQuerySet
from mutuelles_site.provenance import (
    UNVERSIONED,
    Provenance,
    Reviewed,
    SignedAddition,
    Updated,
    code_constraints,
    code_field,
    code_source_field,
    source_constraints,
    source_field,
)
from mutuelles_site.reversing import cached_reverse

# Up to the first ".", "!", "?" or "…" that ends a sentence (the next one starts with a
# capital, or the paragraph ends), or the whole first paragraph when none does.
FIRST_SENTENCE = re.compile(r"[^\n]*?[.!?…](?=\s+[A-ZÀ-ÖØ-Þ«]|\s*(\n|$))|[^\n]+")


class FamilyQuerySet(models.QuerySet):
    @staticmethod
    def published_condition(prefix=""):
        """The rule of published(), as a Q on the family reached by `prefix` ("" or "…__")."""
        return Q(**{f"{prefix}is_published": True})

    def published(self):
        return self.filter(self.published_condition())

    def with_career_counts(self):
        # Explicitly ordered: Django leaves Meta.ordering out of a GROUP BY query, and
        # PostgreSQL then returns the families in no particular order.
        return (
            self.published()
            .annotate(
                career_count=Count(
                    "careers", filter=CareerQuerySet.published_condition("careers__")
                )
            )
            .order_by("position", "name")
        )


class FamilyManager(models.Manager.from_queryset(FamilyQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


@reversion.register(exclude=UNVERSIONED)
class Family(Reviewed, Updated, models.Model):
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Partie de l'adresse web. Laissé vide, il est tiré du nom.",
    )
    name = models.CharField("nom", max_length=120, unique=True)
    intro = ProseField(
        "introduction",
        blank=True,
        help_text="Présentation de la famille. Laisser vide si la brochure n'en a pas. "
        "Séparez les paragraphes par une ligne vide.",
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    is_published = models.BooleanField("publiée", default=True)

    objects = FamilyManager()

    class Meta:
        verbose_name = "famille de métiers"
        verbose_name_plural = "familles de métiers"
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("careers:family", self.slug)

    @property
    def intro_first_sentence(self):
        """The first sentence of the introduction ("" without one), for the families index."""
        match = FIRST_SENTENCE.match(self.intro.strip())
        return match.group(0) if match else ""

    def natural_key(self):
        return (self.slug,)


class CareerQuerySet(PreviewQuerySet):
    @staticmethod
    def published_condition(prefix=""):
        """The rule of published() (the job and its family are published), as a Q on the job
        reached by `prefix`. Joins rather than `__in` subqueries: the same rows, but a query
        Django builds and compiles in half the time (profiled on the job pages)."""
        return Q(**{f"{prefix}is_published": True}) & FamilyQuerySet.published_condition(
            f"{prefix}family__"
        )

    def published(self):
        return self.filter(self.published_condition())

    def for_list(self):
        return self.published().select_related("family")

    def for_links(self):
        """Published jobs with only what a link to one shows (its slug and titles): a list of
        links loads no texts and fewer columns to build."""
        return self.published().only("slug", "title_masculine", "title_feminine")

    def for_detail(self, *, drafts=False):
        """A job page's job, its rows and its testimonial; `drafts` (editors' preview) keeps
        unpublished jobs. The rows and the testimonial are those published() shows of a job
        this page may show, so only the page's own job is widened by a preview."""
        careers = self.with_is_public() if drafts else self.published()
        # Only a preview widens the rows to its draft job; the public rules otherwise.
        widened = careers if drafts else None
        return careers.select_related("family").prefetch_related(
            Prefetch(
                "pathways",
                Pathway.objects.published(careers=widened)
                .select_related("diploma", "speciality")
                .order_by("position", "diploma__level", "diploma__short_name"),
            ),
            Prefetch("testimonial", Testimonial.objects.published(careers=widened)),
        )

    def sorted_by(self, key):
        """The jobs by title ("titre", accents and case ignored) or by entry level ("niveau",
        the most accessible first, then by title)."""
        title = Folded("title_masculine")
        if key == "niveau":
            return self.order_by("level_min", "level_max", title, "pk")
        return self.order_by(title, "pk")

    def accessible_with(self, level):
        """Jobs whose minimum entry level is at or below `level`."""
        return self.filter(level_min__lte=level)


class CareerManager(models.Manager.from_queryset(CareerQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


# The sourced facts of a job and of a job↔diploma link (see mutuelles_site.provenance).
CAREER_FACTS = {"level_source": None, "rome_code_source": ("rome_code", "")}

# A ROME 4.0 code (France Travail's job directory): a domain letter, then four digits.
ROME_CODE_PATTERN = r"^[A-N][0-9]{4}$"
ROME_CODE_MESSAGE = (
    "Un code ROME est une lettre majuscule de A à N suivie de quatre chiffres, par exemple M1201."
)
PATHWAY_FACTS = {"source": None, "experience_source": ("experience", None)}


# A version of a job holds its diploma rows and its testimonial, so reverting the job puts
# them back as they were, and a deleted job is recovered with them.
@reversion.register(follow=["pathways", "testimonial"], exclude=UNVERSIONED)
class Career(Reviewed, SignedAddition, Updated, models.Model):
    family = models.ForeignKey(
        Family, on_delete=models.PROTECT, related_name="careers", verbose_name="famille"
    )
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Partie de l'adresse web. Laissé vide, il est tiré de l'intitulé au masculin.",
    )
    title_masculine = models.CharField(
        "intitulé au masculin",
        max_length=120,
        help_text="Par exemple « Technicien en prestations ».",
    )
    title_feminine = models.CharField(
        "intitulé au féminin",
        max_length=120,
        help_text="Par exemple « Technicienne en prestations ». Identique au masculin s'il est "
        "épicène (« Actuaire »).",
    )
    lead = ProseField("chapô", help_text="Deux ou trois phrases qui résument le métier.")
    body = ProseField(
        "le métier",
        help_text="Ce que fait ce professionnel. Séparez les paragraphes par une ligne vide.",
    )
    level_min = models.PositiveSmallIntegerField(
        "niveau minimal",
        choices=LEVEL_CHOICES,
        help_text="Niveau d'études le plus bas qui permet d'accéder au métier.",
    )
    level_max = models.PositiveSmallIntegerField(
        "niveau maximal",
        choices=LEVEL_CHOICES,
        help_text="Niveau d'études le plus haut cité par la brochure.",
    )
    level_source = source_field("source du niveau d’accès", can_be_unknown=False)
    rome_code = code_field(
        "code ROME",
        max_length=5,
        pattern=ROME_CODE_PATTERN,
        message=ROME_CODE_MESSAGE,
        help_text="La fiche ROME 4.0 de France Travail qui correspond au métier, par exemple "
        "« M1201 ».",
    )
    rome_code_source = code_source_field("source du code ROME")
    entry_note = ProseField(
        "condition d'accès",
        blank=True,
        help_text="Une condition générale, par exemple « Ce métier n'est pas accessible "
        "immédiatement aux jeunes diplômés ».",
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    is_published = models.BooleanField(
        "publié", default=True, help_text="Décocher pour retirer la fiche du site public."
    )
    diplomas = models.ManyToManyField(
        Diploma, through="Pathway", related_name="careers", verbose_name="diplômes"
    )

    objects = CareerManager()

    class Meta:
        verbose_name = "métier"
        verbose_name_plural = "métiers"
        ordering = ["family__position", "position", "title_masculine"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level_min__lte=F("level_max")),
                name="career_level_min_lte_max",
                violation_error_message="Le niveau minimal doit être inférieur ou égal au "
                "niveau maximal.",
            ),
            models.CheckConstraint(
                condition=Q(level_min__in=Level.values) & Q(level_max__in=Level.values),
                name="career_levels_valid",
            ),
            *source_constraints("career", CAREER_FACTS),
            *code_constraints("career", "rome_code", ROME_CODE_PATTERN, ROME_CODE_MESSAGE),
        ]

    FACTS = CAREER_FACTS

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return cached_reverse("careers:detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    def unpublished_parts(self):
        """What keeps this job off the public site, as its preview banner says it."""
        parts = []
        if not self.is_published:
            parts.append((self, "Ce métier n’est pas publié."))
        if not self.family.is_published:
            parts.append((self.family, f"Sa famille « {self.family} » n’est pas publiée."))
        return parts

    @property
    def title(self):
        if self.title_feminine == self.title_masculine:
            return self.title_masculine
        return f"{self.title_masculine} / {self.title_feminine}"

    @property
    def level_label(self):
        return range_label(self.level_min, self.level_max)


class PathwayQuerySet(models.QuerySet):
    def published(self, *, careers=None, diplomas=None):
        """Rows the public sees: their job, diploma and speciality (if any) are published.

        A detail page passes the `careers` or `diplomas` it may show, which an editor's preview
        widens to a draft: the rows of the page's own object follow the page.
        """
        if careers is None:
            career = CareerQuerySet.published_condition("career__")
        else:
            career = Q(career__in=careers)
        speciality = Q(speciality=None) | SpecialityQuerySet.published_condition(
            "speciality__", diplomas=diplomas
        )
        if diplomas is None:
            diploma = DiplomaQuerySet.published_condition("diploma__")
        else:
            diploma = Q(diploma__in=diplomas)
        return self.filter(career & diploma & speciality)

    def by_route(self, route):
        """Links whose diploma is prepared by `route` (a diplomas.routes.Route value)."""
        return self.filter(prepared_by(route, prefix="diploma__"))

    def career_count_of_diploma(self):
        """An expression for annotating diplomas: how many jobs these rows lead to from the
        outer diploma, a job counted once through several specialities (0 for none). One
        subquery in the diploma's own query, however many jobs it counts."""
        counts = (
            self.filter(diploma=OuterRef("pk"))
            .order_by()
            .values("diploma")
            .annotate(total=Count("career", distinct=True))
            .values("total")
        )
        return Coalesce(Subquery(counts), 0)


class PathwayManager(models.Manager.from_queryset(PathwayQuerySet)):
    def get_by_natural_key(self, career_slug, diploma_slug, speciality_slug):
        return (
            self.get(
                career__slug=career_slug,
                diploma__slug=diploma_slug,
                speciality__slug=speciality_slug,
            )
            if speciality_slug
            else self.get(
                career__slug=career_slug, diploma__slug=diploma_slug, speciality__isnull=True
            )
        )


@reversion.register()
class Pathway(SignedAddition, models.Model):
    """A diploma (optionally one of its specialities) that leads to a job.

    `source` says whether the job's fiche cites it (« Quels diplômes ? ») or an editor added
    it since; `level` is the level the fiche gives this diploma for this job, when it does
    (the fiche may place a DU at bac + 5 where DU range from bac + 2 to bac + 5).

    How the link is reached (`routes`: formation initiale, apprentissage…) is its diploma's,
    derived in diplomas.routes and never copied here. The link's own fact is `experience`:
    whether the fiche asks for professional experience on top of the diploma (« master pro
    + solide expérience professionnelle »); unknown (None) unless a source says it.
    """

    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="pathways", verbose_name="métier"
    )
    # PROTECT: a diploma that a job still cites cannot disappear from under it.
    diploma = models.ForeignKey(
        Diploma, on_delete=models.PROTECT, related_name="pathways", verbose_name="diplôme"
    )
    speciality = models.ForeignKey(
        Speciality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathways",
        verbose_name="spécialité",
        help_text="Facultatif : la spécialité citée par la fiche.",
    )
    condition = models.CharField(
        "condition",
        max_length=300,
        blank=True,
        help_text="Par exemple « avec une solide expérience professionnelle ».",
    )
    level = models.PositiveSmallIntegerField(
        "niveau cité par la fiche",
        choices=LEVEL_CHOICES,
        null=True,
        blank=True,
        help_text="Le niveau que la fiche métier donne à ce diplôme, s'il en donne un. Laissé "
        "vide, la page montre le niveau du diplôme lui-même.",
    )
    source = source_field("source du lien", can_be_unknown=False)
    # None is « non précisé »: most fiches say nothing of experience, which is no "non".
    experience = models.BooleanField(
        "expérience professionnelle exigée",
        null=True,
        blank=True,
        help_text="« Oui » si la fiche demande une expérience professionnelle en plus du "
        "diplôme, « Non » si une source dit qu'elle n'en faut pas, « Inconnu » si elle n'en "
        "dit rien. Précisez-la au besoin dans « condition ».",
    )
    experience_source = source_field(
        "source de l'exigence d'expérience", default=Provenance.UNKNOWN
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    FACTS = PATHWAY_FACTS

    objects = PathwayManager()

    class Meta:
        verbose_name = "diplôme qui mène au métier"
        verbose_name_plural = "diplômes qui mènent au métier"
        ordering = ["career", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["career", "diploma", "speciality"],
                name="pathway_unique_speciality",
                condition=Q(speciality__isnull=False),
                violation_error_message="Ce diplôme et cette spécialité sont déjà liés au métier.",
            ),
            models.UniqueConstraint(
                fields=["career", "diploma"],
                name="pathway_unique_diploma",
                condition=Q(speciality__isnull=True),
                violation_error_message="Ce diplôme est déjà lié au métier.",
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__in=Level.values),
                name="pathway_level_valid",
            ),
            *source_constraints("pathway", PATHWAY_FACTS),
        ]

    def __str__(self):
        return f"{self.career.title_masculine} ← {self.label}"

    @property
    def routes(self):
        """How this link is reached: its diploma's routes (diplomas.routes.RouteFact)."""
        return routes_of(self.diploma)

    @property
    def level_label(self):
        """The level the fiche gives this diploma, else the diploma's own, as plain text."""
        if self.level is not None:
            return level_label(self.level, national=self.diploma.in_national_framework)
        return self.diploma.level_label

    @property
    def label(self):
        if self.speciality_id:
            return f"{self.diploma.short_name} {self.speciality.name}"
        return self.diploma.short_name

    def natural_key(self):
        speciality = self.speciality.slug if self.speciality_id else None
        return (self.career.slug, self.diploma.slug, speciality)

    natural_key.dependencies = ["careers.career", "diplomas.diploma", "diplomas.speciality"]

    def clean(self):
        if self.speciality_id and self.diploma_id and self.speciality.diploma_id != self.diploma_id:
            raise ValidationError({"speciality": "Cette spécialité appartient à un autre diplôme."})


class TestimonialQuerySet(models.QuerySet):
    def published(self, *, careers=None):
        """Published testimonials of a published job (or of `careers`, see Pathway's)."""
        if careers is None:
            return self.filter(is_published=True).filter(
                CareerQuerySet.published_condition("career__")
            )
        return self.filter(is_published=True, career__in=careers)


class TestimonialManager(models.Manager.from_queryset(TestimonialQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


@reversion.register(exclude=UNVERSIONED)
class Testimonial(Updated, models.Model):
    career = models.OneToOneField(
        Career, on_delete=models.CASCADE, related_name="testimonial", verbose_name="métier"
    )
    slug = models.SlugField(
        "identifiant",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Ancre du témoignage dans la page. Laissé vide, il est tiré du prénom et de "
        "l'employeur.",
    )
    first_name = models.CharField("prénom", max_length=60)
    job_title = models.CharField(
        "fonction",
        max_length=120,
        help_text="Telle que la personne la donne, par exemple "
        "« chargée de développement prévention ».",
    )
    employer = models.CharField("employeur", max_length=120, help_text="Par exemple « MGEN ».")
    town = models.CharField("ville", max_length=120)
    department = models.CharField(
        "département", max_length=3, help_text="Numéro du département, par exemple « 94 »."
    )
    headline = models.CharField("titre", max_length=200)
    quote = models.CharField(
        "citation",
        max_length=300,
        blank=True,
        help_text="Une courte citation exacte de la personne, sans guillemets.",
    )
    story = ProseField(
        "récit", help_text="Le parcours et le quotidien de la personne, en vos propres mots."
    )
    is_published = models.BooleanField("publié", default=True)

    objects = TestimonialManager()

    class Meta:
        verbose_name = "témoignage"
        verbose_name_plural = "témoignages"
        ordering = ["career__family__position", "career__position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(department__regex=r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$"),
                name="testimonial_department_valid",
                violation_error_message="Le département doit être un numéro valide (01 à 95, "
                "2A, 2B ou 971 à 976).",
            ),
        ]

    def __str__(self):
        return f"{self.first_name}, {self.job_title}, {self.employer}"

    def get_absolute_url(self):
        return cached_reverse("careers:testimonials") + f"#{self.slug}"

    def natural_key(self):
        return (self.slug,)

    @property
    def place(self):
        return f"{self.town} ({self.department})"
