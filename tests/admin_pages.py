"""Read admin pages the way a browser does: a form's fields as it would submit them."""

from html.parser import HTMLParser

from .html_pages import elements, page, text, texts

SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}


class FormReader(HTMLParser):
    """Collects the successful controls of each <form method="post"> of a page.

    `forms` is a list of [(name, value), …], one per form (the admin's header holds a
    logout form before the page's own).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.fields = []
        self.in_form = False
        self.select = None
        self.select_options = []
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
            self.fields = []
            self.forms.append(self.fields)
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUTS or "disabled" in attrs:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
                return
            self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs)
            self.select_options = []
        elif tag == "option" and self.select:
            self.select_options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self.select:
            name, multiple = self.select
            chosen = [value for value, selected in self.select_options if selected]
            if not chosen and not multiple and self.select_options:
                chosen = [self.select_options[0][0]]
            self.fields.extend((name, value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # HTML drops one newline right after <textarea>; browsers send CRLF line endings.
            text = text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            self.fields.append((name, text))
            self.textarea = None


EDITORS_NOTE = {
    "addition_reason": "Information vérifiée par la rédaction.",
    "addition_source": "Fiche ONISEP du diplôme",
}


def form_data(response, **changes):
    """The POST data a browser would send for the page's form, with `changes` applied.

    Takes a TestResponse of an admin add/change page; returns a dict of field name → value
    (a list for repeated names). Textareas come back with CRLF line endings, as browsers
    send them.
    """
    reader = FormReader()
    reader.feed(response.content.decode())
    data = {}
    for name, value in max(reader.forms, key=len):
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    # A new item's facts start as the editors' additions, which must say why and from what
    # source: an editor writes that note, so the helper does too unless told otherwise.
    data.update(changes)
    # The main form (prefix "") and each inline row the test fills ("pathways-3-").
    edited_rows = {name.rpartition("-")[0] + "-" for name in changes if "-" in name}
    for prefix in {"", *edited_rows}:
        added = any(
            name.startswith(prefix)
            and "-" not in name.removeprefix(prefix)
            and name.endswith("source")
            and value == "ajout"
            for name, value in data.items()
        )
        for name, value in EDITORS_NOTE.items():
            field = prefix + name
            if added and data.get(field) == "" and field not in changes:
                data[field] = value
    return {name: value for name, value in data.items() if value is not None}


def post_form(client, url, **changes):
    """GET an admin form at `url`, then POST it back as a browser would, with `changes`.

    A change whose value is None removes the field (an unticked checkbox)."""
    page = client.get(url)
    assert page.status_code == 200, f"{url}: HTTP {page.status_code}"
    return client.post(url, form_data(page, **changes))


def error_note(response):
    """The text of the admin's "Please correct the errors below" note, None when absent."""
    notes = texts(page(response), "p", class_="errornote")
    return notes[0] if notes else None


def error_messages(response):
    """Every message an admin form shows in its error lists (field, row and form errors),
    in page order."""
    return [
        text(item)
        for errors in elements(page(response), "ul", class_="errorlist")
        for item in elements(errors, "li")
    ]


def admin_messages(response):
    """The messages the admin shows at the top of the page (success, warning, error)."""
    return [
        text(item)
        for messages in elements(page(response), "ul", class_="messagelist")
        for item in elements(messages, "li")
    ]
