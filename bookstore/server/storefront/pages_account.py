"""Signing in, creating an account, signing out, changing the password."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from bookstore.server.accounts.customers import MAX_PASSWORD, MIN_PASSWORD, AlreadyRegistered
from bookstore.server.api_errors import ApiError, TooManyAttempts, Unauthorized
from bookstore.server.routes.auth import client_address
from bookstore.server.storefront.forms import read_form
from bookstore.server.storefront.i18n import N_
from bookstore.server.storefront.security import SESSION_COOKIE
from bookstore.server.storefront.visit import HOME, Visit, safe_next

WRONG_LOGIN = N_("The e-mail or the password is wrong.")
TOO_MANY = N_("Too many failed attempts: wait a few minutes, then try again.")
TAKEN = N_("If this address had no account, it has one now: sign in with its password.")
COMMON = N_(
    "This password is one of the most common ones, the first an attacker tries: choose another."
)
NOT_EMAIL = N_("Enter an e-mail address, such as name@example.org.")
SHORT = N_("The password must have at least %(count)s characters.")
LONG = N_("The password must have at most %(count)s characters.")
MISMATCH = N_("The two new passwords are not the same.")


def _password_problem(visit: Visit, password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return visit.gettext(SHORT, count=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        return visit.gettext(LONG, count=MAX_PASSWORD)
    return None


def _said(visit: Visit, error: ApiError) -> str:
    """The sentence for a refusal, in the page's language where we know it."""
    if isinstance(error, TooManyAttempts):
        return visit.gettext(TOO_MANY)
    if isinstance(error, Unauthorized):
        return visit.gettext(WRONG_LOGIN)
    if error.code == "common_password":
        return visit.gettext(COMMON)
    return visit.words.say(error.message)


async def sign_in(visit: Visit) -> Response:
    after = safe_next(visit.request.query_params.get("next"))
    if visit.request.method == "GET":
        return visit.page("sign_in.html", after=after, email="", problem=None)
    form = await read_form(visit)
    email, password = form.get("email", "").strip(), form.get("password", "")
    after = safe_next(form.get("next"))
    accounts = visit.services.accounts
    try:
        found = await run_in_threadpool(
            accounts.login, email, password, client_address(visit.request)
        )
    except ApiError as error:
        status = 429 if isinstance(error, TooManyAttempts) else 401
        return visit.page(
            "sign_in.html", status, after=after, email=email, problem=_said(visit, error)
        )
    visit.new_session = (await run_in_threadpool(accounts.issue_token, found)).token
    return visit.redirect(after)


async def register(visit: Visit) -> Response:
    after = safe_next(visit.request.query_params.get("next"))
    if visit.request.method == "GET":
        return visit.page("register.html", after=after, email="", name="", problem=None)
    form = await read_form(visit)
    email, name = form.get("email", "").strip(), form.get("name", "").strip()
    password = form.get("password", "")
    after = safe_next(form.get("next"))
    problem = None
    if "@" not in email or "." not in email.rpartition("@")[2]:
        problem = visit.gettext(NOT_EMAIL)
    problem = problem or _password_problem(visit, password)
    accounts, address = visit.services.accounts, client_address(visit.request)
    if problem is None:
        try:
            made = await run_in_threadpool(accounts.register, email, password, name, address)
        except AlreadyRegistered:
            # said as the API says it, naming no address as registered; its owner,
            # who typed its password, is signed in
            try:
                made = await run_in_threadpool(accounts.login, email, password, address)
            except ApiError:
                return visit.page(
                    "sign_in.html", after=after, email=email, problem=visit.gettext(TAKEN)
                )
        except ApiError as error:
            problem = _said(visit, error)
    if problem is not None:
        return visit.page(
            "register.html", 422, after=after, email=email, name=name, problem=problem
        )
    visit.new_session = (await run_in_threadpool(accounts.issue_token, made)).token
    return visit.redirect(after)


async def sign_out(visit: Visit) -> Response:
    await read_form(visit)
    token = visit.request.cookies.get(SESSION_COOKIE, "")
    if token:
        await run_in_threadpool(visit.services.accounts.revoke_token, token[:200])
    visit.account, visit.end_session = None, True
    return visit.redirect(HOME)


async def password(visit: Visit) -> Response:
    if visit.request.method == "GET":
        return visit.page("password.html", problem=None, done=False)
    form = await read_form(visit)
    current, new = form.get("current", ""), form.get("new", "")
    problem = _password_problem(visit, new)
    if problem is None and new != form.get("repeat", ""):
        problem = visit.gettext(MISMATCH)
    services, owner = visit.services, visit.account
    assert owner is not None
    if problem is None:
        try:
            await run_in_threadpool(
                services.accounts.change_password,
                owner,
                current,
                new,
                client_address(visit.request),
                visit.request.cookies.get(SESSION_COOKIE),  # this browser stays signed in
            )
        except ApiError as error:
            problem = _said(visit, error)
    if problem is not None:
        return visit.page("password.html", 422, problem=problem, done=False)
    with services.basic_lock:  # a remembered Basic header with the old password ends too
        services.basic_seen.clear()
    return visit.page("password.html", problem=None, done=True)
