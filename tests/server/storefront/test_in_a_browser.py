"""The storefront in a real browser (Debian's chromium, driven by Selenium) against
``bookstore serve``: follow an OPDS Buy link, create an account, be declined with
4000 0000 0000 0002, pay with 4242 4242 4242 4242, download, switch to Polish, and
restore the purchase as the application does. Screenshots of each page at desktop
(1280 px) and phone (390 px) width in each language go to tests/output/storefront/
for people to look at."""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from lxml import etree
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.wait import WebDriverWait

from bookstore.library.library import Library
from bookstore.store.session import StoreSession
from tests.server.conftest import DECLINED, PASSWORD, PAYS
from tests.store.conftest import MemoryKeyring
from tests.store.served import bookstore_serve

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
OUTPUT = Path(__file__).resolve().parents[2] / "output" / "storefront"
WIDTHS = {"desktop": 1280, "phone": 390}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[str]:
    with bookstore_serve(tmp_path_factory.mktemp("serve")) as (base, _):
        yield base


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[tuple[WebDriver, Path]]:
    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), (
        "the browser test needs Debian's chromium and chromium-driver"
    )
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-GB",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,900",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            "intl.accept_languages": "en-GB,en",
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        },
    )
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    try:
        yield driver, downloads
    finally:
        driver.quit()


def _shoot(driver: WebDriver, name: str) -> None:
    """The page at each width, as tall as its content."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height + 140, 600), 4000))
        language = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        driver.save_screenshot(str(OUTPUT / f"{name}-{language}-{label}.png"))
        scroll = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert scroll <= 0, f"{name} scrolls sideways at {width} px"
    driver.set_window_size(WIDTHS["desktop"], 900)


def _fill(driver: WebDriver, **fields: str) -> None:
    for name, value in fields.items():
        box = driver.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)


def _submit(driver: WebDriver, text: str) -> None:
    _click(driver, driver.find_element(By.XPATH, f"//main//button[contains(., '{text}')]"))


def _click(driver: WebDriver, element) -> None:
    """Click, and wait for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(staleness_of(page))


def _buy_link(base: str) -> str:
    feed = etree.fromstring(httpx.get(base + "/opds/new", timeout=30).content)
    return next(
        link.get("href")
        for link in feed.iter(f"{ATOM}link")
        if link.get("rel") == "http://opds-spec.org/acquisition/buy"
    )


def _luminance(rgb: str) -> float:
    values = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(driver: WebDriver, selector: str) -> float:
    element = driver.find_element(By.CSS_SELECTOR, selector)
    front = element.value_of_css_property("color")
    back = driver.execute_script(
        "let e = arguments[0];"
        "while (e) { const c = getComputedStyle(e).backgroundColor;"
        " if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; e = e.parentElement; }"
        "return 'rgb(255, 255, 255)';",
        element,
    )
    light, dark = sorted((_luminance(front), _luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_reader_buys_in_the_browser(served, chromium, tmp_path):
    driver, downloads = chromium
    base = served
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)

    # A reading app's Buy button opens the issue's page in the browser.
    driver.get(base + "/store")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.get_attribute("href").endswith("#main"), "the first Tab reaches the skip link"
    _shoot(driver, "home")
    issue_page = base + _buy_link(base)
    driver.get(issue_page)
    title = driver.find_element(By.TAG_NAME, "h1").text
    _shoot(driver, "issue")

    # Buy: the store asks for an account first, and comes back to the issue after it.
    _submit(driver, "Buy for")
    assert "/store/sign-in" in driver.current_url
    _shoot(driver, "sign-in")
    _click(driver, driver.find_element(By.LINK_TEXT, "Create an account"))
    email = f"browser-{uuid.uuid4().hex[:8]}@example.org"
    _fill(driver, email=email, password=PASSWORD)
    _shoot(driver, "register")
    _submit(driver, "Create the account")
    assert driver.current_url == issue_page, driver.find_element(By.TAG_NAME, "main").text
    _submit(driver, "Buy for")
    assert driver.current_url.endswith("/store/checkout")
    assert "4242 4242 4242 4242" in driver.page_source
    _shoot(driver, "checkout")

    _fill(driver, number=DECLINED, expiry="12/30", cvc="123")
    _submit(driver, "Pay")
    alert = driver.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert "declined" in alert.text and "Nothing was charged" in alert.text
    _shoot(driver, "declined")
    _fill(driver, number=PAYS, expiry="12/30", cvc="123")
    _submit(driver, "Pay")
    assert "/store/orders/BS-" in driver.current_url
    assert "Paid" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    order_page = driver.current_url
    _shoot(driver, "order")

    # Download from the shelf.
    _click(driver, driver.find_element(By.LINK_TEXT, "Go to my shelf"))
    _shoot(driver, "shelf")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Download EPUB").click()
    deadline = time.monotonic() + 60
    while not (done := list(downloads.glob("*.epub"))) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert done and done[0].read_bytes()[:2] == b"PK", "the EPUB was downloaded"

    # Switch to Polish: the choice sticks from page to page.
    _click(driver, driver.find_element(By.LINK_TEXT, "Polski"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "pl"
    assert "Moja półka" in driver.page_source
    for language in ("pl", "ru"):
        if language == "ru":
            _click(driver, driver.find_element(By.LINK_TEXT, "Русский"))
        for name, address in (
            ("home", base + "/store"),
            ("issue", issue_page),
            ("order", order_page),
            ("shelf", base + "/store/shelf"),
        ):
            driver.get(address)
            assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
            _shoot(driver, name)

    # High contrast and bigger text, by links, with text at 7:1 or more.
    driver.get(base + "/store?lang=en")
    _click(driver, driver.find_element(By.LINK_TEXT, "High contrast"))
    _click(driver, driver.find_element(By.XPATH, "//a[span[text()='Bigger text']]"))
    classes = driver.find_element(By.TAG_NAME, "html").get_attribute("class")
    assert "contrast-high" in classes and "text-bigger" in classes
    for selector in ("main h1", "main p", "ul.issues .title", "nav.main a"):
        assert _contrast(driver, selector) >= 7, selector
    driver.get(issue_page)
    _shoot(driver, "high-contrast")

    # The purchase comes back where the application restores purchases.
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        new_machine = Library.open(tmp_path / "new-machine", with_sample=False)
        with StoreSession(base + "/opds") as session:
            session.sign_in(email, PASSWORD)
            restored = session.restore(new_machine)
        assert len(restored) == 1
        assert [issue.title for issue in new_machine.list_issues()] == [title]
        new_machine.close()
    finally:
        keyring.set_keyring(previous)
