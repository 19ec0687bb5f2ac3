"""The questions of the short evaluation survey residents answer after a process closes: fixed, so that the
yearly report can set processes side by side. Simple Dutch (B1)."""

from dataclasses import dataclass

from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _

SCALE = "scale"
CHOICE = "choice"
AGREE = (
    ("1", _("helemaal niet mee eens")),
    ("2", _("niet mee eens")),
    ("3", _("niet eens, niet oneens")),
    ("4", _("mee eens")),
    ("5", _("helemaal mee eens")),
)


@dataclass(frozen=True)
class Question:
    key: str
    text: "str | StrPromise"
    kind: str  # SCALE (1-5, agree) or CHOICE
    choices: tuple = AGREE

    def labels(self) -> dict[str, str]:
        return {value: str(label) for value, label in self.choices}


QUESTIONS = (
    Question("knew", _("Ik wist van tevoren wat er met mijn inbreng zou gebeuren."), SCALE),
    Question("heard", _("Ik kon zeggen wat ik wilde zeggen."), SCALE),
    Question("feedback", _("Ik weet nu wat er met mijn inbreng is gedaan."), SCALE),
    Question(
        "how",
        _("Hoe deed je mee?"),
        CHOICE,
        (
            ("online", _("online")),
            ("meeting", _("op een bijeenkomst")),
            ("both", _("allebei")),
            ("other", _("op een andere manier")),
        ),
    ),
    Question(
        "again",
        _("Doe je de volgende keer weer mee?"),
        CHOICE,
        (("yes", _("ja")), ("maybe", _("misschien")), ("no", _("nee"))),
    ),
)
COMMENT_MAX = 1000
