"""Signing in, creating an account, signing out, changing the password."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from bookstore.store.server.accounts import MAX_PASSWORD, MIN_PASSWORD
from bookstore.store.server.auth import client_address
from bookstore.store.server.errors import ApiError, Conflict, TooManyAttempts, Unauthorized
from bookstore.store.server.storefront.forms import read_form
from bookstore.store.server.storefront.i18n import N_
from bookstore.store.server.storefront.passwords import change_password
from bookstore.store.server.storefront.security import SESSION_COOKIE
from bookstore.store.server.storefront.visit import HOME, Visit, safe_next

WRONG_LOGIN = N_("The e-mail or the password is wrong.")
TOO_MANY = N_("Too many failed attempts: wait a few minutes, then try again.")
TAKEN = N_("An account with this e-mail already exists: sign in instead.")
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
    if isinstance(error, Conflict):
        return visit.gettext(TAKEN)
    return error.message


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
    accounts = visit.services.accounts
    if problem is None:
        try:
            made = await run_in_threadpool(accounts.register, email, password, name)
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
    owner, accounts = visit.account, visit.services.accounts
    assert owner is not None
    if problem is None:
        try:
            await run_in_threadpool(
                change_password, accounts, owner, current, new, client_address(visit.request)
            )
        except ApiError as error:
            problem = _said(visit, error)
    if problem is not None:
        return visit.page("password.html", 422, problem=problem, done=False)
    visit.new_session = (await run_in_threadpool(accounts.issue_token, owner)).token
    return visit.page("password.html", problem=None, done=True)
