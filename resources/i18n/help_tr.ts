<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/help/__init__.py" line="+41"/>
        <source>More…</source>
        <translation>Devamı…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Layer and Training &amp;Guide</source>
        <translation>Katman ve Eğitim &amp;Rehberi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every layer type and training setting explained, with formulas</source>
        <translation>Her katman türü ve eğitim ayarı, formülleriyle açıklanmış</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help on This</source>
        <translation>&amp;Bununla İlgili Yardım</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain the layer or setting under the mouse, or the selected layer</source>
        <translation>Farenin altındaki katmanı ya da ayarı, yoksa seçili katmanı açıkla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain the layer or setting under the mouse, or the selected layer (F1)</source>
        <translation>Farenin altındaki katmanı ya da ayarı, yoksa seçili katmanı açıkla (F1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What&apos;s &amp;This?</source>
        <translation>Bu &amp;Nedir?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then click any layer or setting for a short explanation</source>
        <translation>Ardından kısa bir açıklama için bir katmana ya da ayara tıklayın</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What is this layer? Open its help page (F1)</source>
        <translation>Bu katman nedir? Yardım sayfasını aç (F1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Help on these settings</source>
        <translation>Bu ayarlar hakkında yardım</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read what each training setting does; F1 over a setting explains that one</source>
        <translation>Her eğitim ayarının ne yaptığını okuyun; bir ayarın üzerinde F1&apos;e basmak o ayarı açıklar</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>What is this?</source>
        <translation>Bu nedir?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add after the selected layer</source>
        <translation>Seçili katmandan sonra ekle</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <location filename="../../gui/help/window.py" line="+102"/>
        <source>There is no help page with this name.</source>
        <translation>Bu adda bir yardım sayfası yok.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location line="+128"/>
        <source>Layer and Training Guide — Katman</source>
        <translation>Katman ve Eğitim Rehberi — Katman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the guide…</source>
        <translation>Rehberde ara…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a word, e.g. &apos;dropout&apos;, &apos;öğrenme oranı&apos; or &apos;adam&apos;</source>
        <translation>Bir kelime yazın, ör. &apos;seyreltme&apos;, &apos;öğrenme oranı&apos; ya da &apos;adam&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No topic contains these words.</source>
        <translation>Bu kelimeleri içeren bir konu yok.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>İleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start page of the guide</source>
        <translation>Rehberin başlangıç sayfası</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every layer type and training setting; click one to read about it</source>
        <translation>Her katman türü ve eğitim ayarı; okumak için birine tıklayın</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Layers</source>
        <translation>Katmanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
</context>
</TS>
