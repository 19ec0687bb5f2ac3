"""Setting up a dialogue, and the statements participants write."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.masking import public_copy
from zwerm.core.tasks import enqueue_on_commit
from zwerm.core.text import clean_text
from zwerm.sensing.services import text_ingest_later
from zwerm.sensing.services.personal_data import text_forget

from ..anonymity import day, statement_author_key
from ..models import CONTEXT_MAX, QUESTION_MAX, STATEMENT_MAX, Dialogue, Participant, Statement
from .analysis import analysis_request
from .checks import require_dialogue_staff
from .masking import statement_mask


def dialogue_create(
    *,
    author,
    municipality,
    title: str,
    question: str,
    context: str = "",
    moderation: str = "before",
    opens_at=None,
    closes_at=None,
    allow_anonymous: bool = False,
    ask_district: bool = True,
    anonymous_votes: bool = False,
    seed_statements: list[str] = (),
) -> Dialogue:
    """A new dialogue with its seed statements (visible at once: the organisers wrote them)."""
    require_dialogue_staff(user=author, municipality=municipality)
    errors = {}
    values = {}
    for name, label, value, limit in (
        ("title", _("de titel"), title, 200),
        ("question", _("de vraag"), question, QUESTION_MAX),
        ("context", _("de achtergrond"), context, CONTEXT_MAX),
    ):
        try:
            values[name] = clean_text(
                value, field_label=label, max_length=limit, required=name != "context", single_line=name == "title"
            )
        except ValidationError as error:
            errors[name] = error.messages
    if moderation not in Dialogue.Moderation.values:
        errors["moderation"] = [_("Kies hoe stellingen worden gemodereerd.")]
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = [_("De sluitingsdatum moet na de openingsdatum liggen.")]
    seeds = []
    for line, text in enumerate(seed_statements, start=1):
        try:
            seeds.append(clean_text(text, field_label=_("stelling %(n)d") % {"n": line}, max_length=STATEMENT_MAX))
        except ValidationError as error:
            errors.setdefault("seed_statements", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    extra = {"opens_at": opens_at} if opens_at else {}
    with transaction.atomic():
        dialogue = Dialogue.objects.create(
            municipality=municipality,
            created_by=author,
            moderation=moderation,
            closes_at=closes_at,
            allow_anonymous=allow_anonymous,
            ask_district=ask_district,
            anonymous_votes=bool(anonymous_votes),
            **values,
            **extra,
        )
        for text in seeds:
            _statement(dialogue=dialogue, author=None, text=text, status=Statement.Status.APPROVED, is_seed=True)
    return dialogue


def _statement(*, dialogue, author, text, status, is_seed=False, is_meta=False, external_id=None) -> Statement:
    public = public_copy(text)
    extra = {}
    if dialogue.anonymous_votes:  # no author participant and the day only: the statement's time is no clue
        extra = {"created_at": day()}
        if author is not None:
            extra["author_key"] = statement_author_key(dialogue_id=dialogue.pk, pseudonym=author.pseudonym)
            author = None
    statement = Statement.objects.create(
        **extra,
        dialogue=dialogue,
        author=author,
        text=text,
        public_text=public.texts[0],
        masked_kinds=public.kinds,
        masking_pending=public.pending,
        status=status,
        is_seed=is_seed,
        is_meta=is_meta,
        external_id=external_id,
    )
    if public.pending:
        enqueue_on_commit(statement_mask, statement_id=statement.pk)
    return statement


def statement_submit(*, participant: Participant, text: str) -> Statement:
    """A participant adds a statement: checked for personal data; shown at once or after moderation."""
    dialogue = participant.dialogue
    if not dialogue.is_open():
        raise ValidationError(_("Deze dialoog is gesloten; je kunt geen stellingen meer toevoegen."))
    text = clean_text(text, field_label=_("je stelling"), max_length=STATEMENT_MAX)
    if dialogue.statements.filter(text__iexact=text).exists():
        raise ValidationError(_("Deze stelling staat er al."))
    status = Statement.Status.APPROVED if dialogue.moderation == Dialogue.Moderation.AFTER else Statement.Status.PENDING
    statement = _statement(dialogue=dialogue, author=participant, text=text, status=status)
    text_ingest_later(channel="statement", source_id=statement.pk, municipality_id=dialogue.municipality_id)
    return statement


def statement_moderate(*, moderator, statement: Statement, approve: bool, reason: str = "") -> Statement:
    require_dialogue_staff(user=moderator, municipality=statement.dialogue.municipality)
    if not approve:
        reason = clean_text(reason, field_label=_("de reden"), max_length=500)
    was_rejected = statement.status == Statement.Status.REJECTED
    statement.status = Statement.Status.APPROVED if approve else Statement.Status.REJECTED
    statement.moderation_reason = reason
    with transaction.atomic():
        statement.save(update_fields=["status", "moderation_reason"])
        analysis_request(dialogue_id=statement.dialogue_id)
        # A rejected statement no longer counts in sensing's figures (the public picture changes at once).
        if approve:
            if was_rejected:  # (a pending statement is in sensing since it was written)
                text_ingest_later(
                    channel="statement", source_id=statement.pk, municipality_id=statement.dialogue.municipality_id
                )
        else:
            text_forget(
                municipality_id=statement.dialogue.municipality_id, channel="statement", source_ids=[statement.pk]
            )
    return statement
