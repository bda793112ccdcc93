<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl">
<context>
    <name>CatalogPage</name>
    <message>
        <source>Open</source>
        <translation>Otwórz</translation>
    </message>
    <message>
        <source>The address of a store&apos;s catalog (OPDS)</source>
        <translation>Adres katalogu księgarni (OPDS)</translation>
    </message>
    <message>
        <source>Store address</source>
        <translation>Adres księgarni</translation>
    </message>
    <message>
        <source>Stores you added</source>
        <translation>Dodane księgarnie</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Wyczyść wyszukiwanie</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <source>The store&apos;s first page</source>
        <translation>Pierwsza strona księgarni</translation>
    </message>
    <message>
        <source>Store home</source>
        <translation>Strona główna księgarni</translation>
    </message>
    <message>
        <source>Search this store</source>
        <translation>Szukaj w tej księgarni</translation>
    </message>
    <message>
        <source>Catalog entries</source>
        <translation>Pozycje katalogu</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Następna strona</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Księgarnia</translation>
    </message>
    <message>
        <source>Type a store&apos;s address and choose Open. Bookstore&apos;s own store runs at %1.</source>
        <translation>Wpisz adres księgarni i wybierz Otwórz. Księgarnia Bookstore działa pod adresem %1.</translation>
    </message>
    <message>
        <source>Some of this page could not be read: %1</source>
        <translation>Części tej strony nie udało się odczytać: %1</translation>
    </message>
    <message>
        <source>This page of the catalog is empty.</source>
        <translation>Ta strona katalogu jest pusta.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Wszystkie</translation>
    </message>
    <message>
        <source>Owned: in your library</source>
        <translation>Twój: jest w Twojej bibliotece</translation>
    </message>
    <message>
        <source>Owned: bought, not downloaded here</source>
        <translation>Twój: kupiony, nie pobrany tutaj</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Bezpłatny</translation>
    </message>
    <message>
        <source>Not for sale here</source>
        <translation>Niedostępny w sprzedaży tutaj</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <source>pays</source>
        <translation>płaci</translation>
    </message>
    <message>
        <source>is declined</source>
        <translation>zostaje odrzucona</translation>
    </message>
    <message>
        <source>fails for insufficient funds</source>
        <translation>nie ma wystarczających środków</translation>
    </message>
    <message>
        <source>TEST PAYMENTS: this store uses its test provider. No money is taken.</source>
        <translation>PŁATNOŚCI TESTOWE: ta księgarnia używa operatora testowego. Żadne pieniądze nie zostaną pobrane.</translation>
    </message>
    <message>
        <source>Test payments: no money is taken</source>
        <translation>Płatności testowe: żadne pieniądze nie zostaną pobrane</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Razem: %1</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Numer karty</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>MM/RR</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Data ważności</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>Kod zabezpieczający</translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation>Numer karty:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ważna do:</translation>
    </message>
    <message>
        <source>Security code:</source>
        <translation>Kod zabezpieczający:</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Zapłać %1</translation>
    </message>
    <message>
        <source>Type the card&apos;s number (12 digits or more).</source>
        <translation>Wpisz numer karty (co najmniej 12 cyfr).</translation>
    </message>
    <message>
        <source>Type the expiry date as on the card, MM/YY (for example 08/29).</source>
        <translation>Wpisz datę ważności tak jak na karcie, MM/RR (na przykład 08/29).</translation>
    </message>
    <message>
        <source>This card expired at the end of %1; use another card.</source>
        <translation>Ważność tej karty skończyła się z końcem %1; użyj innej karty.</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Płatność…</translation>
    </message>
    <message>
        <source>The card was declined. Nothing was charged.</source>
        <translation>Karta została odrzucona. Nic nie pobrano.</translation>
    </message>
    <message>
        <source>The card has insufficient funds. Nothing was charged.</source>
        <translation>Na karcie brakuje środków. Nic nie pobrano.</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Cancel the download of %1</source>
        <translation>Anuluj pobieranie: %1</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Pokaż w folderze</translation>
    </message>
    <message>
        <source>Show the folder that holds %1</source>
        <translation>Pokaż folder zawierający %1</translation>
    </message>
    <message>
        <source>No file manager could open the folder; the file is in %1</source>
        <translation>Żaden menedżer plików nie otworzył folderu; plik jest w %1</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <source>Back to the catalog</source>
        <translation>Wróć do katalogu</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kup</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>Dodaj do koszyka</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>Pobierz</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Czytaj</translation>
    </message>
    <message>
        <source>Buy this issue now</source>
        <translation>Kup ten numer teraz</translation>
    </message>
    <message>
        <source>Download this free issue into the library</source>
        <translation>Pobierz ten bezpłatny numer do biblioteki</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Okładka</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Bezpłatny</translation>
    </message>
    <message>
        <source>Not for sale here</source>
        <translation>Niedostępny w sprzedaży tutaj</translation>
    </message>
    <message>
        <source>In your library.</source>
        <translation>Jest w Twojej bibliotece.</translation>
    </message>
    <message>
        <source>This store sells it on its own website.</source>
        <translation>Ta księgarnia sprzedaje go na swojej stronie internetowej.</translation>
    </message>
