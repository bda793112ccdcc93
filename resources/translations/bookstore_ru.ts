<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Bookstore</source>
        <translation>О программе Bookstore</translation>
    </message>
    <message>
        <source>A desktop e-bookstore for the numbered publication series of a policy institute.
Licensed under the GNU General Public License, version 3 or later.
Built on Qt and PySide6 {version}.</source>
        <translation>Настольный магазин электронных книг для нумерованных серий публикаций аналитического института.
Лицензия: GNU General Public License версии 3 или более поздней.
Основан на Qt и PySide6 {version}.</translation>
    </message>
    <message>
        <source>Licence of the shipped DejaVu fonts:</source>
        <translation>Лицензия поставляемых шрифтов DejaVu:</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Лицензия шрифтов</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импортировать файлы…</translation>
    </message>
    <message>
        <source>Import publisher pages</source>
        <translation>Импортировать страницы издателя</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Импортировать &amp;папку…</translation>
    </message>
    <message>
        <source>Import every page in a folder</source>
        <translation>Импортировать все страницы из папки</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Export the chosen issues as EPUB or print PDF</source>
        <translation>Экспортировать выбранные выпуски в EPUB или PDF для печати</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>&amp;Открыть библиотеку…</translation>
    </message>
    <message>
        <source>Open another library folder</source>
        <translation>Открыть папку другой библиотеки</translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation>&amp;Новая библиотека…</translation>
    </message>
    <message>
        <source>Make a new library</source>
        <translation>Создать новую библиотеку</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close Bookstore</source>
        <translation>Закрыть Bookstore</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Повторить отменённое</translation>
    </message>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>Изменить &amp;метаданные…</translation>
    </message>
    <message>
        <source>Edit the issue's title, authors, date and more</source>
        <translation>Изменить название, авторов, дату и другие данные выпуска</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Remove the chosen issues from the library</source>
        <translation>Удалить выбранные выпуски из библиотеки</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Выделить &amp;всё</translation>
    </message>
    <message>
        <source>Select every issue in the list</source>
        <translation>Выделить все выпуски в списке</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation>Перейти к полю поиска</translation>
    </message>
    <message>
        <source>Save Search…</source>
        <translation>Сохранить поиск…</translation>
    </message>
    <message>
        <source>Keep this search in the sidebar</source>
        <translation>Сохранить этот поиск на боковой панели</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Читать</translation>
    </message>
    <message>
        <source>Open the issue in the reader</source>
        <translation>Открыть выпуск для чтения</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Language, theme and library</source>
        <translation>Язык, тема и библиотека</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Показать сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Bookstore</source>
        <translation>&amp;О программе Bookstore</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>Версия и лицензии</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Edit %n Issues</source>
        <translation><numerusform>Изменить %n выпуск</numerusform><numerusform>Изменить %n выпуска</numerusform><numerusform>Изменить %n выпусков</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>What you set here changes all %n issues chosen; the rest stays.</source>
        <translation><numerusform>Заданное здесь изменит %n выбранный выпуск; остальное останется как есть.</numerusform><numerusform>Заданное здесь изменит все %n выбранных выпуска; остальное останется как есть.</numerusform><numerusform>Заданное здесь изменит все %n выбранных выпусков; остальное останется как есть.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Серия:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Add topics:</source>
        <translation>&amp;Добавить темы:</translation>
    </message>
    <message>
        <source>&amp;Remove topics:</source>
        <translation>&amp;Удалить темы:</translation>
    </message>
    <message>
        <source>(leave as it is)</source>
        <translation>(не менять)</translation>
    </message>
    <message>
        <source>Topics separated by commas</source>
        <translation>Темы через запятую</translation>
    </message>
    <message>
        <source>Topics to remove</source>
        <translation>Темы для удаления</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Remove issues</source>
        <translation>Удаление выпусков</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Изменение «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n issues</source>
        <translation><numerusform>Изменение %n выпуска</numerusform><numerusform>Изменение %n выпусков</numerusform><numerusform>Изменение %n выпусков</numerusform></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Choose an issue to see it here.</source>
        <translation>Выберите выпуск, чтобы увидеть его здесь.</translation>
    </message>
    <message numerus="yes">
        <source>%n issues selected.
Export them with Ctrl+E or remove them with Delete.</source>
        <translation><numerusform>Выделен %n выпуск.
