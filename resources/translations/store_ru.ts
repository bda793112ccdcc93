<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>CatalogPage</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>The address of a store&apos;s catalog (OPDS)</source>
        <translation>Адрес каталога магазина (OPDS)</translation>
    </message>
    <message>
        <source>Store address</source>
        <translation>Адрес магазина</translation>
    </message>
    <message>
        <source>Stores you added</source>
        <translation>Добавленные магазины</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>The store&apos;s first page</source>
        <translation>Первая страница магазина</translation>
    </message>
    <message>
        <source>Store home</source>
        <translation>Главная страница магазина</translation>
    </message>
    <message>
        <source>Search this store</source>
        <translation>Искать в этом магазине</translation>
    </message>
    <message>
        <source>Catalog entries</source>
        <translation>Позиции каталога</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Type a store&apos;s address and choose Open. Bookstore&apos;s own store runs at %1.</source>
        <translation>Введите адрес магазина и нажмите «Открыть». Магазин Bookstore работает по адресу %1.</translation>
    </message>
    <message>
        <source>Some of this page could not be read: %1</source>
        <translation>Часть этой страницы не удалось прочитать: %1</translation>
    </message>
    <message>
        <source>This page of the catalog is empty.</source>
        <translation>Эта страница каталога пуста.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Owned: in your library</source>
        <translation>Ваш: есть в вашей библиотеке</translation>
    </message>
    <message>
        <source>Owned: bought, not downloaded here</source>
        <translation>Ваш: куплен, но здесь не загружен</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Бесплатно</translation>
    </message>
    <message>
        <source>Not for sale here</source>
        <translation>Здесь не продаётся</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation>Оформление заказа</translation>
    </message>
    <message>
        <source>pays</source>
        <translation>оплачивает</translation>
    </message>
    <message>
        <source>is declined</source>
        <translation>отклоняется</translation>
    </message>
    <message>
        <source>fails for insufficient funds</source>
        <translation>не хватает средств</translation>
    </message>
    <message>
        <source>TEST PAYMENTS: this store uses its test provider. No money is taken.</source>
        <translation>ТЕСТОВЫЕ ПЛАТЕЖИ: этот магазин использует тестовую платёжную систему. Деньги не списываются.</translation>
    </message>
    <message>
        <source>Test payments: no money is taken</source>
        <translation>Тестовые платежи: деньги не списываются</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Итого: %1</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер карты</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>ММ/ГГ</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>Код безопасности</translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation>Номер карты:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Действует до:</translation>
    </message>
    <message>
        <source>Security code:</source>
        <translation>Код безопасности:</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Оплатить %1</translation>
    </message>
    <message>
        <source>Type the card&apos;s number (12 digits or more).</source>
        <translation>Введите номер карты (не менее 12 цифр).</translation>
    </message>
    <message>
        <source>Type the expiry date as on the card, MM/YY (for example 08/29).</source>
        <translation>Введите срок действия как на карте, ММ/ГГ (например, 08/29).</translation>
    </message>
    <message>
        <source>This card expired at the end of %1; use another card.</source>
        <translation>Срок действия этой карты истёк в конце %1; используйте другую карту.</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Оплата…</translation>
    </message>
    <message>
        <source>The card was declined. Nothing was charged.</source>
        <translation>Карта отклонена. Деньги не списаны.</translation>
    </message>
    <message>
        <source>The card has insufficient funds. Nothing was charged.</source>
        <translation>На карте недостаточно средств. Деньги не списаны.</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the download of %1</source>
        <translation>Отменить загрузку: %1</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Show the folder that holds %1</source>
        <translation>Показать папку, в которой лежит %1</translation>
    </message>
    <message>
        <source>No file manager could open the folder; the file is in %1</source>
        <translation>Ни один файловый менеджер не открыл папку; файл находится в %1</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <source>Back to the catalog</source>
        <translation>Назад к каталогу</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Купить</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>В корзину</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>Получить</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Читать</translation>
    </message>
    <message>
        <source>Buy this issue now</source>
        <translation>Купить этот выпуск сейчас</translation>
    </message>
    <message>
        <source>Download this free issue into the library</source>
        <translation>Загрузить этот бесплатный выпуск в библиотеку</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Бесплатно</translation>
    </message>
    <message>
        <source>Not for sale here</source>
        <translation>Здесь не продаётся</translation>
    </message>
    <message>
        <source>In your library.</source>
        <translation>Есть в вашей библиотеке.</translation>
    </message>
    <message>
        <source>This store sells it on its own website.</source>
        <translation>Этот магазин продаёт его на своём сайте.</translation>
    </message>
