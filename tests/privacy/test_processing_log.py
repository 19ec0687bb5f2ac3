"""The processing log: staff access to personal data and staff actions, as JSON lines in the shape of the
Logboek Dataverwerkingen standard, in order of time, with stable ids and without names or addresses."""

import io
import json

from django.core.management import call_command

from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.initiatives import services as initiatives
from zwerm.privacy.services import personal_data_access_log


def test_accesses_and_staff_actions_come_out_as_logboek_records(
    municipality, published, moderator, make_staff, resident, other_resident
):
    personal_data_access_log(
        municipality=municipality,
        staff=moderator,
        scope=f"initiative:{published.pk}",
        what="Contactgegevens van de indiener",
        purpose="contact",
        explanation="",
        path=f"/initiatieven/{published.pk}/contact",
    )
    initiatives.moderation_hide(moderator=moderator, initiative=published, reason="Buiten de huisregels.")
    admin = make_staff(Role.ADMIN)
    accounts.role_grant(actor=admin, municipality=municipality, user=other_resident, role=Role.MODERATOR)
    accounts.role_revoke(actor=admin, municipality=municipality, user=other_resident, role=Role.MODERATOR)

    out = io.StringIO()
    call_command("processing_log", "--municipality", municipality.slug, stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    names = [r["name"] for r in records]
    assert "personal_data.view" in names and "moderation.hide" in names and "role.grant" in names
    assert "initiative.status_change" in names  # the moderator published it (builders.published)
    assert [r["start_time"] for r in records] == sorted(r["start_time"] for r in records)

    view = next(r for r in records if r["name"] == "personal_data.view")
    assert len(view["trace_id"]) == 32 and len(view["operation_id"]) == 16
    assert view["status_code"] == "STATUS_CODE_OK"
    assert view["attributes"]["dpl.core.processing_activity_id"].endswith("#contact")
    assert view["attributes"]["zwerm.actor_id"] == moderator.pk
    assert view["resource"]["attributes"]["zwerm.municipality"] == municipality.cbs_code
    grant = next(r for r in records if r["name"] == "role.grant")
    assert grant["attributes"]["zwerm.actor_id"] == admin.pk and grant["attributes"]["zwerm.role"] == "moderator"
    revoke = next(r for r in records if r["name"] == "role.revoke")  # the grant stays on record after it
    assert revoke["attributes"]["zwerm.actor_id"] == admin.pk and revoke["start_time"] >= grant["start_time"]

    text = out.getvalue()
    for person in (moderator, admin, resident, other_resident):
        assert person.email not in text and person.display_name not in text

    again = io.StringIO()
    call_command("processing_log", "--municipality", municipality.cbs_code, stdout=again)
    assert again.getvalue() == text  # stable ids: a SIEM can deduplicate a repeated export

    later = io.StringIO()
    call_command("processing_log", "--municipality", municipality.slug, "--since", "2999-01-01", stdout=later)
    assert later.getvalue() == ""
