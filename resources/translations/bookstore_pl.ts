<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Bookstore</source>
        <translation>O programie Bookstore</translation>
    </message>
    <message>
        <source>A desktop e-bookstore for the numbered publication series of a policy institute.
Licensed under the GNU General Public License, version 3 or later.
Built on Qt and PySide6 {version}.</source>
        <translation>Księgarnia e-booków na komputer dla numerowanych serii wydawniczych instytutu badawczego.
Licencja: GNU General Public License w wersji 3 lub późniejszej.
Zbudowana na Qt i PySide6 {version}.</translation>
    </message>
    <message>
        <source>Licence of the shipped DejaVu fonts:</source>
        <translation>Licencja dołączonych fontów DejaVu:</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Licencja fontów</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Importuj pliki…</translation>
    </message>
    <message>
        <source>Import publisher pages</source>
        <translation>Importuj strony wydawcy</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importuj &amp;folder…</translation>
    </message>
    <message>
        <source>Import every page in a folder</source>
        <translation>Importuj wszystkie strony z folderu</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportuj…</translation>
    </message>
    <message>
        <source>Export the chosen issues as EPUB or print PDF</source>
        <translation>Eksportuj wybrane numery jako EPUB lub PDF do druku</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>&amp;Otwórz bibliotekę…</translation>
    </message>
    <message>
        <source>Open another library folder</source>
        <translation>Otwórz folder innej biblioteki</translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation>&amp;Nowa biblioteka…</translation>
    </message>
    <message>
        <source>Make a new library</source>
        <translation>Utwórz nową bibliotekę</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <source>Close Bookstore</source>
        <translation>Zamknij Bookstore</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Cofnij ostatnią zmianę</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Ponów cofniętą zmianę</translation>
    </message>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>Edytuj &amp;metadane…</translation>
    </message>
    <message>
        <source>Edit the issue's title, authors, date and more</source>
        <translation>Edytuj tytuł, autorów, datę i inne dane numeru</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <source>Remove the chosen issues from the library</source>
        <translation>Usuń wybrane numery z biblioteki</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Zaznacz &amp;wszystko</translation>
    </message>
    <message>
        <source>Select every issue in the list</source>
        <translation>Zaznacz wszystkie numery na liście</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Szukaj</translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation>Przejdź do pola wyszukiwania</translation>
    </message>
    <message>
        <source>Save Search…</source>
        <translation>Zapisz wyszukiwanie…</translation>
    </message>
    <message>
        <source>Keep this search in the sidebar</source>
        <translation>Zachowaj to wyszukiwanie w panelu bocznym</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Czytaj</translation>
    </message>
    <message>
        <source>Open the issue in the reader</source>
        <translation>Otwórz numer w czytniku</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <source>Language, theme and library</source>
        <translation>Język, motyw i biblioteka</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Pokaż skróty klawiszowe</translation>
    </message>
    <message>
        <source>&amp;About Bookstore</source>
        <translation>&amp;O programie Bookstore</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>Wersja i licencje</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Edit %n Issues</source>
        <translation><numerusform>Edytuj %n numer</numerusform><numerusform>Edytuj %n numery</numerusform><numerusform>Edytuj %n numerów</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>What you set here changes all %n issues chosen; the rest stays.</source>
        <translation><numerusform>To, co tu ustawisz, zmieni %n wybrany numer; reszta zostanie bez zmian.</numerusform><numerusform>To, co tu ustawisz, zmieni wszystkie %n wybrane numery; reszta zostanie bez zmian.</numerusform><numerusform>To, co tu ustawisz, zmieni wszystkie %n wybranych numerów; reszta zostanie bez zmian.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Seria:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>&amp;Add topics:</source>
        <translation>&amp;Dodaj tematy:</translation>
    </message>
    <message>
        <source>&amp;Remove topics:</source>
        <translation>&amp;Usuń tematy:</translation>
    </message>
    <message>
        <source>(leave as it is)</source>
        <translation>(bez zmian)</translation>
    </message>
    <message>
        <source>Topics separated by commas</source>
        <translation>Tematy oddzielone przecinkami</translation>
    </message>
    <message>
        <source>Topics to remove</source>
        <translation>Tematy do usunięcia</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Zastosuj</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Remove issues</source>
        <translation>Usuń numery</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Edycja „{title}”</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n issues</source>
        <translation><numerusform>Edycja %n numeru</numerusform><numerusform>Edycja %n numerów</numerusform><numerusform>Edycja %n numerów</numerusform></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Choose an issue to see it here.</source>
        <translation>Wybierz numer, aby go tu zobaczyć.</translation>
    </message>
    <message numerus="yes">
        <source>%n issues selected.
