from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from .text import phrase, words


class DocumentKind(models.TextChoices):
    # The order of the result groups on the page.
    CAREER = "metier", "Métiers"
    DIPLOMA = "formation", "Formations"
    TESTIMONIAL = "temoignage", "Témoignages"


KIND_ORDER = {kind: position for position, kind in enumerate(DocumentKind)}


class Place(models.IntegerChoices):
    """Where a word stands in a document, as the score it adds to the document's rank: a
    word of the title weighs 4, of the lead 2, of the rest 1 (see engine.py)."""

    TITLE = 4, "titre"
    LEAD = 2, "chapô"
    BODY = 1, "texte"


class SearchDocument(models.Model):
    """One published job, diploma or testimonial, flattened for search.

    Rows are derived data, rewritten by signals and by `rebuild_search_index`; editors never
    touch them. What is matched is the document's postings (SearchPosting), not its text:
    the text is kept for the excerpts shown on the results page.
    """

    kind = models.CharField("type", max_length=12, choices=DocumentKind)
    object_id = models.PositiveBigIntegerField("identifiant de l'objet")
    url = models.CharField("adresse", max_length=300)
    title = models.CharField("titre", max_length=300)
    meta = models.CharField("précisions", max_length=300, blank=True)
    # The text a reader sees on the page the hit leads to: excerpts are cut from it.
    lead = models.TextField("chapô", blank=True)
    body = models.TextField("texte", blank=True)
    # Documents of equal rank come in the order of this number (text.title_key), then of
    # their id, on every database.
    title_key = models.BigIntegerField("clé de tri du titre")
    # A job's entry level in years after the bac (0, 2, 3, 4, 5); empty for other kinds.
    level = models.PositiveSmallIntegerField("niveau d'accès", null=True, blank=True)

    class Meta:
        verbose_name = "document de recherche"
        verbose_name_plural = "documents de recherche"
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="search_document_kind_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "title_key", "level", "id"], name="search_doc_level")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.title}"

    def get_absolute_url(self):
        return self.url

    @property
    def text(self):
        return f"{self.lead}\n\n{self.body}".strip()


class SearchPosting(models.Model):
    """One stem of one document, with its best place there: the inverted index.

    The same narrow table, the same SQL and the same stemmer on SQLite and on PostgreSQL,
    so both databases find the same documents in the same order. A query reads only the
    postings of its stems (an index range per stem), never a document's text.
    """

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="+")
    stem = models.CharField("racine", max_length=60)
    # The document's first form of the stem in alphabetical order: what a correction shows.
    word = models.CharField("mot", max_length=60)
    score = models.PositiveSmallIntegerField("place", choices=Place)
    # Copied from the document: matches are counted, narrowed by level, ranked and turned
    # into objects from this table alone, whose index holds them in rank order.
    kind = models.CharField("type", max_length=12, choices=DocumentKind)
    object_id = models.PositiveBigIntegerField("identifiant de l'objet")
    level = models.PositiveSmallIntegerField("niveau d'accès", null=True, blank=True)
    title_key = models.BigIntegerField("clé de tri du titre")

    class Meta:
        verbose_name = "entrée de l'index"
        verbose_name_plural = "entrées de l'index"
        constraints = [
            models.UniqueConstraint(fields=["stem", "document"], name="search_posting_unique"),
            models.CheckConstraint(
                condition=models.Q(score__in=Place.values), name="search_posting_score_valid"
            ),
        ]
        indexes = [
            # A stem's postings in rank order, each kind apart: a query reads only these.
            models.Index(
                fields=["stem", "kind", "-score", "title_key", "document", "object_id", "level"],
                name="search_posting_rank",
            ),
            # The cascade when a document is rewritten.
            models.Index(fields=["document"], name="search_posting_document"),
        ]

    def __str__(self):
        return f"{self.stem} ({self.get_score_display()})"


class SearchWord(models.Model):
    """The vocabulary of the index: what a misspelt query word may be corrected to.

    One row per stem, with a word a reader would recognise and the number of documents
    that contain it; recomputed with the postings, so it is never stale.
    """

    stem = models.CharField("racine", max_length=60, unique=True)
    word = models.CharField("mot", max_length=60)
    length = models.PositiveSmallIntegerField("longueur de la racine")
    frequency = models.PositiveIntegerField("nombre de documents")

    class Meta:
        verbose_name = "mot de l'index"
        verbose_name_plural = "mots de l'index"
        ordering = ["stem"]
        indexes = [models.Index(fields=["length", "stem"], name="search_word_length")]

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """A word people type and the guide's own words for it, kept by the editors.

    A document that contains `formal` is found by `typed` too; `both_ways` makes the
    reverse true as well (abbreviations: "BTS" and "brevet de technicien supérieur").
    Saving, changing or deleting a row recomputes the search index.
    """

    typed = models.CharField(
        "ce que l'on tape",
        max_length=100,
        help_text="Le mot ou l'expression des élèves, par exemple « alternance » ou « BTS ».",
    )
    formal = models.CharField(
        "ce que dit le guide",
        max_length=200,
        help_text="Le mot ou l'expression du guide qu'il désigne, par exemple "
        "« apprentissage » ou « brevet de technicien supérieur ».",
    )
    both_ways = models.BooleanField(
        "dans les deux sens",
        default=False,
        help_text="Cochez pour une abréviation et sa forme longue : chacune trouve l'autre.",
    )
    note = models.CharField(
        "remarque", max_length=200, blank=True, help_text="Pourquoi ce synonyme (facultatif)."
    )

    class Meta:
        verbose_name = "synonyme"
        verbose_name_plural = "synonymes"
        ordering = [Lower("typed"), Lower("formal")]
        constraints = [
            models.UniqueConstraint(
                Lower("typed"),
                Lower("formal"),
                name="search_synonym_unique",
                violation_error_message="Ce synonyme existe déjà.",
            ),
            models.CheckConstraint(
                condition=~models.Q(typed="") & ~models.Q(formal=""),
                name="search_synonym_not_empty",
                violation_error_message="Remplissez les deux expressions.",
            ),
        ]

    def __str__(self):
        arrow = "↔" if self.both_ways else "→"
        return f"{self.typed} {arrow} {self.formal}"

    def clean(self):
        # The index matches words: a phrase with no letter or digit could never be found.
        for field in ("typed", "formal"):
            value = getattr(self, field)
            if value and not words(value):
                raise ValidationError({field: "Saisissez au moins un mot (lettres ou chiffres)."})
        # The index reads words: "ophtalmo." and "Ophtalmo" are the same synonym.
        same = [
            other.pk
            for other in Synonym.objects.exclude(pk=self.pk)
            if (phrase(other.typed), phrase(other.formal))
            == (phrase(self.typed), phrase(self.formal))
        ]
        if same:
            raise ValidationError("Ce synonyme existe déjà.")
        if self.typed and self.formal and phrase(self.typed) == phrase(self.formal):
            raise ValidationError(
                {"formal": "Les deux expressions sont identiques, aux accents près."}
            )
