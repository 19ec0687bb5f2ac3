"""Real-browser tests: Debian's headless Chromium, driven by Playwright, against pytest-django's live server.

The whole folder is skipped when the browser or the Python packages are missing: `scripts/setup-system`
installs the browser (as root, with apt-get), `pip install playwright pytest-playwright axe-playwright-python`
the packages. Pages are checked with axe-core (WCAG 2.1 A and AA) and photographed into
test-artifacts/screenshots/.

What is here: the flows of every role, each one test on one world built through the services (worlds.py):
test_resident_flow, test_moderator_flow, test_process_flow (process lead, specialist, council member),
test_admin_flow, test_sensing_pages; keyboard-only runs in test_keyboard and test_keyboard_voting
(helpers in keyboard.py); the foundation pages in test_accessibility; no JavaScript in test_without_javascript.
"""

import importlib.util
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from tests.browser import guards
from tests.browser.contact_sheet import write_contact_sheets
from tests.browser.worlds import build_world
from tests.foundation.builders import PASSWORD, current_code
from zwerm.core.services import municipality_create
from zwerm.places.services import district_save, neighbourhood_save

# Playwright's sync API keeps an event loop in the main thread; Django's ORM must still run there.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
VENDOR_CSS = ROOT / "src" / "zwerm" / "web" / "static" / "vendor" / "utrecht" / "index.css"

HERE = Path(__file__).resolve().parent
NARROW = 390  # a phone: every page is also checked and photographed at this width


def _skip_reason() -> str | None:
    modules = ("playwright", "pytest_playwright", "axe_playwright_python")
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        return (
            f"browser tests skipped: Python package(s) {', '.join(missing)} not installed "
            "(pip install playwright pytest-playwright axe-playwright-python)"
        )
    if not CHROMIUM.exists():
        return f"browser tests skipped: {CHROMIUM} not found (run scripts/setup-system as root)"
    if not VENDOR_CSS.exists():
        return "browser tests skipped: design-system CSS not built (run scripts/build-assets)"
    return None


SKIP_REASON = _skip_reason()


