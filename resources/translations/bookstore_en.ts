<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Edit %n Issues</source>
        <translation><numerusform>Edit %n Issue</numerusform><numerusform>Edit %n Issues</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>What you set here changes all %n issues chosen; the rest stays.</source>
        <translation><numerusform>What you set here changes the %n issue chosen; the rest stays.</numerusform><numerusform>What you set here changes all %n issues chosen; the rest stays.</numerusform></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message numerus="yes">
        <source>Edit %n issues</source>
        <translation><numerusform>Edit %n issue</numerusform><numerusform>Edit %n issues</numerusform></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>%n issues selected.
Export them with Ctrl+E or remove them with Delete.</source>
        <translation><numerusform>%n issue selected.
Export them with Ctrl+E or remove them with Delete.</numerusform><numerusform>%n issues selected.
Export them with Ctrl+E or remove them with Delete.</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The selected issues (%n)</source>
        <translation><numerusform>The selected issues (%n)</numerusform><numerusform>The selected issues (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Every issue in the list (%n)</source>
        <translation><numerusform>Every issue in the list (%n)</numerusform><numerusform>Every issue in the list (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n issues…</source>
        <translation><numerusform>Exporting %n issue…</numerusform><numerusform>Exporting %n issues…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n files in {folder}</source>
        <translation><numerusform>Saved %n file in {folder}</numerusform><numerusform>Saved %n files in {folder}</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n files could not be imported; the library is unchanged by them:</source>
        <translation><numerusform>%n file could not be imported; the library is unchanged by them:</numerusform><numerusform>%n files could not be imported; the library is unchanged by them:</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message numerus="yes">
        <source>Importing: {done} of %n files</source>
        <translation><numerusform>Importing: {done} of %n file</numerusform><numerusform>Importing: {done} of %n files</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n issues</source>
        <translation><numerusform>%n issue</numerusform><numerusform>%n issues</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation><numerusform>%n selected</numerusform><numerusform>%n selected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n issues from the library?</source>
        <translation><numerusform>Remove %n issue from the library?</numerusform><numerusform>Remove %n issues from the library?</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderSpeech</name>
    <message numerus="yes">
        <source>%n words a minute</source>
        <translation><numerusform>%n word a minute</numerusform><numerusform>%n words a minute</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message numerus="yes">
        <source>%n matches</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message numerus="yes">
        <source>{name}: %n issues</source>
        <translation><numerusform>{name}: %n issue</numerusform><numerusform>{name}: %n issues</numerusform></translation>
    </message>
</context>
</TS>