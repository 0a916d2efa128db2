"""Excerpts mark the matched words whatever their accents, and escape everything else.

A text shorter than an excerpt comes back whole, so these read the marking itself.
"""

from search.highlight import excerpt


def test_it_marks_accented_plural_and_capitalised_forms():
    html = excerpt("L’Éducatrice et les éducateurs ; EDUCATEUR", ("educateur",))
    assert html == (
        "L’<mark>Éducatrice</mark> et les <mark>éducateurs</mark> ; <mark>EDUCATEUR</mark>"
    )


def test_it_escapes_markup_before_marking():
    html = excerpt('<script>alert("opticien")</script> opticien', ("opticien",))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;<mark>opticien</mark>&quot;)&lt;/script&gt;" in html


def test_it_marks_a_ligature_like_its_two_letters():
    assert excerpt("les œuvres", ("oeuvre",)) == "les <mark>œuvres</mark>"


def test_the_excerpt_starts_shortly_before_the_first_match():
    text = " ".join(f"mot{n}" for n in range(50)) + " actuaires " + "fin " * 50
    html = excerpt(text, ("actuaire",))
    assert html.startswith("… ")
    assert "<mark>actuaires</mark>" in html
    assert html.endswith(" …")
