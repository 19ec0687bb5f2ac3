"""A moderator works the queues in a real browser, with axe-core (WCAG 2.1 A/AA) on every page on the way:
hide a reported initiative with a reason, restore it, publish a submitted one, judge a dialogue statement.

One test, so the municipality (tests/browser/worlds.py) is built once; screenshots are
test-artifacts/screenshots/moderator-NN-<step>.png."""

from playwright.sync_api import expect

from zwerm.dialogues import services as dialogues
from zwerm.initiatives.models import Initiative, ModerationAction, StatusChange


def test_a_moderator_hides_restores_and_publishes(staff_page, url, audit, world):
    page = staff_page(world.staff["moderator"])
    number = iter(range(1, 100))

    def check(name):
        audit.check(page, f"moderator-{next(number):02d}-{name}")

    check("staff-home")

    # The queue: the reported initiative, hidden with a reason the author will see.
    flags = page.locator(".zwerm-work", has=page.get_by_role("heading", name="Meldingen van inwoners"))
    expect(flags.locator(".zwerm-work__count")).to_have_attribute("data-count", "1")
    flags.get_by_role("link", name="Naar de moderatie").click()
    page.wait_for_url("**/initiatieven/beheer/moderatie")
    expect(page.get_by_text("Dit beschuldigt een buurman zonder bewijs.")).to_be_visible()
    check("moderation-queue")
    page.get_by_label("Reden om te verbergen (de indiener ziet deze)").fill("Beschuldigt iemand zonder bewijs.")
    page.get_by_role("button", name="Verbergen").click()
    page.wait_for_url("**/initiatieven/beheer/moderatie")
    expect(page.get_by_text("Er zijn geen open meldingen.")).to_be_visible()
    check("moderation-queue-hidden")
    flagged = Initiative.objects.get(pk=world.flagged.pk)
    assert flagged.is_hidden and flagged.hidden_reason == "Beschuldigt iemand zonder bewijs."

    # Restored from its own page, again with a reason; the history keeps both.
    page.get_by_role("link", name=world.flagged.title).click()
    check("initiative-hidden")
    page.get_by_label("Reden om terug te zetten").fill("De indiener heeft de tekst aangepast.")
    page.get_by_role("button", name="Terugzetten").click()
    expect(page.get_by_label("Reden om te verbergen (de indiener ziet deze)")).to_be_visible()
    check("initiative-restored")
    assert not Initiative.objects.get(pk=world.flagged.pk).is_hidden
    assert list(
        ModerationAction.objects.filter(initiative=world.flagged).order_by("pk").values_list("action", flat=True)
    ) == ["hide", "restore"]

    # Publishing a submitted initiative: without an explanation it is refused, with one it is public.
    page.goto(url("/initiatieven/beheer/lijst"))
    check("staff-initiative-list")
    page.get_by_role("link", name=world.submitted.title).click()
    check("initiative-submitted")
    page.get_by_label("Nieuwe status").select_option(label="gepubliceerd")
    with page.expect_navigation():
        page.get_by_role("button", name="Status wijzigen").click()
    expect(page.locator(".zwerm-messages [role=alert]")).to_be_visible()
    assert Initiative.objects.get(pk=world.submitted.pk).status == "submitted"
    check("initiative-status-errors")
    page.get_by_label("Nieuwe status").select_option(label="gepubliceerd")
    page.get_by_label("Toelichting voor de indiener en volgers").fill("Past binnen de spelregels. Succes!")
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_text("Past binnen de spelregels. Succes!").first).to_be_visible()
    check("initiative-published")
    assert Initiative.objects.get(pk=world.submitted.pk).status == "published"
    assert StatusChange.objects.filter(initiative=world.submitted, to_status="published").exists()

    # A statement waiting in the dialogue (moderation before publication) is approved.
    participant = dialogues.participant_for(dialogue=world.dialogue, user=world.residents[2])
    statement = dialogues.statement_submit(participant=participant, text="Laat de markt op zaterdag langer duren.")
    page.goto(url(f"/dialogen/{world.dialogue.pk}"))
    check("dialogue-as-moderator")
    page.get_by_role("link", name="Stellingen modereren").click()
    expect(page.get_by_text("Laat de markt op zaterdag langer duren.")).to_be_visible()
    check("dialogue-moderation")
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text("Geen stellingen die wachten.")).to_be_visible()
    check("dialogue-moderation-done")
    statement.refresh_from_db()
    assert statement.status == "approved"
    audit.assert_clean()
