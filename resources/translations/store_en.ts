<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FeedsView</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new issues.</source>
        <translation>
            <numerusform>%n new issue.</numerusform>
            <numerusform>%n new issues.</numerusform>
        </translation>
    </message>
</context>
</TS>
