"""Writes for the staff self-assessment: the framework of statements (admin) and anonymous answers (staff)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import STAFF_ROLES
from zwerm.accounts.selectors import user_has_role
from zwerm.accounts.services import require_admin
from zwerm.core.text import clean_texts

from ..models import MirrorAnswer, MirrorParticipation, MirrorStatement

# The default framework, in neutral wording of the network-era characteristics (not quoted from anyone).
DEFAULT_STATEMENTS = [
    ("Waardengedreven", "Bij besluiten bespreken we uitdrukkelijk welke waarden van de gemeente meewegen."),
    ("Waardengedreven", "Ik kan uitleggen hoe mijn werk bijdraagt aan wat de gemeente belangrijk vindt."),
    ("Responsief", "We reageren snel en inhoudelijk op wat inwoners inbrengen."),
    ("Responsief", "Als inwoners initiatief nemen, zoeken we eerst naar wat wel kan."),
    ("Netwerkend", "In trajecten werken we samen met partijen buiten onze eigen afdeling."),
    ("Transparant", "Inwoners kunnen zien hoe een besluit tot stand kwam en wat er met hun inbreng is gedaan."),
    ("Ruimte voor professionals", "Vakkennis wordt op tijd gevraagd en serieus meegewogen."),
    (
        "Ruimte voor professionals",
        "Ik heb de ruimte om af te wijken van een vaste werkwijze als de situatie daarom vraagt.",
    ),
]


def mirror_statements_ensure_default(*, municipality, actor=None) -> None:
    """Give the municipality the default framework when it has none yet (an admin's step; the verordening's
    first version does it too)."""
    if actor is not None:
        require_admin(user=actor, municipality=municipality)
    if MirrorStatement.objects.filter(municipality=municipality).exists():
        return
    MirrorStatement.objects.bulk_create(
        MirrorStatement(municipality=municipality, characteristic=c, text=t, position=i)
        for i, (c, t) in enumerate(DEFAULT_STATEMENTS)
    )


def mirror_statement_add(*, municipality, actor, characteristic: str, text: str) -> MirrorStatement:
    require_admin(user=actor, municipality=municipality)
    values = clean_texts(
        (("characteristic", _("het kenmerk"), characteristic, 100, True), ("text", _("de stelling"), text, 300, True))
    )
    with transaction.atomic():
        last = MirrorStatement.objects.filter(municipality=municipality).aggregate(p=Max("position"))["p"]
        return MirrorStatement.objects.create(municipality=municipality, position=(last or 0) + 1, **values)


def mirror_statement_retire(*, statement: MirrorStatement, actor) -> MirrorStatement:
    require_admin(user=actor, municipality=statement.municipality)
    if statement.retired_at is not None:
        raise ValidationError(_("Deze stelling wordt al niet meer gebruikt."))
    statement.retired_at = timezone.now()
    statement.save(update_fields=["retired_at"])
    return statement


def mirror_answer(*, municipality, actor, quarter: str, scores: dict[int, int], team: str = "") -> None:
    """Store a staff member's scores anonymously: the answers carry no person; a separate row says only that
    they took part this quarter (once per quarter), written in the same transaction."""
    if not (actor.is_authenticated and user_has_role(user=actor, municipality=municipality, roles=STAFF_ROLES)):
        raise PermissionDenied(_("Alleen medewerkers van de gemeente vullen de zelfscan in."))
    statements = {s.pk: s for s in MirrorStatement.objects.filter(municipality=municipality, retired_at__isnull=True)}
    if not statements:
        raise ValidationError(_("De zelfscan heeft nog geen stellingen; een beheerder stelt ze in."))
    if set(scores) != set(statements) or any(score not in range(1, 6) for score in scores.values()):
        raise ValidationError(_("Geef bij elke stelling een antwoord van 1 tot en met 5."))
    team = clean_texts((("team", _("het team"), team, 100, False),))["team"]
    try:
        with transaction.atomic():
            MirrorParticipation.objects.create(municipality=municipality, quarter=quarter, user=actor)
            for pk, score in sorted(scores.items()):
                tally, _created = MirrorAnswer.objects.select_for_update().get_or_create(
                    municipality=municipality, quarter=quarter, statement=statements[pk], team=team, score=score
                )
                MirrorAnswer.objects.filter(pk=tally.pk).update(count=F("count") + 1)
    except IntegrityError:
        raise ValidationError(_("Je hebt de zelfscan van dit kwartaal al ingevuld.")) from None
