"""The site tells the brochure's facts in its own words: no prose field may copy a sentence.

A run of MIN_COPIED_WORDS consecutive words shared with the brochure counts as a copy. Ten
words: the longest name the site must repeat word for word, with its article, is nine once
normalised ("les directions régionales des affaires sanitaires et sociales (DRASS)"), and a
diploma box such as "bac + 5 (master pro, diplôme d'école de commerce)" is eight, while a
sentence taken over from the brochure goes past ten. Testimonial quotes are exact on purpose and
are not checked here.
"""

import re
from functools import cache

import pytest

from tests.fixture_prose import PROSE_FIELDS, brochure_text, texts

MIN_COPIED_WORDS = 10
HOME_TEMPLATE = "templates/pages/home.html"


def normalise(text, *, hyphenated_lines=False):
    """Lowercase words, apostrophes unified, punctuation dropped, whitespace collapsed.

    With hyphenated_lines, a word cut at a line end ("ins-\\ntituts") is joined first, as the
    PDF extraction of the brochure cuts them.
    """
    text = text.lower()
    text = re.sub(r"[’‘ʼ`´]", "'", text)
    if hyphenated_lines:
        text = re.sub(r"(\w)-[ \t]*\n\s*(?=\w)", r"\1", text)
    text = re.sub(r"[^\w']+", " ", text)
    # An elided article keeps its apostrophe ("d'un"); a stray one is punctuation.
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(text.split())


@cache
def brochure_words():
    return tuple(normalise(brochure_text(), hyphenated_lines=True).split())


@cache
def brochure_runs(length):
    words = brochure_words()
    return frozenset(words[i : i + length] for i in range(len(words) - length + 1))


def longest_shared_run(text):
    """The longest run of consecutive words that the text shares with the brochure."""
    words = tuple(normalise(text).split())
    best, low, high = (), 0, len(words)
    # A shared run of n words holds shared runs of every shorter length: search the length.
    while low < high:
        length = (low + high + 1) // 2
        runs = brochure_runs(length)
        found = next(
            (
                words[i : i + length]
                for i in range(len(words) - length + 1)
                if words[i : i + length] in runs
            ),
            None,
        )
        if found:
            best, low = found, length
        else:
            high = length - 1
    return " ".join(best)


def home_page_text():
    with open(HOME_TEMPLATE, encoding="utf-8") as template:
        source = template.read()
    return re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", source, flags=re.S)


def test_normalising_joins_the_brochures_line_end_hyphens():
    assert normalise("333 ins-\ntituts", hyphenated_lines=True) == "333 instituts"
    assert normalise("cor-\n\nriger", hyphenated_lines=True) == "corriger"


def test_normalising_unifies_apostrophes_and_drops_punctuation():
    assert normalise("L’AEMO, c'est « l’aide »… !") == "l'aemo c'est l'aide"
    assert normalise("30\u202f000  étudiants") == "30 000 étudiants"


def test_a_sentence_taken_from_the_brochure_is_caught():
    copied = "Les centres de gestion ont 48 heures pour rembourser un adhérent."
    assert len(longest_shared_run(copied).split()) >= MIN_COPIED_WORDS


def test_names_the_site_must_repeat_do_not_count_as_copies():
    for name in (
        "le diplôme d’État d’éducateur spécialisé",
        "les directions régionales des affaires sanitaires et sociales (DRASS)",
        "un des 333 instituts de formation en soins infirmiers (IFSI)",
        "bac + 5 (master pro, diplôme d’école de commerce)",
    ):
        assert len(longest_shared_run(name).split()) < MIN_COPIED_WORDS, name


@pytest.mark.parametrize(
    ("model", "slug", "field", "text"),
    [pytest.param(*item, id=f"{item[1]}.{item[2]}") for item in texts(PROSE_FIELDS)],
)
def test_no_prose_field_copies_a_long_run_of_the_brochure(model, slug, field, text):
    shared = longest_shared_run(text)
    assert len(shared.split()) < MIN_COPIED_WORDS, (
        f"{model} « {slug} », field {field}, copies the brochure: « {shared} »"
    )


def test_the_home_page_does_not_copy_a_long_run_of_the_brochure():
    shared = longest_shared_run(home_page_text())
    assert len(shared.split()) < MIN_COPIED_WORDS, f"{HOME_TEMPLATE} copies: « {shared} »"


def test_the_home_page_says_every_function_may_interest_young_graduates():
    # The brochure: « Toutes les grandes fonctions au sein des mutuelles (commercial,
    # marketing, gestion des marchés, des produits et des adhérents, contrôle de gestion,
    # audit, juridique) peuvent intéresser les jeunes diplômés. »
    home = normalise(home_page_text())
    for function in (
        "commercial",
        "marketing",
        "gestion des marchés",
        "des produits et des adhérents",
        "contrôle de gestion",
        "audit",
        "juridique",
    ):
        assert function in home, function
    assert "peuvent intéresser les jeunes diplômés" in home
    assert "ouvertes aux jeunes diplômés" not in home
