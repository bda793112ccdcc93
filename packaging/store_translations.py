"""The Store's and Feeds' words in Polish and Russian.

``python packaging/store_translations.py`` collects the strings of ``bookstore/gui/store``
into ``resources/translations/store_{en,pl,ru}.ts`` (pyside6-lupdate), fills in the
Polish and Russian below where a message is still unfinished (so a translator's later
changes in Qt Linguist are kept) and compiles the ``.qm`` files the window loads beside
its own catalog. ``--into bookstore`` fills the window's ``bookstore_*.ts`` instead
(after ``packaging/translations.py`` has collected every string there).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "translations"

# (context, source) -> (Polish, Russian); plural sources map to lists of three forms.
WORDS: dict[tuple[str, str], tuple[str | list[str], str | list[str]]] = {
    ("CatalogPage", "Open"): ("Otwórz", "Открыть"),
    ("CatalogPage", "The address of a store's catalog (OPDS)"): (
        "Adres katalogu księgarni (OPDS)",
        "Адрес каталога магазина (OPDS)",
    ),
    ("CatalogPage", "Store address"): ("Adres księgarni", "Адрес магазина"),
    ("CatalogPage", "Stores you added"): ("Dodane księgarnie", "Добавленные магазины"),
    ("CatalogPage", "Clear the search"): ("Wyczyść wyszukiwanie", "Очистить поиск"),
    ("CatalogPage", "Back"): ("Wstecz", "Назад"),
    ("CatalogPage", "The store's first page"): (
        "Pierwsza strona księgarni",
        "Первая страница магазина",
    ),
    ("CatalogPage", "Store home"): ("Strona główna księgarni", "Главная страница магазина"),
    ("CatalogPage", "Search this store"): ("Szukaj w tej księgarni", "Искать в этом магазине"),
    ("CatalogPage", "Catalog entries"): ("Pozycje katalogu", "Позиции каталога"),
    ("CatalogPage", "Next page"): ("Następna strona", "Следующая страница"),
    ("CatalogPage", "Store"): ("Księgarnia", "Магазин"),
    ("CatalogPage", "Type a store's address and choose Open. Bookstore's own store runs at %1."): (
        "Wpisz adres księgarni i wybierz Otwórz. Księgarnia Bookstore działa pod adresem %1.",
        "Введите адрес магазина и нажмите «Открыть». Магазин Bookstore работает по адресу %1.",
    ),
    ("CatalogPage", "Some of this page could not be read: %1"): (
        "Części tej strony nie udało się odczytać: %1",
        "Часть этой страницы не удалось прочитать: %1",
    ),
    ("CatalogPage", "This page of the catalog is empty."): (
        "Ta strona katalogu jest pusta.",
        "Эта страница каталога пуста.",
    ),
    ("CatalogPage", "Free"): ("Bezpłatny", "Бесплатно"),
    ("CatalogPage", "Not for sale here"): ("Niedostępny w sprzedaży tutaj", "Здесь не продаётся"),
    ("CatalogPage", "Show"): ("Pokaż", "Показать"),
    ("CatalogPage", "All"): ("Wszystkie", "Все"),
    ("CatalogPage", "Owned: in your library"): (
        "Twój: jest w Twojej bibliotece",
        "Ваш: есть в вашей библиотеке",
    ),
    ("CatalogPage", "Owned: bought, not downloaded here"): (
        "Twój: kupiony, nie pobrany tutaj",
        "Ваш: куплен, но здесь не загружен",
    ),
    ("CheckoutDialog", "Checkout"): ("Zamówienie", "Оформление заказа"),
    ("CheckoutDialog", "pays"): ("płaci", "оплачивает"),
    ("CheckoutDialog", "is declined"): ("zostaje odrzucona", "отклоняется"),
    ("CheckoutDialog", "fails for insufficient funds"): (
        "nie ma wystarczających środków",
        "не хватает средств",
    ),
    ("CheckoutDialog", "TEST PAYMENTS: this store uses its test provider. No money is taken."): (
        "PŁATNOŚCI TESTOWE: ta księgarnia używa operatora testowego. Żadne pieniądze nie zostaną pobrane.",
        "ТЕСТОВЫЕ ПЛАТЕЖИ: этот магазин использует тестовую платёжную систему. Деньги не списываются.",
    ),
    ("CheckoutDialog", "Test payments: no money is taken"): (
        "Płatności testowe: żadne pieniądze nie zostaną pobrane",
        "Тестовые платежи: деньги не списываются",
    ),
    ("CheckoutDialog", "Total: %1"): ("Razem: %1", "Итого: %1"),
    ("CheckoutDialog", "Card number"): ("Numer karty", "Номер карты"),
    ("CheckoutDialog", "MM/YY"): ("MM/RR", "ММ/ГГ"),
    ("CheckoutDialog", "Expiry date"): ("Data ważności", "Срок действия"),
    ("CheckoutDialog", "Security code"): ("Kod zabezpieczający", "Код безопасности"),
    ("CheckoutDialog", "Card number:"): ("Numer karty:", "Номер карты:"),
    ("CheckoutDialog", "Expiry:"): ("Ważna do:", "Действует до:"),
    ("CheckoutDialog", "Security code:"): ("Kod zabezpieczający:", "Код безопасности:"),
    ("CheckoutDialog", "Pay %1"): ("Zapłać %1", "Оплатить %1"),
    ("CheckoutDialog", "Type the card's number (12 digits or more)."): (
        "Wpisz numer karty (co najmniej 12 cyfr).",
        "Введите номер карты (не менее 12 цифр).",
    ),
    ("CheckoutDialog", "Type the expiry date as on the card, MM/YY (for example 08/29)."): (
        "Wpisz datę ważności tak jak na karcie, MM/RR (na przykład 08/29).",
        "Введите срок действия как на карте, ММ/ГГ (например, 08/29).",
    ),
    ("CheckoutDialog", "This card expired at the end of %1; use another card."): (
        "Ważność tej karty skończyła się z końcem %1; użyj innej karty.",
        "Срок действия этой карты истёк в конце %1; используйте другую карту.",
    ),
    ("CheckoutDialog", "Paying…"): ("Płatność…", "Оплата…"),
    ("CheckoutDialog", "The card was declined. Nothing was charged."): (
        "Karta została odrzucona. Nic nie pobrano.",
        "Карта отклонена. Деньги не списаны.",
    ),
    ("CheckoutDialog", "The card has insufficient funds. Nothing was charged."): (
        "Na karcie brakuje środków. Nic nie pobrano.",
        "На карте недостаточно средств. Деньги не списаны.",
    ),
    ("DownloadRow", "Cancel"): ("Anuluj", "Отмена"),
    ("DownloadRow", "Show in Folder"): ("Pokaż w folderze", "Показать в папке"),
    ("DownloadRow", "Show the folder that holds %1"): (
        "Pokaż folder zawierający %1",
        "Показать папку, в которой лежит %1",
    ),
    ("DownloadRow", "No file manager could open the folder; the file is in %1"): (
        "Żaden menedżer plików nie otworzył folderu; plik jest w %1",
        "Ни один файловый менеджер не открыл папку; файл находится в %1",
    ),
    ("DownloadRow", "Cancel the download of %1"): (
        "Anuluj pobieranie: %1",
        "Отменить загрузку: %1",
    ),
    ("EntryPage", "Back to the catalog"): ("Wróć do katalogu", "Назад к каталогу"),
    ("EntryPage", "Buy"): ("Kup", "Купить"),
    ("EntryPage", "Add to cart"): ("Dodaj do koszyka", "В корзину"),
    ("EntryPage", "Get"): ("Pobierz", "Получить"),
    ("EntryPage", "Read"): ("Czytaj", "Читать"),
    ("EntryPage", "Buy this issue now"): ("Kup ten numer teraz", "Купить этот выпуск сейчас"),
    ("EntryPage", "Download this free issue into the library"): (
        "Pobierz ten bezpłatny numer do biblioteki",
        "Загрузить этот бесплатный выпуск в библиотеку",
    ),
    ("EntryPage", "Cover"): ("Okładka", "Обложка"),
    ("EntryPage", "Free"): ("Bezpłatny", "Бесплатно"),
    ("EntryPage", "Not for sale here"): ("Niedostępny w sprzedaży tutaj", "Здесь не продаётся"),
    ("EntryPage", "In your library."): ("Jest w Twojej bibliotece.", "Есть в вашей библиотеке."),
    ("EntryPage", "This store sells it on its own website."): (
        "Ta księgarnia sprzedaje go na swojej stronie internetowej.",
        "Этот магазин продаёт его на своём сайте.",
    ),
    ("FeedsView", "Feeds"): ("Kanały", "Ленты"),
    ("FeedsView", "Address of an RSS or Atom feed, e.g. a series' feed"): (
        "Adres kanału RSS lub Atom, np. kanału serii",
        "Адрес ленты RSS или Atom, например ленты серии",
    ),
    ("FeedsView", "Feed address"): ("Adres kanału", "Адрес ленты"),
    ("FeedsView", "Download free issues"): (
        "Pobieraj bezpłatne numery",
        "Загружать бесплатные выпуски",
    ),
    ("FeedsView", "Subscribe"): ("Subskrybuj", "Подписаться"),
    ("FeedsView", "Refresh all"): ("Odśwież wszystkie", "Обновить все"),
    ("FeedsView", "Unsubscribe"): ("Anuluj subskrypcję", "Отписаться"),
    ("FeedsView", "Mark all as read"): (
        "Oznacz wszystkie jako przeczytane",
        "Отметить все как прочитанные",
    ),
    ("FeedsView", "Subscriptions"): ("Subskrypcje", "Подписки"),
    ("FeedsView", "Items of the chosen feed"): (
        "Pozycje wybranego kanału",
        "Записи выбранной ленты",
    ),
    ("FeedsView", "No subscriptions yet. Type a feed's address above and choose Subscribe."): (
        "Brak subskrypcji. Wpisz powyżej adres kanału i wybierz Subskrybuj.",
        "Подписок пока нет. Введите адрес ленты выше и нажмите «Подписаться».",
    ),
    ("FeedsView", "%1 — cannot be read: %2"): (
        "%1 — nie można odczytać: %2",
        "%1 — не удаётся прочитать: %2",
    ),
    ("FeedsView", "%n unread"): (
        ["%n nieprzeczytany", "%n nieprzeczytane", "%n nieprzeczytanych"],
        ["%n непрочитанный", "%n непрочитанных", "%n непрочитанных"],
    ),
    ("FeedsView", "Unread"): ("Nieprzeczytany", "Не прочитано"),
    ("FeedsView", "Reading %1…"): ("Czytanie %1…", "Чтение %1…"),
    ("FeedsView", "Subscribing to %1"): ("Subskrybowanie %1", "Подписка на %1"),
    ("FeedsView", "Reading the feeds…"): ("Czytanie kanałów…", "Чтение лент…"),
    ("FeedsView", "Refreshing feeds"): ("Odświeżanie kanałów", "Обновление лент"),
    ("FeedsView", "%n new issues."): (
        ["%n nowy numer.", "%n nowe numery.", "%n nowych numerów."],
        ["%n новый выпуск.", "%n новых выпуска.", "%n новых выпусков."],
    ),
    ("FeedsView", "Could not read: %1"): ("Nie udało się odczytać: %1", "Не удалось прочитать: %1"),
    ("SidePanel", "Account"): ("Konto", "Учётная запись"),
    ("SidePanel", "Sign in…"): ("Zaloguj się…", "Войти…"),
    ("SidePanel", "Sign out"): ("Wyloguj się", "Выйти"),
    ("SidePanel", "Restore purchases"): ("Przywróć zakupy", "Восстановить покупки"),
    ("SidePanel", "Download everything your account owns into this library"): (
        "Pobierz do tej biblioteki wszystko, co należy do Twojego konta",
        "Загрузить в эту библиотеку всё, что принадлежит вашей учётной записи",
    ),
    ("SidePanel", "Cart"): ("Koszyk", "Корзина"),
    ("SidePanel", "Issues in the cart"): ("Numery w koszyku", "Выпуски в корзине"),
    ("SidePanel", "Remove"): ("Usuń", "Удалить"),
    ("SidePanel", "Checkout…"): ("Do kasy…", "Оформить заказ…"),
    ("SidePanel", "Downloads"): ("Pobieranie", "Загрузки"),
    ("SidePanel", "Signed in as %1"): ("Zalogowano jako %1", "Вы вошли как %1"),
    ("SidePanel", "Not signed in. Sign in to buy issues and to restore your purchases."): (
        "Nie zalogowano. Zaloguj się, aby kupować numery i przywracać zakupy.",
        "Вы не вошли. Войдите, чтобы покупать выпуски и восстанавливать покупки.",
    ),
    ("SidePanel", "This store has no accounts here."): (
        "Ta księgarnia nie ma tutaj kont.",
        "В этом магазине здесь нет учётных записей.",
    ),
    ("SidePanel", "Total: %1"): ("Razem: %1", "Итого: %1"),
    ("SidePanel", "The cart is empty."): ("Koszyk jest pusty.", "Корзина пуста."),
    ("SidePanel", "Your sign-in is saved in the system keyring."): (
        "Twoje dane logowania są zapisane w systemowym pęku kluczy.",
        "Ваши данные для входа сохранены в системной связке ключей.",
    ),
    ("SidePanel", "Your sign-in is saved in %1, readable only by you."): (
        "Twoje dane logowania są zapisane w %1, do odczytu tylko przez Ciebie.",
        "Ваши данные для входа сохранены в %1, доступном для чтения только вам.",
    ),
    ("SignInDialog", "Sign in to %1"): ("Logowanie do %1", "Вход в %1"),
    ("SignInDialog", "E-mail"): ("E-mail", "Эл. почта"),
    ("SignInDialog", "Password"): ("Hasło", "Пароль"),
    ("SignInDialog", "Create a new account"): ("Utwórz nowe konto", "Создать учётную запись"),
    ("SignInDialog", "Your name (for receipts)"): (
        "Imię i nazwisko (na paragony)",
        "Ваше имя (для чеков)",
    ),
    ("SignInDialog", "E-mail:"): ("E-mail:", "Эл. почта:"),
    ("SignInDialog", "Password:"): ("Hasło:", "Пароль:"),
    ("SignInDialog", "Name:"): ("Imię i nazwisko:", "Имя:"),
    ("SignInDialog", "Sign in"): ("Zaloguj się", "Войти"),
    ("SignInDialog", "Your password goes to the store only."): (
        "Hasło trafia tylko do księgarni.",
        "Пароль передаётся только магазину.",
    ),
    ("SignInDialog", "The sign-in it gives back is saved in the system keyring."): (
        "Otrzymane od niej dane logowania zostaną zapisane w systemowym pęku kluczy.",
        "Полученные от него данные для входа сохраняются в системной связке ключей.",
    ),
    (
        "SignInDialog",
        "There is no system keyring here, so the sign-in it gives back is saved in %1, readable only by you.",
    ): (
        "Nie ma tu systemowego pęku kluczy, więc otrzymane od niej dane logowania zostaną zapisane w %1, do odczytu tylko przez Ciebie.",
        "Системной связки ключей здесь нет, поэтому полученные от него данные для входа сохраняются в %1, доступном для чтения только вам.",
    ),
    ("SignInDialog", "Type your e-mail address."): (
        "Wpisz swój adres e-mail.",
        "Введите адрес электронной почты.",
    ),
    ("SignInDialog", "Type your password."): ("Wpisz hasło.", "Введите пароль."),
    ("SignInDialog", "Signing in…"): ("Logowanie…", "Вход…"),
    ("SignInDialog", "The e-mail or the password is wrong. Check them and try again."): (
        "Adres e-mail lub hasło są nieprawidłowe. Sprawdź je i spróbuj ponownie.",
        "Неверный адрес электронной почты или пароль. Проверьте их и попробуйте ещё раз.",
    ),
    (
        "SignInDialog",
        "An account with this e-mail already exists: sign in with it, or use another e-mail.",
    ): (
        "Konto z tym adresem e-mail już istnieje: zaloguj się na nie lub użyj innego adresu.",
        "Учётная запись с этим адресом уже существует: войдите в неё или укажите другой адрес.",
    ),
    ("SignInDialog", "Create account"): ("Utwórz konto", "Создать учётную запись"),
    ("StoreView", "Store"): ("Księgarnia", "Магазин"),
    ("StoreView", "Opening %1…"): ("Otwieranie %1…", "Открытие %1…"),
    ("StoreView", "Downloading %1"): ("Pobieranie: %1", "Загрузка: %1"),
    ("StoreView", "Cancelled; nothing was kept."): (
        "Anulowano; niczego nie zachowano.",
        "Отменено; ничего не сохранено.",
    ),
    ("StoreView", "In your library."): ("Jest w Twojej bibliotece.", "Есть в вашей библиотеке."),
    ("StoreView", "Signing in failed"): ("Logowanie nie powiodło się", "Не удалось войти"),
    ("StoreView", "Restoring your purchases"): (
        "Przywracanie Twoich zakupów",
        "Восстановление ваших покупок",
    ),
    ("StoreView", "Restoring purchases"): ("Przywracanie zakupów", "Восстановление покупок"),
    ("StoreView", "Cancelled; nothing half-written was kept."): (
        "Anulowano; nie zachowano niczego niedokończonego.",
        "Отменено; недописанное не сохранено.",
    ),
    ("StoreView", "Your order"): ("Twoje zamówienie", "Ваш заказ"),
    ("StoreView", "Checkout"): ("Zamówienie", "Оформление заказа"),
    ("StoreView", "Order %1 is paid (%2). The receipt is in %3."): (
        "Zamówienie %1 jest opłacone (%2). Paragon jest w %3.",
        "Заказ %1 оплачен (%2). Чек находится в %3.",
    ),
    ("StoreView", "Payment failed"): ("Płatność nie powiodła się", "Оплата не прошла"),
}
ENGLISH_PLURALS = {
    ("FeedsView", "%n unread"): ["%n unread", "%n unread"],
    ("FeedsView", "%n new issues."): ["%n new issue.", "%n new issues."],
}


def fill(language: str, catalog: str = "store") -> int:
    path = FOLDER / f"{catalog}_{language}.ts"
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            if language == "en":
                forms = ENGLISH_PLURALS.get(key)
            elif key in WORDS:
                forms = WORDS[key][0 if language == "pl" else 1]
            else:
                continue
            if forms is None:
                continue
            if isinstance(forms, list):
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms
            del translation.attrib["type"]
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


ROOT = FOLDER.parents[1]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def collect() -> None:
    sources = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "bookstore" / "gui" / "store").glob("*.py")
    )
    for language in ("en", "pl", "ru"):
        plural_only = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
             *plural_only, "-target-language", language, "-ts", f"resources/translations/store_{language}.ts"],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip


def release(catalog: str) -> None:
    for language in ("en", "pl", "ru"):
        ts = FOLDER / f"{catalog}_{language}.ts"
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True, capture_output=True,
        )  # fmt: skip


if __name__ == "__main__":
    catalog = sys.argv[sys.argv.index("--into") + 1] if "--into" in sys.argv else "store"
    FOLDER.mkdir(parents=True, exist_ok=True)
    if catalog == "store":
        collect()
    for language in ("en", "pl", "ru"):
        print(language, fill(language, catalog), "filled", file=sys.stderr)
    if catalog == "store":
        collect()  # written back in lupdate's own layout
        release(catalog)
