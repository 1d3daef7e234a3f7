"""Marking user-visible text below the UI, without importing Qt.

Services and rules raise errors whose messages a person reads. They are written
in English and marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects
them; the window translates them with ``QCoreApplication.translate`` when it
shows them (see ``shopdesk.ui.messages``). The command line prints the English.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, lupdate looks for it
    return text


class Text:
    """A translatable message with named placeholders, filled after translation."""

    __slots__ = ("context", "source", "params")

    def __init__(self, context: str, source: str, **params):
        self.context = context
        self.source = source
        self.params = params

    def render(self, translate=None) -> str:
        template = translate(self.context, self.source) if translate else self.source
        for text in (template, self.source):
            try:
                return text.format(**self.params)
            except (KeyError, IndexError, ValueError):
                continue
        return self.source  # a placeholder without its value: show the words rather than fail

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.source!r}, {self.params!r})"


def catalogue(language: str):
    """``translate(context, source)`` for ``language`` without Qt (receipts, command line).

    Reads the same catalogue the window uses (resources/i18n/shopdesk_<lang>.ts);
    an untranslated or unknown text comes back as its English source.
    """
    if language == "en":
        return lambda context, source: source
    table = _load_catalogue(language)
    return lambda context, source: table.get((context, source), source)


_catalogues: dict[str, dict[tuple[str, str], str]] = {}


def _load_catalogue(language: str) -> dict[tuple[str, str], str]:
    if language not in _catalogues:
        import xml.etree.ElementTree as ET

        from shopdesk.config import resources_dir

        table: dict[tuple[str, str], str] = {}
        path = resources_dir() / "i18n" / f"shopdesk_{language}.ts"
        if path.exists():
            for context in ET.parse(path).getroot().iter("context"):
                name = context.findtext("name")
                for message in context.iter("message"):
                    translation = message.find("translation")
                    if translation is not None and translation.text and translation.get("type") != "unfinished":
                        table[(name, message.findtext("source"))] = translation.text
        _catalogues[language] = table
    return _catalogues[language]