</context>
<context>
    <name>FeedsView</name>
    <message>
        <source>Feeds</source>
        <translation>Ленты</translation>
    </message>
    <message>
        <source>Address of an RSS or Atom feed, e.g. a series&apos; feed</source>
        <translation>Адрес ленты RSS или Atom, например ленты серии</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>Адрес ленты</translation>
    </message>
    <message>
        <source>Download free issues</source>
        <translation>Загружать бесплатные выпуски</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Подписаться</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>Обновить все</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Отписаться</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Отметить все как прочитанные</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <source>Items of the chosen feed</source>
        <translation>Записи выбранной ленты</translation>
    </message>
    <message>
        <source>No subscriptions yet. Type a feed&apos;s address above and choose Subscribe.</source>
        <translation>Подписок пока нет. Введите адрес ленты выше и нажмите «Подписаться».</translation>
    </message>
    <message>
        <source>%1 — cannot be read: %2</source>
        <translation>%1 — не удаётся прочитать: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанный</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Не прочитано</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <source>Subscribing to %1</source>
        <translation>Подписка на %1</translation>
    </message>
    <message>
        <source>Reading the feeds…</source>
        <translation>Чтение лент…</translation>
    </message>
    <message>
        <source>Refreshing feeds</source>
        <translation>Обновление лент</translation>
    </message>
    <message numerus="yes">
        <source>%n new issues.</source>
        <translation>
            <numerusform>%n новый выпуск.</numerusform>
            <numerusform>%n новых выпуска.</numerusform>
            <numerusform>%n новых выпусков.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read: %1</source>
        <translation>Не удалось прочитать: %1</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Войти…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Restore purchases</source>
        <translation>Восстановить покупки</translation>
    </message>
    <message>
        <source>Download everything your account owns into this library</source>
        <translation>Загрузить в эту библиотеку всё, что принадлежит вашей учётной записи</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Issues in the cart</source>
        <translation>Выпуски в корзине</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Checkout…</source>
        <translation>Оформить заказ…</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Загрузки</translation>
    </message>
    <message>
        <source>Your sign-in is saved in the system keyring.</source>
        <translation>Ваши данные для входа сохранены в системной связке ключей.</translation>
    </message>
    <message>
        <source>Your sign-in is saved in %1, readable only by you.</source>
        <translation>Ваши данные для входа сохранены в %1, доступном для чтения только вам.</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Вы вошли как %1</translation>
    </message>
    <message>
        <source>Not signed in. Sign in to buy issues and to restore your purchases.</source>
        <translation>Вы не вошли. Войдите, чтобы покупать выпуски и восстанавливать покупки.</translation>
    </message>
    <message>
        <source>This store has no accounts here.</source>
        <translation>В этом магазине здесь нет учётных записей.</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Итого: %1</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Вход в %1</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Создать учётную запись</translation>
    </message>
    <message>
        <source>Your name (for receipts)</source>
        <translation>Ваше имя (для чеков)</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Your password goes to the store only.</source>
        <translation>Пароль передаётся только магазину.</translation>
    </message>
    <message>
        <source>The sign-in it gives back is saved in the system keyring.</source>
        <translation>Полученные от него данные для входа сохраняются в системной связке ключей.</translation>
    </message>
    <message>
        <source>There is no system keyring here, so the sign-in it gives back is saved in %1, readable only by you.</source>
        <translation>Системной связки ключей здесь нет, поэтому полученные от него данные для входа сохраняются в %1, доступном для чтения только вам.</translation>
    </message>
    <message>
        <source>Type your e-mail address.</source>
        <translation>Введите адрес электронной почты.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>The e-mail or the password is wrong. Check them and try again.</source>
        <translation>Неверный адрес электронной почты или пароль. Проверьте их и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>An account with this e-mail already exists: sign in with it, or use another e-mail.</source>
        <translation>Учётная запись с этим адресом уже существует: войдите в неё или укажите другой адрес.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Создать учётную запись</translation>
    </message>
</context>
<context>
    <name>StoreView</name>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Загрузка: %1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>Отменено; ничего не сохранено.</translation>
    </message>
    <message>
        <source>In your library.</source>
        <translation>Есть в вашей библиотеке.</translation>
    </message>
    <message>
        <source>Signing in failed</source>
        <translation>Не удалось войти</translation>
    </message>
    <message>
        <source>Restoring your purchases</source>
        <translation>Восстановление ваших покупок</translation>
    </message>
    <message>
        <source>Restoring purchases</source>
        <translation>Восстановление покупок</translation>
    </message>
    <message>
        <source>Cancelled; nothing half-written was kept.</source>
        <translation>Отменено; недописанное не сохранено.</translation>
    </message>
    <message>
        <source>Your order</source>
        <translation>Ваш заказ</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Оформление заказа</translation>
    </message>
    <message>
        <source>Order %1 is paid (%2). The receipt is in %3.</source>
        <translation>Заказ %1 оплачен (%2). Чек находится в %3.</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Оплата не прошла</translation>
    </message>
</context>
</TS>
