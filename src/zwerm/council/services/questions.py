"""Written questions from council members, answered on the record by the process lead."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.text import clean_text

from ..models import TEXT_MAX, CouncilFollow, Question
from .checks import require_council_member, require_process_manager


def question_ask(*, process, asker, text: str) -> Question:
    """A council member asks the process lead a written question."""
    require_council_member(user=asker, process=process)
    text = clean_text(text, field_label=_("de vraag"), max_length=TEXT_MAX)
    with transaction.atomic():
        return Question.objects.create(process=process, asker=asker, text=text)


def question_answer(*, question: Question, actor, answer: str) -> Question:
    """The process lead answers; the answer is final (a second answer is refused)."""
    require_process_manager(user=actor, process=question.process)
    answer = clean_text(answer, field_label=_("het antwoord"), max_length=TEXT_MAX)
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.answered_at is not None:
            raise ValidationError(
                _("Deze vraag is al beantwoord. Een antwoord is definitief en kan niet worden gewijzigd.")
            )
        now = timezone.now()
        Question.objects.filter(pk=locked.pk).update(answer=answer, answered_by=actor, answered_at=now)
    question.answer, question.answered_by, question.answered_at = answer, actor, now
    return question


def council_follow(*, process, member) -> CouncilFollow:
    """A council member follows a process on the dashboard; following twice is harmless."""
    require_council_member(user=member, process=process)
    with transaction.atomic():
        follow, _created = CouncilFollow.objects.get_or_create(process=process, member=member)
    return follow


def council_unfollow(*, process, member) -> None:
    require_council_member(user=member, process=process)
    CouncilFollow.objects.filter(process=process, member=member).delete()