def pytest_collection_modifyitems(config, items):
    """Without the browser or the packages, every test in this folder is skipped, with the reason."""
    reason = SKIP_REASON
    if reason is None and not config.pluginmanager.hasplugin("playwright"):
        reason = "browser tests skipped: the pytest-playwright plugin is not loaded"
    if reason:
        for item in items:
            if HERE in Path(str(item.path)).resolve().parents:
                item.add_marker(pytest.mark.skip(reason=reason))


ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# axe files these under "needs review" rather than violations, but they are never false alarms here:
# the same id twice, or one field with two labels, is a markup error.
ALSO_FAILING = {"duplicate-id", "duplicate-id-active", "duplicate-id-aria", "form-field-multiple-labels"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": ARGS}


@pytest.fixture
def context(context):
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Dutch first, as residents see it; a fixed window so screenshots compare.
    return {**browser_context_args, "locale": "nl-NL", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def municipality(transactional_db, live_server):
    """The live server answers on localhost and 127.0.0.1: the municipality is served on both."""
    municipality = municipality_create(
        name="Testdam", slug="testdam", cbs_code="GM0001", hostnames=("localhost", "127.0.0.1")
    )
    district = district_save(municipality=municipality, code="WK000101", name="Testdam Noord")
    for i in (1, 2):
        neighbourhood_save(municipality=municipality, district=district, code=f"BU0001010{i}", name=f"Buurt {i}")
    return municipality


@pytest.fixture
def url(live_server):
    return lambda path: f"{live_server.url}{path}"


@pytest.fixture
def login_as(live_server):
    """Log a resident in by copying the session cookie of a Django test client into the browser context."""

    def login(context, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
        return context

    return login


@pytest.fixture
def staff_login_in_browser(url):
    """Log a staff member in through the real form: e-mail, password and the current TOTP code."""

    def login(page, user):
        page.goto(url("/account/medewerker/inloggen"))
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_label("Code uit je authenticator-app").fill(current_code(user))
        page.get_by_role("button", name="Inloggen", exact=True).click()
        page.wait_for_url("**/medewerkers")
        return page

    return login


@pytest.fixture
def staff_page(new_context, staff_login_in_browser):
    """staff_page(user) -> a page in a browser context of its own, logged in through the staff form (with TOTP)."""

    def open_page(user):
        context = new_context()
        context.set_default_timeout(10_000)
        return staff_login_in_browser(context.new_page(), user)

    return open_page


def email_link_from_outbox(address: str) -> str:
    """The log-in link in the last e-mail to `address` (Django's locmem outbox: the live server runs in-process)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            return re.search(r"https?://\S+/account/inloggen/link\S+", message.body).group(0)
    raise AssertionError(f"no e-mail to {address} in the outbox ({len(mail.outbox)} messages)")


class Audit:
    """Checks every page a browser test visits, and reports every problem of every page at once:

    - axe-core (WCAG 2.1 A and AA);
    - what a person sees (guards.py): no word broken inside a table, button or heading at 1280 and at 390 px,
      every number in SVG/CSS/data attributes readable and every chart drawn, no month or number written the
      other language's way;
    - pages with a chart or a table are opened once more in English (same URL, GET) and checked the same way;
    - screenshots at 1280 and 390 px (`NAME.png`, `NAME@390.png`, `NAME-en...`) for the contact sheets."""

    english_seen: set = set()  # paths already checked in English in this run (the flows revisit pages)

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.failures = []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def check(self, page, name):
        page.wait_for_load_state()  # after a click that navigates: check the new page, complete
        result = self.axe.run(page, options=WCAG21_AA)
        if result.violations_count:
            self.failures.append(f"== {name} ({page.url}) ==\n{result.generate_report()}")
        for item in result.response["incomplete"]:
            if item["id"] in ALSO_FAILING:
                targets = [node["target"] for node in item["nodes"]]
                self.failures.append(f"== {name} ({page.url}) ==\n{item['id']}: {item['help']} {targets}")
        self.look(page, name)
        if self._has_charts_or_tables(page):
            self.look_in_english(page, name)
        return result

    def look(self, page, name):
        """The guards at 1280 px and at 390 px, with a screenshot at each width."""
        findings = guards.chart_faults(page) + guards.wrong_language(page)
        size = page.viewport_size
        for width in (size["width"], NARROW):
            if width != size["width"]:
                page.set_viewport_size({"width": width, "height": size["height"]})
            suffix = "" if width == size["width"] else f"@{width}"
            page.screenshot(path=str(SCREENSHOTS / f"{name}{suffix}.png"), full_page=True)
            findings += [f"at {width} px: {f}" for f in guards.broken_words(page)]
        page.set_viewport_size(size)
        if findings:
            self.failures.append(f"== {name} ({page.url}) ==\n" + "\n".join(findings))

    def look_in_english(self, page, name):
        path = re.sub(r"\d+", "N", page.url.split("#")[0])
        if path in Audit.english_seen:
            return
        Audit.english_seen.add(path)
        context = page.context
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": page.url}])
        english = context.new_page()
        try:
            response = english.goto(page.url)
            if response is not None and response.ok:
                self.look(english, f"{name}-en")
        finally:
            english.close()
            context.clear_cookies(name=settings.LANGUAGE_COOKIE_NAME)

    @staticmethod
    def _has_charts_or_tables(page) -> bool:
        return page.locator("main svg[role=img], main svg.zwerm-spark, main table").count() > 0

    def assert_clean(self):
        assert not self.failures, "\n\n".join(self.failures)


@pytest.fixture
def audit():
    return Audit()


@pytest.fixture
def screenshot():
    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def world(municipality, make_staff):
    """Something on every page, for every role (tests/browser/worlds.py); built once per flow test."""
    return build_world(municipality, make_staff)


@pytest.fixture(scope="session", autouse=True)
def contact_sheets(request):
    """After a browser run that took screenshots: one contact sheet per role (contact_sheet.py)."""
    started = {p: p.stat().st_mtime for p in SCREENSHOTS.glob("*.png")} if SCREENSHOTS.exists() else {}
    yield
    if SKIP_REASON is None and SCREENSHOTS.exists():
        taken = [p for p in SCREENSHOTS.glob("*.png") if started.get(p) != p.stat().st_mtime]
        if taken:
            write_contact_sheets(SCREENSHOTS)