</context>
<context>
    <name>FeedsView</name>
    <message>
        <source>Feeds</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Address of an RSS or Atom feed, e.g. a series&apos; feed</source>
        <translation>Adres kanału RSS lub Atom, np. kanału serii</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>Adres kanału</translation>
    </message>
    <message>
        <source>Download free issues</source>
        <translation>Pobieraj bezpłatne numery</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Subskrybuj</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>Odśwież wszystkie</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Anuluj subskrypcję</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Oznacz wszystkie jako przeczytane</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Subskrypcje</translation>
    </message>
    <message>
        <source>Items of the chosen feed</source>
        <translation>Pozycje wybranego kanału</translation>
    </message>
    <message>
        <source>No subscriptions yet. Type a feed&apos;s address above and choose Subscribe.</source>
        <translation>Brak subskrypcji. Wpisz powyżej adres kanału i wybierz Subskrybuj.</translation>
    </message>
    <message>
        <source>%1 — cannot be read: %2</source>
        <translation>%1 — nie można odczytać: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n nieprzeczytany</numerusform>
            <numerusform>%n nieprzeczytane</numerusform>
            <numerusform>%n nieprzeczytanych</numerusform>
        </translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Nieprzeczytany</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Czytanie %1…</translation>
    </message>
    <message>
        <source>Subscribing to %1</source>
        <translation>Subskrybowanie %1</translation>
    </message>
    <message>
        <source>Reading the feeds…</source>
        <translation>Czytanie kanałów…</translation>
    </message>
    <message>
        <source>Refreshing feeds</source>
        <translation>Odświeżanie kanałów</translation>
    </message>
    <message numerus="yes">
        <source>%n new issues.</source>
        <translation>
            <numerusform>%n nowy numer.</numerusform>
            <numerusform>%n nowe numery.</numerusform>
            <numerusform>%n nowych numerów.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read: %1</source>
        <translation>Nie udało się odczytać: %1</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Zaloguj się…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Wyloguj się</translation>
    </message>
    <message>
        <source>Restore purchases</source>
        <translation>Przywróć zakupy</translation>
    </message>
    <message>
        <source>Download everything your account owns into this library</source>
        <translation>Pobierz do tej biblioteki wszystko, co należy do Twojego konta</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Koszyk</translation>
    </message>
    <message>
        <source>Issues in the cart</source>
        <translation>Numery w koszyku</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Checkout…</source>
        <translation>Do kasy…</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Pobieranie</translation>
    </message>
    <message>
        <source>Your sign-in is saved in the system keyring.</source>
        <translation>Twoje dane logowania są zapisane w systemowym pęku kluczy.</translation>
    </message>
    <message>
        <source>Your sign-in is saved in %1, readable only by you.</source>
        <translation>Twoje dane logowania są zapisane w %1, do odczytu tylko przez Ciebie.</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Zalogowano jako %1</translation>
    </message>
    <message>
        <source>Not signed in. Sign in to buy issues and to restore your purchases.</source>
        <translation>Nie zalogowano. Zaloguj się, aby kupować numery i przywracać zakupy.</translation>
    </message>
    <message>
        <source>This store has no accounts here.</source>
        <translation>Ta księgarnia nie ma tutaj kont.</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Razem: %1</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Koszyk jest pusty.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Logowanie do %1</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Utwórz nowe konto</translation>
    </message>
    <message>
        <source>Your name (for receipts)</source>
        <translation>Imię i nazwisko (na paragony)</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj się</translation>
    </message>
    <message>
        <source>Your password goes to the store only.</source>
        <translation>Hasło trafia tylko do księgarni.</translation>
    </message>
    <message>
        <source>The sign-in it gives back is saved in the system keyring.</source>
        <translation>Otrzymane od niej dane logowania zostaną zapisane w systemowym pęku kluczy.</translation>
    </message>
    <message>
        <source>There is no system keyring here, so the sign-in it gives back is saved in %1, readable only by you.</source>
        <translation>Nie ma tu systemowego pęku kluczy, więc otrzymane od niej dane logowania zostaną zapisane w %1, do odczytu tylko przez Ciebie.</translation>
    </message>
    <message>
        <source>Type your e-mail address.</source>
        <translation>Wpisz swój adres e-mail.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Wpisz hasło.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logowanie…</translation>
    </message>
    <message>
        <source>The e-mail or the password is wrong. Check them and try again.</source>
        <translation>Adres e-mail lub hasło są nieprawidłowe. Sprawdź je i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>An account with this e-mail already exists: sign in with it, or use another e-mail.</source>
        <translation>Konto z tym adresem e-mail już istnieje: zaloguj się na nie lub użyj innego adresu.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Utwórz konto</translation>
    </message>
</context>
<context>
    <name>StoreView</name>
    <message>
        <source>Store</source>
        <translation>Księgarnia</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Otwieranie %1…</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Pobieranie: %1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>Anulowano; niczego nie zachowano.</translation>
    </message>
    <message>
        <source>In your library.</source>
        <translation>Jest w Twojej bibliotece.</translation>
    </message>
    <message>
        <source>Signing in failed</source>
        <translation>Logowanie nie powiodło się</translation>
    </message>
    <message>
        <source>Restoring your purchases</source>
        <translation>Przywracanie Twoich zakupów</translation>
    </message>
    <message>
        <source>Restoring purchases</source>
        <translation>Przywracanie zakupów</translation>
    </message>
    <message>
        <source>Cancelled; nothing half-written was kept.</source>
        <translation>Anulowano; nie zachowano niczego niedokończonego.</translation>
    </message>
    <message>
        <source>Your order</source>
        <translation>Twoje zamówienie</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <source>Order %1 is paid (%2). The receipt is in %3.</source>
        <translation>Zamówienie %1 jest opłacone (%2). Paragon jest w %3.</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Płatność nie powiodła się</translation>
    </message>
</context>
</TS>