Export them with Ctrl+E or remove them with Delete.</source>
        <translation><numerusform>Zaznaczono %n numer.
Wyeksportuj go (Ctrl+E) lub usuń (Delete).</numerusform><numerusform>Zaznaczono %n numery.
Wyeksportuj je (Ctrl+E) lub usuń (Delete).</numerusform><numerusform>Zaznaczono %n numerów.
Wyeksportuj je (Ctrl+E) lub usuń (Delete).</numerusform></translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit “{title}”</source>
        <translation>Edycja „{title}”</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Seria:</translation>
    </message>
    <message>
        <source>&amp;Authors (one a line):</source>
        <translation>&amp;Autorzy (jeden w wierszu):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Rok:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Numer:</translation>
    </message>
    <message>
        <source>R&amp;unning number:</source>
        <translation>Numer &amp;ciągły:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>T&amp;opics (one a line):</source>
        <translation>Tema&amp;ty (jeden w wierszu):</translation>
    </message>
    <message>
        <source>Translation &amp;of:</source>
        <translation>&amp;Przekład numeru:</translation>
    </message>
    <message>
        <source>Translations:</source>
        <translation>Przekłady:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>0 means the series has no running number</source>
        <translation>0 oznacza, że seria nie ma numeracji ciągłej</translation>
    </message>
    <message>
        <source>Choose the issue this one translates: it takes that issue's series, year and number</source>
        <translation>Wybierz numer, którego przekładem jest ten: przejmie jego serię, rok i numer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>(keep the series, year and number above)</source>
        <translation>(zachowaj serię, rok i numer podane wyżej)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>na razie brak</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The computer ran out of memory.</source>
        <translation>Komputerowi zabrakło pamięci.</translation>
    </message>
    <message>
        <source>A file could not be read or written{where}: {reason}.</source>
        <translation>Nie udało się odczytać ani zapisać pliku{where}: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong inside Bookstore. Your library is safe.</source>
        <translation>W programie Bookstore coś poszło nie tak. Twoja biblioteka jest bezpieczna.</translation>
    </message>
    <message>
        <source>Bookstore</source>
        <translation>Bookstore</translation>
    </message>
    <message>
        <source>Details are in the log file: {path}</source>
        <translation>Szczegóły są w pliku dziennika: {path}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Numery</translation>
    </message>
    <message numerus="yes">
        <source>The selected issues (%n)</source>
        <translation><numerusform>Zaznaczony numer (%n)</numerusform><numerusform>Zaznaczone numery (%n)</numerusform><numerusform>Zaznaczone numery (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Every issue in the list (%n)</source>
        <translation><numerusform>Wszystkie numery na liście (%n)</numerusform><numerusform>Wszystkie numery na liście (%n)</numerusform><numerusform>Wszystkie numery na liście (%n)</numerusform></translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>EPUB, one file (a bundle of several issues)</source>
        <translation>EPUB, jeden plik (zbiór kilku numerów)</translation>
    </message>
    <message>
        <source>EPUB, one file for each issue</source>
        <translation>EPUB, osobny plik dla każdego numeru</translation>
    </message>
    <message>
        <source>Print-ready PDF</source>
        <translation>PDF do druku</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier:</translation>
    </message>
    <message>
        <source>&amp;Bleed:</source>
        <translation>&amp;Spad:</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>Added on every side of the page, for printing to the edge</source>
        <translation>Dodawany z każdej strony kartki, do druku na spad</translation>
    </message>
    <message>
        <source>&amp;Crop marks</source>
        <translation>&amp;Znaczniki cięcia</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <source>By default: the series and years</source>
        <translation>Domyślnie: seria i lata</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Zapisz &amp;do:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Wybierz miejsce zapisu</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksportuj</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Pokaż w folderze</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Postęp eksportu</translation>
    </message>
    <message>
        <source>bookstore-export</source>
        <translation>bookstore-eksport</translation>
    </message>
    <message>
        <source>Save to Folder</source>
        <translation>Zapisz w folderze</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Zapisz jako</translation>
    </message>
    <message>
        <source>There is nothing to export: the list is empty.</source>
        <translation>Nie ma czego eksportować: lista jest pusta.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n issues…</source>
        <translation><numerusform>Eksportowanie %n numeru…</numerusform><numerusform>Eksportowanie %n numerów…</numerusform><numerusform>Eksportowanie %n numerów…</numerusform></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Eksportowanie</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Zapisano {path}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n files in {folder}</source>
        <translation><numerusform>Zapisano %n plik w {folder}</numerusform><numerusform>Zapisano %n pliki w {folder}</numerusform><numerusform>Zapisano %n plików w {folder}</numerusform></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Eksport anulowany; nic nie zostało zapisane.</translation>
    </message>
    <message>
        <source>Export &amp;Again</source>
        <translation>Eksportuj &amp;ponownie</translation>
    </message>
</context>
<context>
    <name>FilterLine</name>
    <message>
        <source>Showing: {filter}</source>
        <translation>Widoczne: {filter}</translation>
    </message>
    <message>
        <source>topic “{topic}”</source>
        <translation>temat „{topic}”</translation>
    </message>
    <message>
        <source>owned</source>
        <translation>posiadane</translation>
    </message>
    <message>
        <source>not owned</source>
        <translation>nieposiadane</translation>
    </message>
    <message>
        <source>recently added</source>
        <translation>ostatnio dodane</translation>
    </message>
    <message>
        <source>search “{query}”</source>
        <translation>wyszukiwanie „{query}”</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Pokaż wszystko</translation>
    </message>
    <message>
        <source>Clear the search and show every issue</source>
        <translation>Wyczyść wyszukiwanie i pokaż wszystkie numery</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Znajdź:</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>Znajdź w tekście</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Poprzednie</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Poprzednie wystąpienie (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Następne</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Następne wystąpienie (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Zamknij pasek wyszukiwania</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Wystąpienia</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Przyczyna</translation>
    </message>
    <message>
        <source>Files that could not be imported</source>
        <translation>Pliki, których nie udało się zaimportować</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Postęp importu</translation>
    </message>
    <message>
        <source>Show Imported Issues</source>
        <translation>Pokaż zaimportowane numery</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importowanie…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importowanie</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import anulowany</translation>
    </message>
    <message>
        <source>The files imported before you cancelled stay in the library; the one being imported was left out.</source>
        <translation>Pliki zaimportowane przed anulowaniem zostają w bibliotece; importowany właśnie plik został pominięty.</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Import przerwany</translation>
    </message>
    <message>
        <source>{imported} imported, {updated} updated, {failed} failed</source>
        <translation>Zaimportowane: {imported}, zaktualizowane: {updated}, błędy: {failed}</translation>
    </message>
    <message>
        <source>No page to import was found there.</source>
        <translation>Nie znaleziono tam żadnej strony do zaimportowania.</translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be imported; the library is unchanged by them:</source>
        <translation><numerusform>Nie udało się zaimportować %n pliku; biblioteka pozostała przez niego bez zmian:</numerusform><numerusform>Nie udało się zaimportować %n plików; biblioteka pozostała przez nie bez zmian:</numerusform><numerusform>Nie udało się zaimportować %n plików; biblioteka pozostała przez nie bez zmian:</numerusform></translation>
    </message>
    <message>
        <source>Every file was imported.</source>
        <translation>Zaimportowano wszystkie pliki.</translation>
    </message>
    <message>
        <source>New series made from the files&apos; labels: {names}.</source>
        <translation>Nowe serie utworzone z etykiet plików: {names}.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import Files</source>
        <translation>Importuj pliki</translation>
    </message>
    <message>
        <source>Pages and books ({patterns});;All files (*)</source>
        <translation>Strony i książki ({patterns});;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importuj folder</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing</source>
        <translation>Importowanie</translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Anuluj import</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Szczegóły…</translation>
    </message>
    <message>
        <source>What was imported, and why any file failed</source>
        <translation>Co zaimportowano i dlaczego któryś plik się nie udał</translation>
    </message>
    <message>
        <source>Show Imported</source>
        <translation>Pokaż zaimportowane</translation>
    </message>
    <message>
        <source>Select the imported issues in All issues</source>
        <translation>Zaznacz zaimportowane numery we Wszystkich numerach</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ukryj</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Postęp importu</translation>
    </message>
    <message>
        <source>An import is running: wait for it to end, or cancel it, first.</source>
        <translation>Trwa import: najpierw poczekaj, aż się skończy, albo go anuluj.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importowanie…</translation>
    </message>
    <message>
        <source>Imported: {imported} new, {updated} updated, {failed} failed</source>
        <translation>Zaimportowano: nowe {imported}, zaktualizowane {updated}, nieudane {failed}</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import anulowany</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Import przerwany</translation>
    </message>
    <message numerus="yes">
        <source>Importing: {done} of %n files</source>
        <translation><numerusform>Import: {done} z %n pliku</numerusform><numerusform>Import: {done} z %n plików</numerusform><numerusform>Import: {done} z %n plików</numerusform></translation>
    </message>
</context>
<context>
    <name>IndexRebuild</name>
    <message>
        <source>Search: {problem}</source>
        <translation>Wyszukiwanie: {problem}</translation>
    </message>
    <message>
        <source>The search index is ready.</source>
        <translation>Indeks wyszukiwania jest gotowy.</translation>
    </message>
    <message>
        <source>Making the search index</source>
        <translation>Tworzenie indeksu wyszukiwania</translation>
    </message>
    <message>
        <source>Search: {problem}; it is being made again from the library.</source>
        <translation>Wyszukiwanie: {problem}; indeks jest tworzony od nowa na podstawie biblioteki.</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Cover</source>
        <translation>Okładka</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Seria</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autorzy</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Cena</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Posiadany</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Bezpłatny</translation>
    </message>
</context>
<context>
    <name>IssueView</name>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Wydano</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Cena</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Tematy</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Przekłady</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Pliki</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Wprowadzenie</translation>
    </message>
    <message>
        <source>In this issue</source>
        <translation>W tym numerze</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Okładka</translation>
    </message>
    <message>
        <source>Issue details</source>
        <translation>Szczegóły numeru</translation>
    </message>
    <message>
        <source>No author named</source>
        <translation>Brak autora</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Posiadany</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Bezpłatny</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Anuluj trwające zadanie</translation>
    </message>
    <message>
        <source>Progress of the running job</source>
        <translation>Postęp trwającego zadania</translation>
    </message>
    <message>
        <source>{job} (and {more} more)</source>
        <translation>{job} (i jeszcze {more})</translation>
    </message>
</context>
<context>
    <name>LibraryMenu</name>
    <message>
        <source>Open Library</source>
        <translation>Otwórz bibliotekę</translation>
    </message>
    <message>
        <source>{folder} holds no Bookstore library; choose its folder, or make a new library</source>
        <translation>{folder} nie zawiera biblioteki Bookstore; wybierz jej folder albo utwórz nową bibliotekę</translation>
    </message>
    <message>
        <source>New library</source>
        <translation>Nowa biblioteka</translation>
    </message>
    <message>
        <source>{folder} already holds a library</source>
        <translation>{folder} zawiera już bibliotekę</translation>
    </message>
    <message>
        <source>No other library yet</source>
        <translation>Nie ma jeszcze innych bibliotek</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No issue matches this search.</source>
        <translation>Żaden numer nie pasuje do tego wyszukiwania.</translation>
    </message>
    <message>
        <source>The library is empty.
Import publisher pages with Ctrl+I, or drop files or folders here.</source>
        <translation>Biblioteka jest pusta.
Zaimportuj strony wydawcy (Ctrl+I) albo upuść tu pliki lub foldery.</translation>
    </message>
    <message>
        <source>No issues here.</source>
        <translation>Brak numerów.</translation>
    </message>
    <message numerus="yes">
        <source>%n issues</source>
        <translation><numerusform>%n numer</numerusform><numerusform>%n numery</numerusform><numerusform>%n numerów</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation><numerusform>%n zaznaczony</numerusform><numerusform>%n zaznaczone</numerusform><numerusform>%n zaznaczonych</numerusform></translation>
    </message>
    <message>
        <source>Remove “{title}” from the library?</source>
        <translation>Usunąć „{title}” z biblioteki?</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n issues from the library?</source>
        <translation><numerusform>Usunąć %n numer z biblioteki?</numerusform><numerusform>Usunąć %n numery z biblioteki?</numerusform><numerusform>Usunąć %n numerów z biblioteki?</numerusform></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z while Bookstore is open.</source>
        <translation>Możesz to cofnąć (Ctrl+Z), dopóki Bookstore jest otwarty.</translation>
    </message>
    <message>
        <source>type a search first, then save it</source>
        <translation>najpierw wpisz wyszukiwanie, potem je zapisz</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>Zapisz wyszukiwanie</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>Nazwa wyszukiwania:</translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation>Usuń zapisane wyszukiwanie</translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”?</source>
        <translation>Usunąć zapisane wyszukiwanie „{name}”?</translation>
    </message>
    <message>
        <source>Bookstore — {library}</source>
        <translation>Bookstore — {library}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>Recent &amp;Libraries</source>
        <translation>Ostatnie &amp;biblioteki</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Numer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Sortuj według</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Główny pasek narzędzi</translation>
    </message>
    <message>
        <source>Save Search…</source>
        <translation>Zapisz wyszukiwanie…</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Zapisz to wyszukiwanie</translation>
    </message>
    <message>
        <source>Keep this search in the sidebar (Ctrl+Shift+S)</source>
        <translation>Zachowaj to wyszukiwanie w panelu bocznym (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>The issues chosen in the sidebar and by the search; Enter opens the reader</source>
        <translation>Numery wybrane w panelu bocznym i wyszukiwaniem; Enter otwiera czytnik</translation>
    </message>
    <message>
        <source>Issue count</source>
        <translation>Liczba numerów</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>“{job}” is still running. Cancel it and quit?</source>
        <translation>„{job}” wciąż trwa. Anulować i zakończyć?</translation>
    </message>
</context>
<context>
    <name>NewLibraryDialog</name>
    <message>
        <source>New Library</source>
        <translation>Nowa biblioteka</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Folder of the new library</source>
        <translation>Folder nowej biblioteki</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Wybierz folder</translation>
    </message>
    <message>
        <source>Fill it with the &amp;sample catalog</source>
        <translation>Wypełnij &amp;przykładowym katalogiem</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Utwórz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Wybierz folder</translation>
    </message>
</context>
<context>
    <name>QtParts</name>
    <message>
        <source>Clear the field</source>
        <translation>Wyczyść pole</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>Więcej narzędzi</translation>
    </message>
</context>
<context>
    <name>ReaderSpeech</name>
    <message>
        <source>Read Aloud</source>
        <translation>Czytaj na głos</translation>
    </message>
    <message>
        <source>Read the issue aloud (%1)</source>
        <translation>Czytaj numer na głos (%1)</translation>
    </message>
    <message>
        <source>Pause or resume reading (%1)</source>
        <translation>Wstrzymaj lub wznów czytanie (%1)</translation>
    </message>
    <message>
        <source>Stop Reading</source>
        <translation>Zatrzymaj czytanie</translation>
    </message>
    <message>
        <source>Stop reading aloud (%1)</source>
        <translation>Zatrzymaj czytanie na głos (%1)</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Tempo czytania</translation>
    </message>
    <message>
        <source>Words a minute</source>
        <translation>Słów na minutę</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Czytanie na głos</translation>
    </message>
    <message>
        <source>Read aloud needs espeak-ng or speech-dispatcher; neither is installed.</source>
        <translation>Czytanie na głos wymaga programu espeak-ng lub speech-dispatcher; żaden z nich nie jest zainstalowany.</translation>
    </message>
    <message>
        <source>Read aloud stopped: {program} ended with exit status {code}.</source>
        <translation>Czytanie na głos przerwane: {program} zakończył działanie z kodem wyjścia {code}.</translation>
    </message>
    <message>
        <source>Read aloud stopped: {program} could not be started.</source>
        <translation>Czytanie na głos przerwane: nie udało się uruchomić programu {program}.</translation>
    </message>
    <message>
        <source>Resume Reading</source>
        <translation>Wznów czytanie</translation>
    </message>
    <message>
        <source>Pause Reading</source>
        <translation>Wstrzymaj czytanie</translation>
    </message>
    <message>
        <source>Sentence {number} of {count}</source>
        <translation>Zdanie {number} z {count}</translation>
    </message>
    <message>
        <source>Paused at sentence {number} of {count}</source>
        <translation>Wstrzymano na zdaniu {number} z {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n words a minute</source>
        <translation><numerusform>%n słowo na minutę</numerusform><numerusform>%n słowa na minutę</numerusform><numerusform>%n słów na minutę</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message>
        <source>{label} — Reader</source>
        <translation>{label} — czytnik</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+Minus)</source>
        <translation>Mniejszy tekst (Ctrl+Minus)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Mniejszy tekst</translation>
    </message>
    <message>
        <source>Default text size (Ctrl+0)</source>
        <translation>Domyślny rozmiar tekstu (Ctrl+0)</translation>
    </message>
    <message>
        <source>Bigger text (Ctrl+Plus)</source>
        <translation>Większy tekst (Ctrl+Plus)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Znajdź…</translation>
    </message>
    <message>
        <source>Find in the text (Ctrl+F)</source>
        <translation>Znajdź w tekście (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Znajdź następne</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Znajdź poprzednie</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>&amp;Page:</source>
        <translation>&amp;Strona:</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Jasna</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Ciemna</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
    <message>
        <source>Page colours</source>
        <translation>Kolory strony</translation>
    </message>
    <message>
        <source>Text of {label}</source>
        <translation>Tekst: {label}</translation>
    </message>
    <message>
        <source>Default text size</source>
        <translation>Domyślny rozmiar tekstu</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Większy tekst</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>Znajdź w tekście</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nie znaleziono</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation><numerusform>%n wystąpienie</numerusform><numerusform>%n wystąpienia</numerusform><numerusform>%n wystąpień</numerusform></translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} z {count}</translation>
    </message>
</context>
<context>
    <name>SavedSearchMenu</name>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Zmień nazwę…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Usuń…</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>Zmień nazwę zapisanego wyszukiwania</translation>
    </message>
    <message>
        <source>New name of “{name}”:</source>
        <translation>Nowa nazwa dla „{name}”:</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search: words, "phrases", series:, author:, topic:, year:, lang:, owned:</source>
        <translation>Szukaj: słowa, "frazy", series:, author:, topic:, year:, lang:, owned:</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Przeszukaj bibliotekę</translation>
    </message>
    <message>
        <source>Type words to find; field names like series: or author: narrow the search; the list updates as you type</source>
        <translation>Wpisz szukane słowa; nazwy pól, np. series: lub author:, zawężają wyszukiwanie; lista zmienia się podczas pisania</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Motyw:</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Biblioteka:</translation>
    </message>
    <message>
        <source>Open Another…</source>
        <translation>Otwórz inną…</translation>
    </message>
    <message>
        <source>Open another library</source>
        <translation>Otwórz inną bibliotekę</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Motyw</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Folder biblioteki</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Jasny</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Ciemny</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klawisze</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Działanie</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Przeszukaj bibliotekę</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importuj pliki</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Importuj folder</translation>
    </message>
    <message>
        <source>Export the chosen issues</source>
        <translation>Eksportuj wybrane numery</translation>
    </message>
    <message>
        <source>Read the chosen issue</source>
        <translation>Czytaj wybrany numer</translation>
    </message>
    <message>
        <source>Edit the issue's metadata</source>
        <translation>Edytuj metadane numeru</translation>
    </message>
    <message>
        <source>Remove the chosen issues</source>
        <translation>Usuń wybrane numery</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Cofnij</translation>
    </message>
    <message>
        <source>Save the search</source>
        <translation>Zapisz wyszukiwanie</translation>
    </message>
    <message>
        <source>Select every issue in the list</source>
        <translation>Zaznacz wszystkie numery na liście</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>Reader: smaller, default, bigger text</source>
        <translation>Czytnik: mniejszy, domyślny, większy tekst</translation>
    </message>
    <message>
        <source>Reader: find, next, previous</source>
        <translation>Czytnik: znajdź, następne, poprzednie</translation>
    </message>
    <message>
        <source>Reader: close the find bar, then the reader</source>
        <translation>Czytnik: zamknij pasek wyszukiwania, potem czytnik</translation>
    </message>
    <message>
        <source>Reader: read aloud, pause or resume, stop</source>
        <translation>Czytnik: czytaj na głos, wstrzymaj lub wznów, zatrzymaj</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library sections</source>
        <translation>Działy biblioteki</translation>
    </message>
    <message>
        <source>Choose which issues the list shows: a series, a year, a topic, a language or a saved search</source>
        <translation>Wybierz, które numery pokazuje lista: serię, rok, temat, język lub zapisane wyszukiwanie</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>All issues</source>
        <translation>Wszystkie numery</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>Ostatnio dodane</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Posiadane</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Tematy</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Języki</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Zapisane wyszukiwania</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Na razie brak</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Księgarnia</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n issues</source>
        <translation><numerusform>{name}: %n numer</numerusform><numerusform>{name}: %n numery</numerusform><numerusform>{name}: %n numerów</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderNavigation</name>
    <message>
        <source>&amp;Section:</source>
        <translation>&amp;Rozdział:</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Początek</translation>
    </message>
    <message>
        <source>Go to a section</source>
        <translation>Przejdź do rozdziału</translation>
    </message>
    <message>
        <source>Issue ›</source>
        <translation>Numer ›</translation>
    </message>
    <message>
        <source>Next Issue</source>
        <translation>Następny numer</translation>
    </message>
    <message>
        <source>Next Section</source>
        <translation>Następny rozdział</translation>
    </message>
    <message>
        <source>Next issue of the series (Alt+Right)</source>
        <translation>Następny numer serii (Alt+Strzałka w prawo)</translation>
    </message>
    <message>
        <source>Next section (Alt+Down)</source>
        <translation>Następny rozdział (Alt+Strzałka w dół)</translation>
    </message>
    <message>
        <source>Previous Issue</source>
        <translation>Poprzedni numer</translation>
    </message>
    <message>
        <source>Previous Section</source>
        <translation>Poprzedni rozdział</translation>
    </message>
    <message>
        <source>Previous issue of the series (Alt+Left)</source>
        <translation>Poprzedni numer serii (Alt+Strzałka w lewo)</translation>
    </message>
    <message>
        <source>Previous section (Alt+Up)</source>
        <translation>Poprzedni rozdział (Alt+Strzałka w górę)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Postęp</translation>
    </message>
    <message>
        <source>Section {current} of {count}</source>
        <translation>Rozdział {current} z {count}</translation>
    </message>
    <message>
        <source>Sections of the issue</source>
        <translation>Rozdziały numeru</translation>
    </message>
    <message>
        <source>{where} · {percent}</source>
        <translation>{where} · {percent}</translation>
    </message>
    <message>
        <source>‹ Issue</source>
        <translation>‹ Numer</translation>
    </message>
</context>
<context>
    <name>CitationActions</name>
    <message>
        <source>Copy &amp;Citation</source>
        <translation>Kopiuj &amp;cytowanie</translation>
    </message>
    <message>
        <source>Copy the chosen issues' citations in the style of Settings</source>
        <translation>Kopiuj cytowania wybranych numerów w stylu z Ustawień</translation>
    </message>
    <message>
        <source>Export Citations…</source>
        <translation>Eksportuj cytowania…</translation>
    </message>
    <message>
        <source>Save the chosen issues' citations as BibTeX, BibLaTeX, RIS, CSL-JSON or text</source>
        <translation>Zapisz cytowania wybranych numerów jako BibTeX, BibLaTeX, RIS, CSL-JSON lub tekst</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Kopiuj cytowanie</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n citation(s).</source>
        <translation><numerusform>Skopiowano %n cytowanie.</numerusform><numerusform>Skopiowano %n cytowania.</numerusform><numerusform>Skopiowano %n cytowań.</numerusform></translation>
    </message>
    <message>
        <source>Export Citations</source>
        <translation>Eksportuj cytowania</translation>
    </message>
    <message>
        <source>Exporting citations</source>
        <translation>Eksportowanie cytowań</translation>
    </message>
    <message>
        <source>Citations saved in %1</source>
        <translation>Cytowania zapisano w %1</translation>
    </message>
</context>
<context>
    <name>CitationRows</name>
    <message>
        <source>&amp;Citation style:</source>
        <translation>Styl &amp;cytowań:</translation>
    </message>
    <message>
        <source>Citation lan&amp;guage:</source>
        <translation>Język cyto&amp;wań:</translation>
    </message>
    <message>
        <source>Citation style</source>
        <translation>Styl cytowań</translation>
    </message>
    <message>
        <source>Citation language</source>
        <translation>Język cytowań</translation>
    </message>
    <message>
        <source>APA</source>
        <translation>APA</translation>
    </message>
    <message>
        <source>Chicago (author-date)</source>
        <translation>Chicago (autor-data)</translation>
    </message>
    <message>
        <source>Harvard (Cite Them Right)</source>
        <translation>Harvard (Cite Them Right)</translation>
    </message>
    <message>
        <source>ISO 690 (author-date)</source>
        <translation>ISO 690 (autor-data)</translation>
    </message>
    <message>
        <source>The issue's own</source>
        <translation>Język numeru</translation>
    </message>
</context>
<context>
    <name>ReaderQuote</name>
    <message>
        <source>Copy as &amp;Quotation</source>
        <translation>Kopiuj jako &amp;cytat</translation>
    </message>
    <message>
        <source>Copy the passage with its section and the issue's citation (%1)</source>
        <translation>Kopiuj fragment z nazwą rozdziału i cytowaniem numeru (%1)</translation>
    </message>
    <message>
        <source>Copy as Quotation</source>
        <translation>Kopiuj jako cytat</translation>
    </message>
</context>
<context>
    <name>SeriesGapsView</name>
    <message>
        <source>Complete Series</source>
        <translation>Kompletne serie</translation>
    </message>
    <message>
        <source>What the library lacks of each series, year by year</source>
        <translation>Czego brakuje w bibliotece z każdej serii, rok po roku</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>Check Store</source>
        <translation>Sprawdź w sklepie</translation>
    </message>
    <message>
        <source>Get Every Free Missing Issue</source>
        <translation>Pobierz wszystkie brakujące bezpłatne numery</translation>
    </message>
    <message>
        <source>Missing issues</source>
        <translation>Brakujące numery</translation>
    </message>
    <message>
        <source>No store added (add one in the Store)</source>
        <translation>Nie dodano sklepu (dodaj go w widoku Sklep)</translation>
    </message>
    <message>
        <source>{name} {year}: {held} of {last}</source>
        <translation>{name} {year}: {held} z {last}</translation>
    </message>
    <message>
        <source>{name} {year}: {held} of at least {last}</source>
        <translation>{name} {year}: {held} z co najmniej {last}</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n missing</source>
        <translation><numerusform>{name}: brak %n numeru</numerusform><numerusform>{name}: brak %n numerów</numerusform><numerusform>{name}: brak %n numerów</numerusform></translation>
    </message>
    <message>
        <source>complete</source>
        <translation>komplet</translation>
    </message>
    <message>
        <source>missing: {numbers}</source>
        <translation>brak: {numbers}</translation>
    </message>
    <message>
        <source>Reading the store's catalog…</source>
        <translation>Czytanie katalogu sklepu…</translation>
    </message>
    <message>
        <source>Checking the store for missing issues</source>
        <translation>Szukanie brakujących numerów w sklepie</translation>
    </message>
    <message>
        <source>The store offers {free} free and {priced} priced issues the library lacks.</source>
        <translation>Sklep oferuje bezpłatne ({free}) i płatne ({priced}) numery, których brak w bibliotece.</translation>
    </message>
    <message>
        <source>no. {number}: {title}</source>
        <translation>nr {number}: {title}</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>Pobierz</translation>
    </message>
    <message>
        <source>Add to Cart</source>
        <translation>Do koszyka</translation>
    </message>
    <message>
        <source>Getting missing issues</source>
        <translation>Pobieranie brakujących numerów</translation>
    </message>
</context>
</TS>