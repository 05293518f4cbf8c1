<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/inference/controller.py" line="+48"/>
        <source>Something went wrong inside Katman: %1</source>
        <translation>Katman’ın içinde bir şeyler ters gitti: %1</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Train the network first: press Train (F5). Then try it here on your own input.</source>
        <translation>Önce ağı eğit: Eğit’e bas (F5). Sonra ağı burada kendi girdinle dene.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Getting the trained network ready…</source>
        <translation>Eğitilmiş ağ hazırlanıyor…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The network cannot be tried: %1</source>
        <translation>Ağ denenemiyor: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>your input</source>
        <translation>girdin</translation>
    </message>
    <message>
        <location filename="../../gui/inference/__init__.py" line="+51"/>
        <source>&amp;Try It</source>
        <translation>Ağı De&amp;ne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the Try It panel: try the trained network on your own input (draw, click, type)</source>
        <translation>Ağı Dene panelini göster: eğitilmiş ağı kendi girdinle dene (çiz, tıkla, yaz)</translation>
    </message>
</context>
<context>
    <name>OutputBlock</name>
    <message>
        <location filename="../../gui/inference/bars.py" line="+126"/>
        <source>(no prediction yet)</source>
        <translation>(henüz tahmin yok)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The network says &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt; (%2 sure)</source>
        <translation>Ağın tahmini: &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt; (%2 emin)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Predicted value: &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;</source>
        <translation>Tahmin edilen değer: &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location line="-41"/>
        <source>… and %1 less likely classes</source>
        <translation>… ve olasılığı daha düşük %1 sınıf</translation>
    </message>
</context>
<context>
    <name>SamplePreview</name>
    <message>
        <location filename="../../gui/inference/pad.py" line="+153"/>
        <source>What the network sees: %1×%2 pixels, values %3 to %4</source>
        <translation>Ağın gördüğü: %1×%2 piksel, değerler %3 ile %4 arasında</translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <location filename="../../gui/inference/panel.py" line="+230"/>
        <source>Try It</source>
        <translation>Ağı Dene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wipe the pad and draw again (or right-click the pad, or press Delete)</source>
        <translation>Çizim alanını sil ve yeniden çiz (ya da alana sağ tıkla veya Delete’e bas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open image…</source>
        <translation>Görüntü aç…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the network look at an image file (PNG, PGM, PPM or JPEG); you can also drop a file on this panel</source>
        <translation>Ağa bir görüntü dosyası göster (PNG, PGM, PPM ya da JPEG); dosyayı bu panelin üstüne sürükleyip bırakabilirsin de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw here with the mouse</source>
        <translation>Fareyle buraya çiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold the left mouse button and draw. Right-click or Delete clears the pad.</source>
        <translation>Sol fare tuşunu basılı tutarak çiz. Sağ tık ya da Delete çizim alanını temizler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click anywhere (or drag) to ask the network about that point</source>
        <translation>Ağa bir noktayı sormak için herhangi bir yere tıkla (ya da sürükle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour: what the network predicts at each point; pale where it is unsure. Dots: the data. Click to place a point.</source>
        <translation>Renk: ağın her noktadaki tahmini; emin olmadığı yerlerde soluk. Noktalar: veri. Bir nokta koymak için tıkla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train now</source>
        <translation>Şimdi eğit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the network with the settings of the Training panel (F5)</source>
        <translation>Ağı Eğitim panelindeki ayarlarla eğit (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example from the data</source>
        <translation>Veriden bir örnek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in a sample from the dataset, to compare the network&apos;s answer with the right one</source>
        <translation>Veri setinden bir örnek doldur; ağın cevabını doğru cevapla karşılaştır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network&apos;s answer</source>
        <translation>Ağın cevabı</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type a sentence</source>
        <translation>Bir cümle yaz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token ids, e.g. 3, 7, 1, 2</source>
        <translation>Token kimlikleri, ör. 3, 7, 1, 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers separated by commas</source>
        <translation>Virgülle ayrılmış sayılar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draw with the mouse, or open an image. The network answers while you draw.</source>
        <translation>Fareyle çiz ya da bir görüntü aç. Sen çizerken ağ cevap verir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click on the map: the network tells which class it thinks that point belongs to.</source>
        <translation>Haritaya tıkla: ağ o noktanın hangi sınıftan olduğunu düşündüğünü söyler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the values: the answer updates at once.</source>
        <translation>Değerleri değiştir: cevap hemen güncellenir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type %1 numbers separated by commas (shape %2).</source>
        <translation>Virgülle ayrılmış %1 sayı yaz (şekil %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type %1 token ids (whole numbers from 0 to %2) separated by commas.</source>
        <translation>Virgülle ayrılmış %1 token kimliği yaz (0 ile %2 arasında tam sayılar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a sentence. The network reads at most %1 words; words it never saw in training count as &apos;unknown&apos;.</source>
        <translation>Bir cümle yaz. Ağ en fazla %1 kelime okur; eğitimde hiç görmediği kelimeler &apos;bilinmeyen&apos; sayılır.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the network sees (%1×%2 pixels)</source>
        <translation>Ağın gördüğü (%1×%2 piksel)</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>In the data: from %1 to %2, on average %3</source>
        <translation>Veride: %1 ile %2 arasında, ortalama %3</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The network reads: %1</source>
        <translation>Ağın okuduğu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;i&gt;Grey&lt;/i&gt;: words it never saw in training; it reads them as &apos;unknown&apos;.</source>
        <translation>&lt;i&gt;Gri&lt;/i&gt;: eğitimde hiç görmediği kelimeler; bunları &apos;bilinmeyen&apos; olarak okur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last %1 word(s) are cut off.</source>
        <translation>Son %1 kelime kesildi.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The data&apos;s answer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Verideki cevap: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open an image for the network</source>
        <translation>Ağ için bir görüntü aç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (%1)</source>
        <translation>Görüntüler (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Images can be tried only on networks trained on images.</source>
        <translation>Görüntüler yalnızca görüntülerle eğitilmiş ağlarda denenebilir.</translation>
    </message>
</context>
</TS>
