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
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.source.format(**self.params)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.source!r}, {self.params!r})"
