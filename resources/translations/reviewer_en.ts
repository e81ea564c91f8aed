<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CorpusExport</name>
    <message numerus="yes">
        <source>Replaced %n article(s) in {folder}</source>
        <translation>
            <numerusform>Replaced %n article in {folder}</numerusform>
            <numerusform>Replaced %n articles in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n article(s) in {folder}</source>
        <translation>
            <numerusform>Wrote %n article in {folder}</numerusform>
            <numerusform>Wrote %n articles in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n page(s)</source>
        <translation>
            <numerusform>from %n page</numerusform>
            <numerusform>from %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) remain unresolved</source>
        <translation>
            <numerusform>%n conflict remains unresolved</numerusform>
            <numerusform>%n conflicts remain unresolved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{conflicts} on %n page(s). Export anyway, using one version&apos;s reading for them?</source>
        <translation>
            <numerusform>{conflicts} on %n page. Export anyway, using one version&apos;s reading for them?</numerusform>
            <numerusform>{conflicts} on %n pages. Export anyway, using one version&apos;s reading for them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusTexts</name>
    <message numerus="yes">
        <source>Aligned %n page(s) in {time}</source>
        <translation>
            <numerusform>Aligned %n page in {time}</numerusform>
            <numerusform>Aligned %n pages in {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) aligned</source>
        <translation>
            <numerusform>%n page aligned</numerusform>
            <numerusform>%n pages aligned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unpaired file(s)</source>
        <translation>
            <numerusform>%n unpaired file</numerusform>
            <numerusform>%n unpaired files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Corpus: %n page(s)</source>
        <translation>
            <numerusform>Corpus: %n page</numerusform>
            <numerusform>Corpus: %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n page(s)</source>
        <translation>
            <numerusform>on %n page</numerusform>
            <numerusform>on %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) left {on_pages}</source>
        <translation>
            <numerusform>%n conflict left {on_pages}</numerusform>
            <numerusform>%n conflicts left {on_pages}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message numerus="yes">
        <source>Replaced %n article(s) in {folder}</source>
        <translation>
            <numerusform>Replaced %n article in {folder}</numerusform>
            <numerusform>Replaced %n articles in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n article(s) in {folder}</source>
        <translation>
            <numerusform>Wrote %n article in {folder}</numerusform>
            <numerusform>Wrote %n articles in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform>
            <numerusform>%n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) remain unresolved. Export anyway, using one version&apos;s reading for them?</source>
        <translation>
            <numerusform>%n conflict remains unresolved. Export anyway, using one version&apos;s reading for them?</numerusform>
            <numerusform>%n conflicts remain unresolved. Export anyway, using one version&apos;s reading for them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message numerus="yes">
        <source>%n undecided conflict(s) read as left</source>
        <translation>
            <numerusform>%n undecided conflict read as left</numerusform>
            <numerusform>%n undecided conflicts read as left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemInfo</name>
    <message numerus="yes">
        <source>&lt;b&gt;Space&lt;/b&gt; keeps / &lt;b&gt;x&lt;/b&gt; drops the whole article (%n unit(s))</source>
        <translation>
            <numerusform>&lt;b&gt;Space&lt;/b&gt; keeps / &lt;b&gt;x&lt;/b&gt; drops the whole article (%n unit)</numerusform>
            <numerusform>&lt;b&gt;Space&lt;/b&gt; keeps / &lt;b&gt;x&lt;/b&gt; drops the whole article (%n units)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message numerus="yes">
        <source>{what}: %n item(s) decided (z undoes)</source>
        <translation>
            <numerusform>{what}: %n item decided (z undoes)</numerusform>
            <numerusform>{what}: %n items decided (z undoes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettleCommands</name>
    <message numerus="yes">
        <source>%n conflict(s) left</source>
        <translation>
            <numerusform>%n conflict left</numerusform>
            <numerusform>%n conflicts left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{conflicts} · %n triage, defaults apply</source>
        <translation>
            <numerusform>{conflicts} · %n triage, defaults apply</numerusform>
            <numerusform>{conflicts} · %n triage, defaults apply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggested reading(s) (confidence ≥ {x}) in the whole review? One undo step.</source>
        <translation>
            <numerusform>Accept %n suggested reading (confidence ≥ {x}) in the whole review? One undo step.</numerusform>
            <numerusform>Accept %n suggested readings (confidence ≥ {x}) in the whole review? One undo step.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n</source>
        <translation>
            <numerusform>Accept %n</numerusform>
            <numerusform>Accept %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decide %n triage item(s) by the defaults: keep one-sided paragraphs, drop duplicates and noise? One undo step.</source>
        <translation>
            <numerusform>Decide %n triage item by the defaults: keep one-sided paragraphs, drop duplicates and noise? One undo step.</numerusform>
            <numerusform>Decide %n triage items by the defaults: keep one-sided paragraphs, drop duplicates and noise? One undo step.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decide %n</source>
        <translation>
            <numerusform>Decide %n</numerusform>
            <numerusform>Decide %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n conflict(s) and {triage} triage items are decided.</source>
        <translation>
            <numerusform>All %n conflict and {triage} triage items are decided.</numerusform>
            <numerusform>All %n conflicts and {triage} triage items are decided.</numerusform>
        </translation>
    </message>
</context>
</TS>