Экспортируйте его (Ctrl+E) или удалите (Delete).</numerusform><numerusform>Выделено %n выпуска.
Экспортируйте их (Ctrl+E) или удалите (Delete).</numerusform><numerusform>Выделено %n выпусков.
Экспортируйте их (Ctrl+E) или удалите (Delete).</numerusform></translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit “{title}”</source>
        <translation>Изменение «{title}»</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Серия:</translation>
    </message>
    <message>
        <source>&amp;Authors (one a line):</source>
        <translation>&amp;Авторы (по одному в строке):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Год:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>R&amp;unning number:</source>
        <translation>С&amp;квозной номер:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>T&amp;opics (one a line):</source>
        <translation>&amp;Темы (по одной в строке):</translation>
    </message>
    <message>
        <source>Translation &amp;of:</source>
        <translation>П&amp;еревод выпуска:</translation>
    </message>
    <message>
        <source>Translations:</source>
        <translation>Переводы:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>0 means the series has no running number</source>
        <translation>0 — у серии нет сквозной нумерации</translation>
    </message>
    <message>
        <source>Choose the issue this one translates: it takes that issue's series, year and number</source>
        <translation>Выберите выпуск, переводом которого является этот: он получит его серию, год и номер</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>(keep the series, year and number above)</source>
        <translation>(оставить серию, год и номер, указанные выше)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The computer ran out of memory.</source>
        <translation>Компьютеру не хватило памяти.</translation>
    </message>
    <message>
        <source>A file could not be read or written{where}: {reason}.</source>
        <translation>Не удалось прочитать или записать файл{where}: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong inside Bookstore. Your library is safe.</source>
        <translation>В Bookstore что-то пошло не так. Ваша библиотека в безопасности.</translation>
    </message>
    <message>
        <source>Bookstore</source>
        <translation>Bookstore</translation>
    </message>
    <message>
        <source>Details are in the log file: {path}</source>
        <translation>Подробности — в файле журнала: {path}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Выпуски</translation>
    </message>
    <message numerus="yes">
        <source>The selected issues (%n)</source>
        <translation><numerusform>Выделенные выпуски (%n)</numerusform><numerusform>Выделенные выпуски (%n)</numerusform><numerusform>Выделенные выпуски (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Every issue in the list (%n)</source>
        <translation><numerusform>Все выпуски в списке (%n)</numerusform><numerusform>Все выпуски в списке (%n)</numerusform><numerusform>Все выпуски в списке (%n)</numerusform></translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>EPUB, one file (a bundle of several issues)</source>
        <translation>EPUB, один файл (сборник из нескольких выпусков)</translation>
    </message>
    <message>
        <source>EPUB, one file for each issue</source>
        <translation>EPUB, отдельный файл для каждого выпуска</translation>
    </message>
    <message>
        <source>Print-ready PDF</source>
        <translation>PDF для печати</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Бумага:</translation>
    </message>
    <message>
        <source>&amp;Bleed:</source>
        <translation>&amp;Вылет:</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>мм</translation>
    </message>
    <message>
        <source>Added on every side of the page, for printing to the edge</source>
        <translation>Добавляется с каждой стороны страницы для печати под обрез</translation>
    </message>
    <message>
        <source>&amp;Crop marks</source>
        <translation>&amp;Метки обреза</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>By default: the series and years</source>
        <translation>По умолчанию: серия и годы</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Сохранить &amp;в:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Выбрать, куда сохранить</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Ход экспорта</translation>
    </message>
    <message>
        <source>bookstore-export</source>
        <translation>bookstore-eksport</translation>
    </message>
    <message>
        <source>Save to Folder</source>
        <translation>Сохранить в папку</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>There is nothing to export: the list is empty.</source>
        <translation>Нечего экспортировать: список пуст.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n issues…</source>
        <translation><numerusform>Экспорт %n выпуска…</numerusform><numerusform>Экспорт %n выпусков…</numerusform><numerusform>Экспорт %n выпусков…</numerusform></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n files in {folder}</source>
        <translation><numerusform>Сохранён %n файл в {folder}</numerusform><numerusform>Сохранено %n файла в {folder}</numerusform><numerusform>Сохранено %n файлов в {folder}</numerusform></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
    <message>
        <source>Export &amp;Again</source>
        <translation>Экспортировать &amp;снова</translation>
    </message>
</context>
<context>
    <name>FilterLine</name>
    <message>
        <source>Showing: {filter}</source>
        <translation>Показаны: {filter}</translation>
    </message>
    <message>
        <source>topic “{topic}”</source>
        <translation>тема «{topic}»</translation>
    </message>
    <message>
        <source>owned</source>
        <translation>в собственности</translation>
    </message>
    <message>
        <source>not owned</source>
        <translation>не в собственности</translation>
    </message>
    <message>
        <source>recently added</source>
        <translation>недавно добавленные</translation>
    </message>
    <message>
        <source>search “{query}”</source>
        <translation>поиск «{query}»</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Показать все</translation>
    </message>
    <message>
        <source>Clear the search and show every issue</source>
        <translation>Очистить поиск и показать все выпуски</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>Найти в тексте</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Предыдущее</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Следующее</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Закрыть панель поиска</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Совпадения</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Files that could not be imported</source>
        <translation>Файлы, которые не удалось импортировать</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <source>Show Imported Issues</source>
        <translation>Показать импортированные выпуски</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>The files imported before you cancelled stay in the library; the one being imported was left out.</source>
        <translation>Файлы, импортированные до отмены, остаются в библиотеке; файл, который импортировался в тот момент, пропущен.</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Импорт прерван</translation>
    </message>
    <message>
        <source>{imported} imported, {updated} updated, {failed} failed</source>
        <translation>Импортировано: {imported}, обновлено: {updated}, с ошибками: {failed}</translation>
    </message>
    <message>
        <source>No page to import was found there.</source>
        <translation>Там не найдено ни одной страницы для импорта.</translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be imported; the library is unchanged by them:</source>
        <translation><numerusform>Не удалось импортировать %n файл; библиотека из-за него не изменилась:</numerusform><numerusform>Не удалось импортировать %n файла; библиотека из-за них не изменилась:</numerusform><numerusform>Не удалось импортировать %n файлов; библиотека из-за них не изменилась:</numerusform></translation>
    </message>
    <message>
        <source>Every file was imported.</source>
        <translation>Все файлы импортированы.</translation>
    </message>
    <message>
        <source>New series made from the files&apos; labels: {names}.</source>
        <translation>Новые серии, созданные по меткам файлов: {names}.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import Files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <source>Pages and books ({patterns});;All files (*)</source>
        <translation>Страницы и книги ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Импорт папки</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Подробнее…</translation>
    </message>
    <message>
        <source>What was imported, and why any file failed</source>
        <translation>Что импортировано и почему какой-то файл не удалось импортировать</translation>
    </message>
    <message>
        <source>Show Imported</source>
        <translation>Показать импортированные</translation>
    </message>
    <message>
        <source>Select the imported issues in All issues</source>
        <translation>Выбрать импортированные выпуски во «Всех выпусках»</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <source>An import is running: wait for it to end, or cancel it, first.</source>
        <translation>Идёт импорт: сначала дождитесь его окончания или отмените его.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Imported: {imported} new, {updated} updated, {failed} failed</source>
        <translation>Импортировано: новых {imported}, обновлено {updated}, с ошибкой {failed}</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Импорт прерван</translation>
    </message>
    <message numerus="yes">
        <source>Importing: {done} of %n files</source>
        <translation><numerusform>Импорт: {done} из %n файла</numerusform><numerusform>Импорт: {done} из %n файлов</numerusform><numerusform>Импорт: {done} из %n файлов</numerusform></translation>
    </message>
</context>
<context>
    <name>IndexRebuild</name>
    <message>
        <source>Search: {problem}</source>
        <translation>Поиск: {problem}</translation>
    </message>
    <message>
        <source>The search index is ready.</source>
        <translation>Поисковый индекс готов.</translation>
    </message>
    <message>
        <source>Making the search index</source>
        <translation>Создание поискового индекса</translation>
    </message>
    <message>
        <source>Search: {problem}; it is being made again from the library.</source>
        <translation>Поиск: {problem}; индекс создаётся заново по библиотеке.</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Приобретён</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Бесплатно</translation>
    </message>
</context>
<context>
    <name>IssueView</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Дата выхода</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Введение</translation>
    </message>
    <message>
        <source>In this issue</source>
        <translation>В этом выпуске</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>Issue details</source>
        <translation>Сведения о выпуске</translation>
    </message>
    <message>
        <source>No author named</source>
        <translation>Автор не указан</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Приобретён</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Бесплатно</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Отменить текущую задачу</translation>
    </message>
    <message>
        <source>Progress of the running job</source>
        <translation>Ход текущей задачи</translation>
    </message>
    <message>
        <source>{job} (and {more} more)</source>
        <translation>{job} (и ещё {more})</translation>
    </message>
</context>
<context>
    <name>LibraryMenu</name>
    <message>
        <source>Open Library</source>
        <translation>Открыть библиотеку</translation>
    </message>
    <message>
        <source>{folder} holds no Bookstore library; choose its folder, or make a new library</source>
        <translation>В {folder} нет библиотеки Bookstore; выберите её папку или создайте новую библиотеку</translation>
    </message>
    <message>
        <source>New library</source>
        <translation>Новая библиотека</translation>
    </message>
    <message>
        <source>{folder} already holds a library</source>
        <translation>В {folder} уже есть библиотека</translation>
    </message>
    <message>
        <source>No other library yet</source>
        <translation>Других библиотек пока нет</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No issue matches this search.</source>
        <translation>Ни один выпуск не соответствует запросу.</translation>
    </message>
    <message>
        <source>The library is empty.
Import publisher pages with Ctrl+I, or drop files or folders here.</source>
        <translation>Библиотека пуста.
Импортируйте страницы издателя (Ctrl+I) или перетащите сюда файлы или папки.</translation>
    </message>
    <message>
        <source>No issues here.</source>
        <translation>Здесь нет выпусков.</translation>
    </message>
    <message numerus="yes">
        <source>%n issues</source>
        <translation><numerusform>%n выпуск</numerusform><numerusform>%n выпуска</numerusform><numerusform>%n выпусков</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation><numerusform>%n выделен</numerusform><numerusform>%n выделено</numerusform><numerusform>%n выделено</numerusform></translation>
    </message>
    <message>
        <source>Remove “{title}” from the library?</source>
        <translation>Удалить «{title}» из библиотеки?</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n issues from the library?</source>
        <translation><numerusform>Удалить %n выпуск из библиотеки?</numerusform><numerusform>Удалить %n выпуска из библиотеки?</numerusform><numerusform>Удалить %n выпусков из библиотеки?</numerusform></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z while Bookstore is open.</source>
        <translation>Это можно отменить (Ctrl+Z), пока Bookstore открыт.</translation>
    </message>
    <message>
        <source>type a search first, then save it</source>
        <translation>сначала введите запрос, затем сохраните его</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>Название поиска:</translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation>Удалить сохранённый поиск</translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”?</source>
        <translation>Удалить сохранённый поиск «{name}»?</translation>
    </message>
    <message>
        <source>Bookstore — {library}</source>
        <translation>Bookstore — {library}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Recent &amp;Libraries</source>
        <translation>Недавние &amp;библиотеки</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Выпуск</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Сортировать по</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Save Search…</source>
        <translation>Сохранить поиск…</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Сохранить этот поиск</translation>
    </message>
    <message>
        <source>Keep this search in the sidebar (Ctrl+Shift+S)</source>
        <translation>Сохранить этот поиск на боковой панели (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Выпуски</translation>
    </message>
    <message>
        <source>The issues chosen in the sidebar and by the search; Enter opens the reader</source>
        <translation>Выпуски, выбранные на боковой панели и поиском; Enter открывает режим чтения</translation>
    </message>
    <message>
        <source>Issue count</source>
        <translation>Число выпусков</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>“{job}” is still running. Cancel it and quit?</source>
        <translation>«{job}» ещё выполняется. Отменить и выйти?</translation>
    </message>
</context>
<context>
    <name>NewLibraryDialog</name>
    <message>
        <source>New Library</source>
        <translation>Новая библиотека</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Folder of the new library</source>
        <translation>Папка новой библиотеки</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Выбрать папку</translation>
    </message>
    <message>
        <source>Fill it with the &amp;sample catalog</source>
        <translation>Заполнить &amp;примерным каталогом</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Выберите папку</translation>
    </message>
</context>
<context>
    <name>QtParts</name>
    <message>
        <source>Clear the field</source>
        <translation>Очистить поле</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>Другие инструменты</translation>
    </message>
</context>
<context>
    <name>ReaderSpeech</name>
    <message>
        <source>Read Aloud</source>
        <translation>Читать вслух</translation>
    </message>
    <message>
        <source>Read the issue aloud (%1)</source>
        <translation>Читать выпуск вслух (%1)</translation>
    </message>
    <message>
        <source>Pause or resume reading (%1)</source>
        <translation>Приостановить или продолжить чтение (%1)</translation>
    </message>
    <message>
        <source>Stop Reading</source>
        <translation>Остановить чтение</translation>
    </message>
    <message>
        <source>Stop reading aloud (%1)</source>
        <translation>Остановить чтение вслух (%1)</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>С&amp;корость:</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Скорость чтения</translation>
    </message>
    <message>
        <source>Words a minute</source>
        <translation>Слов в минуту</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Чтение вслух</translation>
    </message>
    <message>
        <source>Read aloud needs espeak-ng or speech-dispatcher; neither is installed.</source>
        <translation>Для чтения вслух нужен espeak-ng или speech-dispatcher; ни один из них не установлен.</translation>
    </message>
    <message>
        <source>Read aloud stopped: {program} ended with exit status {code}.</source>
        <translation>Чтение вслух прервано: {program} завершился с кодом выхода {code}.</translation>
    </message>
    <message>
        <source>Read aloud stopped: {program} could not be started.</source>
        <translation>Чтение вслух прервано: не удалось запустить {program}.</translation>
    </message>
    <message>
        <source>Resume Reading</source>
        <translation>Продолжить чтение</translation>
    </message>
    <message>
        <source>Pause Reading</source>
        <translation>Приостановить чтение</translation>
    </message>
    <message>
        <source>Sentence {number} of {count}</source>
        <translation>Предложение {number} из {count}</translation>
    </message>
    <message>
        <source>Paused at sentence {number} of {count}</source>
        <translation>Пауза на предложении {number} из {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n words a minute</source>
        <translation><numerusform>%n слово в минуту</numerusform><numerusform>%n слова в минуту</numerusform><numerusform>%n слов в минуту</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message>
        <source>{label} — Reader</source>
        <translation>{label} — чтение</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+Minus)</source>
        <translation>Уменьшить текст (Ctrl+Minus)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Уменьшить текст</translation>
    </message>
    <message>
        <source>Default text size (Ctrl+0)</source>
        <translation>Обычный размер текста (Ctrl+0)</translation>
    </message>
    <message>
        <source>Bigger text (Ctrl+Plus)</source>
        <translation>Увеличить текст (Ctrl+Plus)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Найти…</translation>
    </message>
    <message>
        <source>Find in the text (Ctrl+F)</source>
        <translation>Найти в тексте (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Найти далее</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Найти предыдущее</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>&amp;Page:</source>
        <translation>&amp;Страница:</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Сепия</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
    <message>
        <source>Page colours</source>
        <translation>Цвета страницы</translation>
    </message>
    <message>
        <source>Text of {label}</source>
        <translation>Текст: {label}</translation>
    </message>
    <message>
        <source>Default text size</source>
        <translation>Обычный размер текста</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Увеличить текст</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>Найти в тексте</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation><numerusform>%n совпадение</numerusform><numerusform>%n совпадения</numerusform><numerusform>%n совпадений</numerusform></translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} из {count}</translation>
    </message>
</context>
<context>
    <name>SavedSearchMenu</name>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>Переименовать сохранённый поиск</translation>
    </message>
    <message>
        <source>New name of “{name}”:</source>
        <translation>Новое название для «{name}»:</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search: words, "phrases", series:, author:, topic:, year:, lang:, owned:</source>
        <translation>Поиск: слова, "фразы", series:, author:, topic:, year:, lang:, owned:</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Поиск в библиотеке</translation>
    </message>
    <message>
        <source>Type words to find; field names like series: or author: narrow the search; the list updates as you type</source>
        <translation>Введите слова для поиска; имена полей, например series: или author:, сужают поиск; список обновляется по мере ввода</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Библиотека:</translation>
    </message>
    <message>
        <source>Open Another…</source>
        <translation>Открыть другую…</translation>
    </message>
    <message>
        <source>Open another library</source>
        <translation>Открыть другую библиотеку</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Папка библиотеки</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Поиск в библиотеке</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Импортировать файлы</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Импортировать папку</translation>
    </message>
    <message>
        <source>Export the chosen issues</source>
        <translation>Экспортировать выбранные выпуски</translation>
    </message>
    <message>
        <source>Read the chosen issue</source>
        <translation>Читать выбранный выпуск</translation>
    </message>
    <message>
        <source>Edit the issue's metadata</source>
        <translation>Изменить метаданные выпуска</translation>
    </message>
    <message>
        <source>Remove the chosen issues</source>
        <translation>Удалить выбранные выпуски</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Save the search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Select every issue in the list</source>
        <translation>Выделить все выпуски в списке</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Reader: smaller, default, bigger text</source>
        <translation>Чтение: уменьшить, обычный, увеличить текст</translation>
    </message>
    <message>
        <source>Reader: find, next, previous</source>
        <translation>Чтение: найти, далее, назад</translation>
    </message>
    <message>
        <source>Reader: close the find bar, then the reader</source>
        <translation>Чтение: закрыть панель поиска, затем окно чтения</translation>
    </message>
    <message>
        <source>Reader: read aloud, pause or resume, stop</source>
        <translation>Чтение: читать вслух, пауза или продолжение, остановка</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library sections</source>
        <translation>Разделы библиотеки</translation>
    </message>
    <message>
        <source>Choose which issues the list shows: a series, a year, a topic, a language or a saved search</source>
        <translation>Выберите, какие выпуски показывает список: серию, год, тему, язык или сохранённый поиск</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>All issues</source>
        <translation>Все выпуски</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>Недавно добавленные</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Приобретённые</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серии</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Пока нет</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n issues</source>
        <translation><numerusform>{name}: %n выпуск</numerusform><numerusform>{name}: %n выпуска</numerusform><numerusform>{name}: %n выпусков</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderNavigation</name>
    <message>
        <source>&amp;Section:</source>
        <translation>&amp;Раздел:</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Go to a section</source>
        <translation>Перейти к разделу</translation>
    </message>
    <message>
        <source>Issue ›</source>
        <translation>Выпуск ›</translation>
    </message>
    <message>
        <source>Next Issue</source>
        <translation>Следующий выпуск</translation>
    </message>
    <message>
        <source>Next Section</source>
        <translation>Следующий раздел</translation>
    </message>
    <message>
        <source>Next issue of the series (Alt+Right)</source>
        <translation>Следующий выпуск серии (Alt+Вправо)</translation>
    </message>
    <message>
        <source>Next section (Alt+Down)</source>
        <translation>Следующий раздел (Alt+Вниз)</translation>
    </message>
    <message>
        <source>Previous Issue</source>
        <translation>Предыдущий выпуск</translation>
    </message>
    <message>
        <source>Previous Section</source>
        <translation>Предыдущий раздел</translation>
    </message>
    <message>
        <source>Previous issue of the series (Alt+Left)</source>
        <translation>Предыдущий выпуск серии (Alt+Влево)</translation>
    </message>
    <message>
        <source>Previous section (Alt+Up)</source>
        <translation>Предыдущий раздел (Alt+Вверх)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс чтения</translation>
    </message>
    <message>
        <source>Section {current} of {count}</source>
        <translation>Раздел {current} из {count}</translation>
    </message>
    <message>
        <source>Sections of the issue</source>
        <translation>Разделы выпуска</translation>
    </message>
    <message>
        <source>{where} · {percent}</source>
        <translation>{where} · {percent}</translation>
    </message>
    <message>
        <source>‹ Issue</source>
        <translation>‹ Выпуск</translation>
    </message>
</context>
<context>
    <name>CitationActions</name>
    <message>
        <source>Copy &amp;Citation</source>
        <translation>Копировать &amp;ссылку</translation>
    </message>
    <message>
        <source>Copy the chosen issues' citations in the style of Settings</source>
        <translation>Копировать библиографические ссылки выбранных выпусков в стиле из настроек</translation>
    </message>
    <message>
        <source>Export Citations…</source>
        <translation>Экспорт ссылок…</translation>
    </message>
    <message>
        <source>Save the chosen issues' citations as BibTeX, BibLaTeX, RIS, CSL-JSON or text</source>
        <translation>Сохранить ссылки выбранных выпусков в формате BibTeX, BibLaTeX, RIS, CSL-JSON или текстом</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n citation(s).</source>
        <translation><numerusform>Скопирована %n ссылка.</numerusform><numerusform>Скопированы %n ссылки.</numerusform><numerusform>Скопировано %n ссылок.</numerusform></translation>
    </message>
    <message>
        <source>Export Citations</source>
        <translation>Экспорт ссылок</translation>
    </message>
    <message>
        <source>Exporting citations</source>
        <translation>Экспорт ссылок</translation>
    </message>
    <message>
        <source>Citations saved in %1</source>
        <translation>Ссылки сохранены в %1</translation>
    </message>
</context>
<context>
    <name>CitationRows</name>
    <message>
        <source>&amp;Citation style:</source>
        <translation>&amp;Стиль ссылок:</translation>
    </message>
    <message>
        <source>Citation lan&amp;guage:</source>
        <translation>&amp;Язык ссылок:</translation>
    </message>
    <message>
        <source>Citation style</source>
        <translation>Стиль ссылок</translation>
    </message>
    <message>
        <source>Citation language</source>
        <translation>Язык ссылок</translation>
    </message>
    <message>
        <source>APA</source>
        <translation>APA</translation>
    </message>
    <message>
        <source>Chicago (author-date)</source>
        <translation>Чикаго (автор-дата)</translation>
    </message>
    <message>
        <source>Harvard (Cite Them Right)</source>
        <translation>Гарвард (Cite Them Right)</translation>
    </message>
    <message>
        <source>ISO 690 (author-date)</source>
        <translation>ISO 690 (автор-дата)</translation>
    </message>
    <message>
        <source>The issue's own</source>
        <translation>Язык выпуска</translation>
    </message>
</context>
<context>
    <name>ReaderQuote</name>
    <message>
        <source>Copy as &amp;Quotation</source>
        <translation>Копировать как &amp;цитату</translation>
    </message>
    <message>
        <source>Copy the passage with its section and the issue's citation (%1)</source>
        <translation>Копировать фрагмент с названием раздела и ссылкой на выпуск (%1)</translation>
    </message>
    <message>
        <source>Copy as Quotation</source>
        <translation>Копировать как цитату</translation>
    </message>
</context>
<context>
    <name>SeriesGapsView</name>
    <message>
        <source>Complete Series</source>
        <translation>Полные серии</translation>
    </message>
    <message>
        <source>What the library lacks of each series, year by year</source>
        <translation>Чего в библиотеке не хватает из каждой серии, год за годом</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Check Store</source>
        <translation>Проверить в магазине</translation>
    </message>
    <message>
        <source>Get Every Free Missing Issue</source>
        <translation>Получить бесплатные недостающие</translation>
    </message>
    <message>
        <source>Missing issues</source>
        <translation>Недостающие выпуски</translation>
    </message>
    <message>
        <source>No store added (add one in the Store)</source>
        <translation>Магазин не добавлен (добавьте его в разделе «Магазин»)</translation>
    </message>
    <message>
        <source>{name} {year}: {held} of {last}</source>
        <translation>{name} {year}: {held} из {last}</translation>
    </message>
    <message>
        <source>{name} {year}: {held} of at least {last}</source>
        <translation>{name} {year}: {held} из не менее чем {last}</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n missing</source>
        <translation><numerusform>{name}: не хватает %n выпуска</numerusform><numerusform>{name}: не хватает %n выпусков</numerusform><numerusform>{name}: не хватает %n выпусков</numerusform></translation>
    </message>
    <message>
        <source>complete</source>
        <translation>полностью</translation>
    </message>
    <message>
        <source>missing: {numbers}</source>
        <translation>не хватает: {numbers}</translation>
    </message>
    <message>
        <source>Reading the store's catalog…</source>
        <translation>Чтение каталога магазина…</translation>
    </message>
    <message>
        <source>Checking the store for missing issues</source>
        <translation>Поиск недостающих выпусков в магазине</translation>
    </message>
    <message>
        <source>The store offers {free} free and {priced} priced issues the library lacks.</source>
        <translation>Магазин предлагает бесплатные ({free}) и платные ({priced}) выпуски, которых нет в библиотеке.</translation>
    </message>
    <message>
        <source>no. {number}: {title}</source>
        <translation>№ {number}: {title}</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>Получить</translation>
    </message>
    <message>
        <source>Add to Cart</source>
        <translation>В корзину</translation>
    </message>
    <message>
        <source>Getting missing issues</source>
        <translation>Получение недостающих выпусков</translation>
    </message>
</context>
</TS>