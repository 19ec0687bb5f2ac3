"""The look of the public and staff pages (issue 12, 'The look'): cards with status, progress and counts; a
process's phases as a timeline and its kaders as bars; the values weighed in decisions and the method page;
the staff start page. The audit checks each page as a person sees it (axe, broken words at 1280 and 390 px,
charts that draw, numbers the page's language writes), and pages with charts once more in English."""

from playwright.sync_api import expect


def test_public_pages_with_cards_timeline_and_charts(page, url, audit, world):
    page.goto(url("/trajecten/"))
    audit.check(page, "look-01-process-cards")
    expect(page.locator(".zwerm-card progress").first).to_be_attached()

    process = world.processes[0]
    page.goto(url(process.get_absolute_url()))
    audit.check(page, "look-02-process-timeline-kaders")
    expect(page.locator(".zwerm-phases li[aria-current='step']")).to_have_count(1)
    bars = page.locator("#kaders-title ~ .zwerm-chart rect.zwerm-progress__fill")
    assert bars.count() >= 1 and all(b.bounding_box()["width"] > 0 for b in bars.all())

    page.goto(url("/trajecten/waarden-in-besluiten"))
    audit.check(page, "look-03-values-weighed")
    expect(page.locator("#values-weighed-title")).to_be_attached()
    assert page.locator(".zwerm-chart rect.zwerm-chart__bar").count() >= 1
    expect(page.get_by_role("table")).to_contain_text("Meegewogen")

    page.goto(url("/hoe-we-rekenen"))
    audit.check(page, "look-04-methods")
    page.goto(url("/buurtbudget/"))
    audit.check(page, "look-05-budget-cards")
    expect(page.get_by_role("link", name="Stem nu")).to_be_visible()
    audit.assert_clean()


def test_each_staff_role_starts_on_its_open_work(staff_page, audit, world):
    for role in ("moderator", "process_lead", "specialist", "council_member", "admin"):
        page = staff_page(world.staff[role])
        audit.check(page, f"look-staff-home-{role}")
        assert page.locator(".zwerm-work").count() >= 1
        assert page.locator(".zwerm-work .zwerm-icon").count() >= 1
    audit.assert_clean()
