"""The staff start page (/medewerkers): per role, the open work with its count and the way to it.

Every count comes from the selectors of the app that owns the work; this module only decides which cards
a person's roles show and how they are worded."""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import STAFF_ROLES, Role
from zwerm.accounts.selectors import user_roles
from zwerm.budgets.selectors import budget_to_publish_count
from zwerm.council.selectors import council_open_work
from zwerm.dialogues.selectors import dialogue_list_with_pending
from zwerm.initiatives.selectors import flag_open_count, initiative_submitted_count
from zwerm.processes.selectors import ADVICE_LATE, ADVICE_OPEN, advice_request_waiting_counts, process_list_led_by
from zwerm.sensing.selectors import alert_recent_count


@dataclass(frozen=True)
class WorkCard:
    """One kind of open work: how much waits, what it is, where to do it."""

    icon: str
    title: str
    count: int
    url: str
    action: str
    note: str = ""
    urgent: bool = False  # something is late: the card says so


def _moderation(municipality) -> list[WorkCard]:
    dialogues = list(dialogue_list_with_pending(municipality=municipality)[:5])
    cards = [
        WorkCard(
            icon="flag",
            title=_("Meldingen van inwoners"),
            count=flag_open_count(municipality=municipality),
            url=reverse("initiatives:moderation"),
            action=_("Naar de moderatie"),
            note=_("Initiatieven en reacties die iemand meldde."),
        ),
        WorkCard(
            icon="message-check",
            title=_("Stellingen om te beoordelen"),
            count=sum(getattr(d, "pending", 0) for d in dialogues),  # annotated by the selector
            url=reverse("dialogues:moderation", args=[dialogues[0].pk]) if dialogues else reverse("dialogues:list"),
            action=_("Stellingen beoordelen"),
            note=", ".join(d.title for d in dialogues),
        ),
    ]
    return cards


def _initiatives(municipality) -> WorkCard:
    return WorkCard(
        icon="bulb",
        title=_("Ingediende initiatieven"),
        count=initiative_submitted_count(municipality=municipality),
        url=reverse("initiatives:staff_list"),
        action=_("Initiatieven afhandelen"),
        note=_("Wachten op publicatie of een reactie van de gemeente."),
    )


def _advice(counts: dict[str, int], *, title: str, url: str, action: str) -> WorkCard:
    late = counts[ADVICE_LATE]
    note = _("Waarvan %(late)s te laat.") % {"late": late} if late else _("Geen enkele te laat.")
    return WorkCard(
        icon="clipboard-text",
        title=title,
        count=counts[ADVICE_OPEN] + late,
        url=url,
        action=action,
        note=note,
        urgent=late > 0,
    )


def cards_for(*, municipality, user, roles: set) -> list[tuple[str, list[WorkCard]]]:
    """The sections of the start page, in the order a person with these roles needs them."""
    admin = Role.ADMIN in roles
    sections: list[tuple[str, list[WorkCard]]] = []
    if admin or Role.MODERATOR in roles:
        sections.append((_("Moderatie"), [*_moderation(municipality), _initiatives(municipality)]))
    elif Role.PROCESS_LEAD in roles:
        sections.append((_("Initiatieven"), [_initiatives(municipality)]))
    lead = admin or Role.PROCESS_LEAD in roles
    member = Role.COUNCIL_MEMBER in roles
    if lead:
        led = process_list_led_by(municipality=municipality, user=user)
        work = council_open_work(municipality=municipality, user=user, lead=True, member=member)
        sections.append(
            (
                _("Trajecten"),
                [
                    _advice(
                        advice_request_waiting_counts(municipality=municipality, processes=led),
                        title=_("Gevraagd advies dat nog komt"),
                        url=reverse("processes:workspace"),
                        action=_("Naar mijn trajecten"),
                    ),
                    WorkCard(
                        icon="send",
                        title=_("Rapportages om te versturen"),
                        count=work.reports_to_send,
                        url=reverse("council:district_reports"),
                        action=_("Naar de rapportages"),
                        note=_("Voortgangs- en wijkrapportages die nog niet naar de raad zijn."),
                    ),
                    WorkCard(
                        icon="help-circle",
                        title=_("Vragen van de raad"),
                        count=work.open_questions,
                        url=reverse("council:dashboard"),
                        action=_("Vragen beantwoorden"),
                        note=_("Nog niet beantwoord."),
                    ),
                    WorkCard(
                        icon="coins",
                        title=_("Buurtbudgetten om te tellen"),
                        count=budget_to_publish_count(municipality=municipality, user=user),
                        url=reverse("budgets:list"),
                        action=_("Naar de buurtbudgetten"),
                        note=_("Het stemmen is gesloten; tel de stemmen en publiceer de uitslag."),
                    ),
                ],
            )
        )
    if admin or Role.SPECIALIST in roles:
        sections.append(
            (
                _("Advies"),
                [
                    _advice(
                        advice_request_waiting_counts(municipality=municipality, specialist=user),
                        title=_("Adviesaanvragen aan jou"),
                        url=reverse("processes:my_advice"),
                        action=_("Naar mijn adviesaanvragen"),
                    )
                ],
            )
        )
    if member:
        work = council_open_work(municipality=municipality, user=user, lead=False, member=True)
        sections.append(
            (
                _("Raad"),
                [
                    WorkCard(
                        icon="alert-triangle",
                        title=_("Trajecten bij of buiten hun kaders"),
                        count=work.kaders_at_risk,
                        url=reverse("council:dashboard"),
                        action=_("Naar het raadsoverzicht"),
                        note=_("Budget bijna op of overschreden, deadline dichtbij of verstreken."),
                        urgent=work.kaders_at_risk > 0,
                    ),
                    WorkCard(
                        icon="help-circle",
                        title=_("Jouw vragen zonder antwoord"),
                        count=work.open_questions,
                        url=reverse("council:dashboard"),
                        action=_("Naar het raadsoverzicht"),
                    ),
                ],
            )
        )
    sections.append(
        (
            _("Signalen"),
            [
                WorkCard(
                    icon="activity",
                    title=_("Signalen van de afgelopen 4 weken"),
                    count=alert_recent_count(municipality=municipality),
                    url=reverse("sensing:dashboard"),
                    action=_("Naar wat er speelt"),
                    note=_("Thema's die opkomen of pieken in een wijk."),
                )
            ],
        )
    )
    return sections


@role_required(*STAFF_ROLES)
@require_GET
def staff_home(request):
    municipality = request.municipality
    roles = user_roles(user=request.user, municipality=municipality)
    sections = cards_for(municipality=municipality, user=request.user, roles=roles)
    role_names = [Role(r).label for r in Role if r in roles]
    return render(request, "web/staff_home.html", {"sections": sections, "role_names": role_names})
