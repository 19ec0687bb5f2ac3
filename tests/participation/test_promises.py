"""The verordening as configuration, each process's promise against it, and the input decisions cite."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tests.foundation.builders import staff_login
from tests.processes.conftest import record_decision
from zwerm.core.models import AppendOnlyError
from zwerm.core.personal_data import registry
from zwerm.participation import selectors, services
from zwerm.participation.models import Bylaw, Promise, WeighedInput

from .conftest import RULES, get, post, record_bylaw


def promise_fields(bylaw, **overrides):
    fields = {
        "rule": bylaw.rules.get(name="Ruimtelijke plannen"),
        "level": "advise",
        "fixed": "Het budget en de plek liggen vast.",
        "open": "De inrichting van het plein.",
        "decides": "Het college",
        "decides_on": datetime.date(2027, 3, 1),
        "feedback": "Een bericht aan iedereen die meedeed, en een bijeenkomst.",
    }
    fields.update(overrides)
    return fields


def test_a_new_version_of_the_verordening_keeps_the_old_one_and_its_dates(municipality, admin, bylaw):
    second = record_bylaw(municipality, admin, title="Verordening 2028", valid_from=datetime.date(2028, 1, 1))
    assert (bylaw.version, second.version) == (1, 2)
    assert selectors.bylaw_current(municipality=municipality) == second
    old = selectors.bylaw_get(municipality=municipality, version=1)
    assert old.title == "Participatieverordening Testdam" and old.valid_from == datetime.date(2027, 1, 1)
    assert [r.name for r in old.rules.all()] == [r.name for r in RULES]
    with pytest.raises(AppendOnlyError):
        old.save()


def test_a_version_cannot_start_before_the_previous_one(municipality, admin, bylaw):
    with pytest.raises(ValidationError, match="niet eerder ingaan"):
        record_bylaw(municipality, admin, valid_from=datetime.date(2026, 6, 1))
    assert Bylaw.objects.count() == 1


def test_only_an_admin_records_the_verordening(municipality, lead):
    with pytest.raises(PermissionDenied):
        record_bylaw(municipality, lead)


def test_the_verordening_needs_a_rule_with_a_phase(municipality, admin):
    with pytest.raises(ValidationError, match="minstens één fase"):
        record_bylaw(municipality, admin, rules=[services.RuleInput(name="Beleid", minimum_level="consult", phases=())])
    assert not Bylaw.objects.exists()


def test_a_promise_below_the_minimum_needs_a_reason(process, lead, bylaw):
    with pytest.raises(ValidationError, match="minstens 'adviseren'"):
        services.promise_record(process=process, actor=lead, **promise_fields(bylaw, level="consult"))
    assert not Promise.objects.exists()
    promise = services.promise_record(
        process=process,
        actor=lead,
        **promise_fields(bylaw, level="consult", below_minimum_reason="De wet laat hier weinig ruimte."),
    )
    assert promise.is_below_minimum


def test_a_changed_promise_keeps_the_earlier_one(process, lead, bylaw):
    first = services.promise_record(process=process, actor=lead, **promise_fields(bylaw))
    second = services.promise_record(process=process, actor=lead, **promise_fields(bylaw, level="coproduce"))
    assert selectors.promise_current(process=process) == second
    assert list(selectors.promise_history(process=process)) == [second, first]
    assert second.below_minimum_reason == ""


def test_another_lead_cannot_make_the_promise(process, other_lead, bylaw):
    with pytest.raises(PermissionDenied):
        services.promise_record(process=process, actor=other_lead, **promise_fields(bylaw))


def test_a_decision_cites_input_from_its_own_process_once(process, lead, values, survey_placement):
    decision = record_decision(process, lead, values)
    services.weighed_input_cite(decision=decision, placement=survey_placement, actor=lead, how="De wens voor bankjes.")
    with pytest.raises(ValidationError, match="al"):
        services.weighed_input_cite(decision=decision, placement=survey_placement, actor=lead, how="Nog eens.")
    cited = selectors.weighed_input_by_decision(process=process)[decision.pk]
    assert [(c.label, c.how) for c in cited] == [("Wat vind jij?", "De wens voor bankjes.")]
    assert cited[0].url.startswith(f"/trajecten/{process.slug}/")
    assert WeighedInput.objects.count() == 1


def test_the_promise_and_the_weighed_input_show_at_the_top_of_the_public_page(
    process, lead, bylaw, values, survey_placement
):
    services.promise_record(
        process=process,
        actor=lead,
        **promise_fields(bylaw, level="inform", below_minimum_reason="Kosten & baten liggen vast."),
    )
    decision = record_decision(process, lead, values, title="Bankjes erbij")
    services.weighed_input_cite(
        decision=decision, placement=survey_placement, actor=lead, how="Veel mensen vroegen erom."
    )
    page = get(Client(), process.get_absolute_url()).content.decode()
    promise_at = page.index("Onze participatiebelofte")
    assert promise_at < page.index("Volgers")
    assert "Informeren" in page and "minstens: adviseren" in page
    assert "Kosten &amp; baten liggen vast." in page
    assert "Besluit 'Bankjes erbij'" in page and "Veel mensen vroegen erom." in page
    assert f'href="{selectors.weighed_input_by_decision(process=process)[decision.pk][0].url}"' in page
    assert "Participatiebelofte vastleggen" not in page


def test_without_a_promise_the_public_page_shows_no_section(process):
    page = get(Client(), process.get_absolute_url()).content.decode()
    assert "participatiebelofte" not in page.lower()


def test_the_admin_records_a_version_through_the_form(admin_client, municipality):
    data = {
        "title": "Verordening",
        "valid_from": "2027-01-01",
        "text": "Artikel 1.",
        "weighing": "Zo wegen we.",
        "response_days": "21",
        "challenge_criteria": "Haalbaar.",
        "challenge_receipt_days": "5",
        "challenge_complete_days": "28",
        "challenge_decision_days": "84",
        "evaluation_days": "90",
        "rule_0_name": "Beleid",
        "rule_0_level": "consult",
        "rule_0_phases": ["preparation", "evaluation"],
        "rule_1_level": "advise",
    }
    response = post(admin_client, "/participatie/beheer/verordening", data)
    assert response.status_code == 400
    assert "Geef deze soort besluit een naam" in response.content.decode()
    assert not Bylaw.objects.exists()
    del data["rule_1_level"]
    response = post(admin_client, "/participatie/beheer/verordening", data)
    assert response.status_code == 302
    page = get(Client(), "/participatie/").content.decode()
    assert "Beleid" in page and "voorbereiding, evaluatie" in page and "raadplegen" in page


def test_the_lead_records_the_promise_through_the_form(lead_client, process, bylaw):
    rule = bylaw.rules.get(name="Buurtbudget")
    data = {
        "rule": rule.pk,
        "level": "advise",
        "fixed": "Het bedrag.",
        "open": "De projecten.",
        "decides": "De raad",
        "feedback": "Per e-mail.",
    }
    url = f"/participatie/trajecten/{process.slug}/belofte"
    response = post(lead_client, url, data)
    assert response.status_code == 400
    assert "minstens &#x27;meebeslissen&#x27;" in response.content.decode()
    assert not Promise.objects.exists()
    response = post(lead_client, url, {**data, "below_minimum_reason": "De raad houdt het laatste woord."})
    assert response.status_code == 302 and response["Location"] == process.get_absolute_url()
    page = get(lead_client, process.get_absolute_url()).content.decode()
    assert "De raad houdt het laatste woord." in page and "Participatiebelofte wijzigen" in page


def test_residents_and_other_leads_cannot_open_the_promise_form(other_lead, process, bylaw):
    client = staff_login(Client(), other_lead)
    assert get(client, f"/participatie/trajecten/{process.slug}/belofte").status_code == 403
    anonymous = get(Client(), f"/participatie/trajecten/{process.slug}/belofte")
    assert anonymous.status_code == 302


def test_the_personal_data_download_lists_what_a_lead_recorded(process, lead, bylaw):
    services.promise_record(process=process, actor=lead, **promise_fields(bylaw))
    provider = next(p for p in registry.providers() if p.key == "participation")
    assert len(provider.export(lead)["beloften_vastgelegd"]) == 1
