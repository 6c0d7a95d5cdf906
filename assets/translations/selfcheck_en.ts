<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PassphraseBox</name>
    <message numerus="yes">
        <location filename="../../desktop/gui/passphrase_box.py" line="87"/>
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/passphrase_box.py" line="167"/>
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop/gui/pages/review_page.py" line="162"/>
        <source>Verdict: action required (%n item(s))</source>
        <translation>
            <numerusform>Verdict: action required (%n item)</numerusform>
            <numerusform>Verdict: action required (%n items)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/gui/review_window.py" line="201"/>
        <source>Checking… %n file(s)</source>
        <translation>
            <numerusform>Checking… %n file</numerusform>
            <numerusform>Checking… %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message numerus="yes">
        <location filename="../../desktop/gui/start_screen.py" line="170"/>
        <source>History intact: %n declaration(s).</source>
        <translation>
            <numerusform>History intact: %n declaration.</numerusform>
            <numerusform>History intact: %n declarations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/start_screen.py" line="207"/>
        <source>%1 was due on %2: %n day(s) overdue.</source>
        <translation>
            <numerusform>%1 was due on %2: %n day overdue.</numerusform>
            <numerusform>%1 was due on %2: %n days overdue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/start_screen.py" line="211"/>
        <source>Next: %1, due on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>Next: %1, due on %2 (in %n day).</numerusform>
            <numerusform>Next: %1, due on %2 (in %n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenBox</name>
    <message numerus="yes">
        <location filename="../../desktop/gui/token_box.py" line="163"/>
        <source>%n certificate(s) on the token.</source>
        <translation>
            <numerusform>%n certificate on the token.</numerusform>
            <numerusform>%n certificates on the token.</numerusform>
        </translation>
    </message>
</context>
</TS>
