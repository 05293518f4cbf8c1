<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/actions.py" line="+96"/>
        <source>&amp;New…</source>
        <translation>&amp;Yeni…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a new network: blank or from an example</source>
        <translation>Yeni bir ağ başlat: boş ya da bir örnekten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a Katman project file</source>
        <translation>Bir Katman proje dosyası aç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project</source>
        <translation>Projeyi kaydet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>&amp;Farklı Kaydet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project under a new name</source>
        <translation>Projeyi yeni bir adla kaydet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Katman</source>
        <translation>Katman&apos;ı kapat</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>&amp;Undo</source>
        <translation>Geri &amp;Al</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Undo the last change</source>
        <translation>Son değişikliği geri al</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Redo the change you undid</source>
        <translation>Geri aldığın değişikliği yeniden yap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Kes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected layers and keep them on the clipboard</source>
        <translation>Seçili katmanları kaldır ve panoda tut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>K&amp;opyala</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the selected layers (paste them here or into another window)</source>
        <translation>Seçili katmanları kopyala (buraya ya da başka bir pencereye yapıştırabilirsin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>Ya&amp;pıştır</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paste copied layers</source>
        <translation>Kopyalanan katmanları yapıştır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>Çoğal&amp;t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make a copy of the selected layers</source>
        <translation>Seçili katmanların bir kopyasını oluştur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Sil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected layers and connections</source>
        <translation>Seçili katmanları ve bağlantıları sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>Tümünü S&amp;eç</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select every layer and connection</source>
        <translation>Bütün katmanları ve bağlantıları seç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;ferences…</source>
        <translation>Te&amp;rcihler…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theme, language, grid and recovery settings</source>
        <translation>Tema, dil, ızgara ve kurtarma ayarları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Yakınlaştır</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make the diagram larger</source>
        <translation>Diyagramı büyüt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Uzaklaştır</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make the diagram smaller</source>
        <translation>Diyagramı küçült</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Gerçek Boyut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the diagram at 100 %</source>
        <translation>Diyagramı %100 boyutunda göster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Pencereye Sığdır</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole network</source>
        <translation>Ağın tamamını göster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-&amp;layout</source>
        <translation>&amp;Otomatik Yerleşim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrange the layers neatly from top to bottom</source>
        <translation>Katmanları yukarıdan aşağıya düzgünce yerleştir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Grid</source>
        <translation>Iz&amp;garayı Göster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the grid behind the diagram</source>
        <translation>Diyagramın arkasındaki ızgarayı göster ya da gizle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Koyu Tema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch between light and dark colours</source>
        <translation>Açık ve koyu renkler arasında geçiş yap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Diagram Controls</source>
        <translation>&amp;Diyagram Kontrolleri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How to add, connect, select, zoom and pan</source>
        <translation>Ekleme, bağlama, seçme, yakınlaştırma ve kaydırma nasıl yapılır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Katman</source>
        <translation>Katman &amp;Hakkında</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version and licence</source>
        <translation>Sürüm ve lisans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>&amp;Qt Hakkında</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The Qt toolkit Katman is built with</source>
        <translation>Katman&apos;ın üzerine kurulduğu Qt araç takımı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New from &amp;Example</source>
        <translation>Ö&amp;rnekten Yeni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Son Açılanlar</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panels</source>
        <translation>Pa&amp;neller</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+95"/>
        <source>Main toolbar</source>
        <translation>Ana araç çubuğu</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&amp;Undo %1</source>
        <translation>Geri &amp;Al: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Yinele: %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>No recent projects</source>
        <translation>Son açılan proje yok</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Recent</source>
        <translation>Listeyi Temizle</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="+111"/>
        <location filename="../../gui/startup.py" line="+197"/>
        <source>Cannot open project</source>
        <translation>Proje açılamıyor</translation>
    </message>
    <message>
        <location filename="../../gui/startup.py" line="-89"/>
        <source>Loading PyTorch…</source>
        <translation>PyTorch yükleniyor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first start after installing or updating can take a little longer.</source>
        <translation>Kurulumdan ya da güncellemeden sonraki ilk açılış biraz daha uzun sürebilir.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+59"/>
        <source>Katman cannot start</source>
        <translation>Katman başlatılamıyor</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>PyTorch could not be loaded (%1). Reinstall it, e.g. `python -m pip install torch`, and start Katman again.</source>
        <translation>PyTorch yüklenemedi (%1). Yeniden kur (örneğin `python -m pip install torch`) ve Katman&apos;ı yeniden başlat.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Katman could not open this file, so it opened an example instead.</source>
        <translation>Katman bu dosyayı açamadı, bu yüzden onun yerine bir örnek açtı.</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/edge_item.py" line="+50"/>
        <source>Connection. Select it and press Delete to remove it; drop a layer on it to insert the layer here.</source>
        <translation>Bağlantı. Kaldırmak için seçip Delete tuşuna bas; araya katman eklemek için katmanı bunun üzerine bırak.</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/node_item.py" line="+44"/>
        <source>Drag from here to another layer to connect them</source>
        <translation>Bağlamak için buradan başka bir katmana sürükle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag from here to the layer that should feed this one</source>
        <translation>Buradan, bu katmana girdi verecek katmana sürükle</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Output shape: %1</source>
        <translation>Çıktı boyutu: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frozen: its weights are not trained (click the lock to unfreeze)</source>
        <translation>Dondurulmuş: ağırlıkları eğitilmez (çözmek için kilide tıkla)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click the lock at the top right to freeze this layer&apos;s weights</source>
        <translation>Bu katmanın ağırlıklarını dondurmak için sağ üstteki kilide tıkla</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/scene.py" line="+187"/>
        <source>%1 params</source>
        <translation>%1 parametre</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Release to connect</source>
        <translation>Bağlamak için bırak</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="+169"/>
        <source>Set %1 of %2</source>
        <translation>%2 katmanının %1 değerini ayarla</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="+221"/>
        <source>Add a layer</source>
        <translation>Katman ekle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag it from the palette onto the diagram, or double-click it</source>
        <translation>Paletten diyagrama sürükle ya da çift tıkla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert into a connection</source>
        <translation>Bir bağlantının arasına ekle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drop the layer onto the connection</source>
        <translation>Katmanı bağlantının üzerine bırak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect two layers</source>
        <translation>İki katmanı bağla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag from the round port at the bottom of a layer to another layer</source>
        <translation>Bir katmanın altındaki yuvarlak bağlantı noktasından başka bir katmana sürükle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove a connection</source>
        <translation>Bir bağlantıyı kaldır</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click it, then press Delete</source>
        <translation>Üzerine tıkla, sonra Delete tuşuna bas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select several</source>
        <translation>Birden çok seç</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag a rectangle on empty space, or Ctrl+click</source>
        <translation>Boş alanda bir dikdörtgen sürükle ya da Ctrl+tıkla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom</source>
        <translation>Yakınlaştırma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mouse wheel, pinch, or Ctrl + / Ctrl −</source>
        <translation>Fare tekerleği, iki parmakla sıkıştırma ya da Ctrl + / Ctrl −</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pan</source>
        <translation>Kaydırma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Middle mouse button, or hold Space and drag; two fingers on a touchpad</source>
        <translation>Farenin orta tuşu ya da Boşluk tuşunu basılı tutup sürükle; dokunmatik yüzeyde iki parmak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix a problem</source>
        <translation>Bir sorunu düzelt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Red layers have a problem: hover over them or click the problem in the Problems list</source>
        <translation>Kırmızı katmanlarda bir sorun var: fareyle üzerlerine gel ya da Sorunlar listesinde soruna tıkla</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="+46"/>
        <location filename="../../gui/files.py" line="-75"/>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <location filename="../../gui/editor.py" line="+99"/>
        <location line="+53"/>
        <location line="+26"/>
        <source>Add %1</source>
        <translation>%1 ekle</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Insert %1</source>
        <translation>%1 araya ekle</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Connect %1 → %2</source>
        <translation>%1 → %2 bağla</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move %1</source>
        <translation>%1 taşı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move %1 layers</source>
        <translation>%1 katmanı taşı</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The layout is already tidy</source>
        <translation>Yerleşim zaten düzenli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-layout</source>
        <translation>Otomatik yerleşim</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete %1</source>
        <translation>%1 sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1 items</source>
        <translation>%1 öğeyi sil</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select one or more layers to copy</source>
        <translation>Kopyalamak için bir ya da daha çok katman seç</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied %1 layer(s)</source>
        <translation>%1 katman kopyalandı</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cut</source>
        <translation>Kes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The clipboard holds no Katman layers</source>
        <translation>Panoda Katman katmanı yok</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot paste: %1</source>
        <translation>Yapıştırılamıyor: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste %1 layer(s)</source>
        <translation>%1 katman yapıştır</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select one or more layers to duplicate</source>
        <translation>Çoğaltmak için bir ya da daha çok katman seç</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate %1 layer(s)</source>
        <translation>%1 katmanı çoğalt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Rename %1 to %2</source>
        <translation>%1 adını %2 yap</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Freeze %1</source>
        <translation>%1 dondur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unfreeze %1</source>
        <translation>%1 çöz</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="-5"/>
        <source>Katman projects (*.katman)</source>
        <translation>Katman projeleri (*.katman)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Project JSON (*.json)</source>
        <translation>Proje JSON dosyası (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unsaved changes</source>
        <translation>Kaydedilmemiş değişiklikler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1” içinde kaydedilmemiş değişiklikler var. Önce kaydedilsin mi?</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open Project</source>
        <translation>Proje Aç</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Katman could not open this file. Your current project stays open.</source>
        <translation>Katman bu dosyayı açamadı. Şu anki projen açık kalıyor.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save Project As</source>
        <translation>Projeyi Farklı Kaydet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot save project</source>
        <translation>Proje kaydedilemiyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project could not be saved to %1.</source>
        <translation>Proje %1 konumuna kaydedilemedi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>%1 kaydedildi</translation>
    </message>
    <message>
        <location filename="../../gui/param_widgets.py" line="+33"/>
        <source>None (linear)</source>
        <translation>Yok (doğrusal)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automatic</source>
        <translation>Otomatik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cross-entropy (classes)</source>
        <translation>Çapraz entropi (sınıflar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy (yes/no)</source>
        <translation>İkili çapraz entropi (evet/hayır)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean squared error (MSE)</source>
        <translation>Ortalama kare hata (MSE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute error (MAE)</source>
        <translation>Ortalama mutlak hata (MAE)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Numbers (float)</source>
        <translation>Sayılar (float)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token ids (int)</source>
        <translation>Belirteç numaraları (int)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Allowed: %1 to %2</source>
        <translation>İzin verilen: %1 ile %2 arası</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message>
        <location filename="../../gui/canvas/view.py" line="+223"/>
        <source>The network is empty.
Drag layers here from the palette on the left,
or start from an example with File ▸ New.</source>
        <translation>Ağ boş.
Soldaki paletten buraya katman sürükle
ya da Dosya ▸ Yeni ile bir örnekten başla.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../gui/inspector.py" line="+128"/>
        <source>The layer&apos;s name: letters, digits and _, starting with a letter</source>
        <translation>Katmanın adı: harfler, rakamlar ve _; bir harfle başlamalı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frozen (weights are not trained)</source>
        <translation>Dondurulmuş (ağırlıklar eğitilmez)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this layer&apos;s weights fixed during training, e.g. for fine-tuning a network trained before</source>
        <translation>Bu katmanın ağırlıklarını eğitim sırasında sabit tut; örneğin daha önce eğitilmiş bir ağa ince ayar (fine-tuning) yaparken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>Ağ</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 layers are selected. Select a single layer to edit it.</source>
        <translation>%1 katman seçili. Düzenlemek için tek bir katman seç.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a layer in the diagram to see and change its settings. Add layers by dragging them from the palette.</source>
        <translation>Ayarlarını görmek ve değiştirmek için diyagramda bir katman seç. Katman eklemek için paletten sürükle.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Input: %1</source>
        <translation>Girdi: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output: %1</source>
        <translation>Çıktı: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learnable parameters: %1</source>
        <translation>Öğrenilebilir parametre: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+217"/>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;açılan proje&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change you made; click one to go back to that point</source>
        <translation>Yaptığın her değişiklik; o ana geri dönmek için birine tıkla</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Layers</source>
        <translation>Katmanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Özellikler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data &amp;&amp; Training</source>
        <translation>Veri &amp;&amp; Eğitim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Geçmiş</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Problems</source>
        <translation>Sorunlar</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Learnable parameters (weights and biases) of the whole network</source>
        <translation>Bütün ağın öğrenilebilir parametreleri (ağırlıklar ve sapmalar)</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Zoom (mouse wheel; Ctrl+0 fits the network)</source>
        <translation>Yakınlaştırma (fare tekerleği; Ctrl+0 ağı sığdırır)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1[*] — Katman</source>
        <translation>%1[*] — Katman</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 problem(s): the network cannot be trained yet</source>
        <translation>%1 sorun: ağ henüz eğitilemez</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid, %1 warning(s)</source>
        <translation>Geçerli, %1 uyarı</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid network</source>
        <translation>Geçerli ağ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems (%1)</source>
        <translation>Sorunlar (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameters: %1 trainable</source>
        <translation>Eğitilebilir parametre: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 frozen</source>
        <translation>%1 dondurulmuş</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Diagram controls</source>
        <translation>Diyagram kontrolleri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About Katman</source>
        <translation>Katman Hakkında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Katman %1&lt;/h3&gt;&lt;p&gt;Design neural networks by drawing them, then train them and look inside.&lt;/p&gt;&lt;p&gt;Made for students of an introductory deep-learning course. Built with PySide6 and PyTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Katman %1&lt;/h3&gt;&lt;p&gt;Sinir ağlarını çizerek tasarla, sonra eğit ve içine bak.&lt;/p&gt;&lt;p&gt;Derin öğrenmeye giriş dersinin öğrencileri için yapıldı. PySide6 ve PyTorch ile geliştirildi.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restore unsaved work?</source>
        <translation>Kaydedilmemiş çalışma geri yüklensin mi?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Katman did not close properly last time. Restore the unsaved changes to “%1” (autosaved %2)?</source>
        <translation>Katman geçen sefer düzgün kapanmadı. “%1” projesindeki kaydedilmemiş değişiklikler geri yüklensin mi (otomatik kayıt: %2)?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot restore</source>
        <translation>Geri yüklenemiyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery file is damaged and cannot be opened.</source>
        <translation>Kurtarma dosyası bozuk ve açılamıyor.</translation>
    </message>
</context>
<context>
    <name>NetworkOverview</name>
    <message>
        <location filename="../../gui/overview.py" line="+47"/>
        <source>Layer</source>
        <translation>Katman</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output</source>
        <translation>Çıktı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every layer in the order the data flows; click one to select it</source>
        <translation>Verinin aktığı sırayla bütün katmanlar; seçmek için birine tıkla</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="-113"/>
        <source>New Project</source>
        <translation>Yeni Proje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from a ready example (it trains in seconds), or from a blank network with only an Input and an Output.</source>
        <translation>Hazır bir örnekten (saniyeler içinde eğitilir) ya da yalnızca bir Girdi ve bir Çıktı içeren boş bir ağdan başla.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blank network</source>
        <translation>Boş ağ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An Input connected to an Output: drop layers between them.</source>
        <translation>Bir Çıktıya bağlı bir Girdi: aralarına katman bırak.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Create</source>
        <translation>Oluştur</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../gui/palette.py" line="+90"/>
        <source>Search layers…</source>
        <translation>Katman ara…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a layer&apos;s name or description, e.g. &apos;conv&apos; or &apos;dropout&apos;</source>
        <translation>Bir katmanın adından ya da açıklamasından bir parça yaz, örneğin &apos;conv&apos; ya da &apos;seyreltme&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a layer onto the diagram, or double-click it to add it after the selected layer</source>
        <translation>Bir katmanı diyagrama sürükle ya da seçili katmandan sonra eklemek için çift tıkla</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Settings: %1</source>
        <translation>Ayarlar: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drag onto the diagram, or double-click to add after the selected layer</source>
        <translation>Diyagrama sürükle ya da seçili katmandan sonra eklemek için çift tıkla</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="+71"/>
        <source>Preferences</source>
        <translation>Tercihler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Açık</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Koyu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colours of the whole window and the diagram</source>
        <translation>Bütün pencerenin ve diyagramın renkleri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default (%1)</source>
        <translation>Sistem varsayılanı (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of menus, panels and messages; it changes as soon as you press OK and is remembered</source>
        <translation>Menülerin, panellerin ve iletilerin dili; Tamam&apos;a bastığın anda değişir ve hatırlanır</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train at low priority</source>
        <translation>Düşük öncelikle eğit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training uses every processor core but gives way at once when the window (or another program) needs one, so the window never stutters. Turn it off to give training the same priority as everything else; on a busy computer it then finishes sooner, but the window may react late.</source>
        <translation>Eğitim işlemcinin bütün çekirdeklerini kullanır, ama pencere (ya da başka bir program) bir çekirdeğe ihtiyaç duyduğu anda ona yol verir; böylece pencere hiç takılmaz. Kapatırsanız eğitim her şeyle aynı önceliği alır: yoğun bir bilgisayarda daha erken biter, ama pencere geç tepki verebilir.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Show the grid</source>
        <translation>Izgarayı göster</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Diagram</source>
        <translation>Diyagram</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Snap layers to the grid when moving them</source>
        <translation>Katmanları taşırken ızgaraya hizala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> sn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often unsaved work is copied to a recovery file</source>
        <translation>Kaydedilmemiş çalışmanın ne sıklıkla bir kurtarma dosyasına kopyalanacağı</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery copy every</source>
        <translation>Kurtarma kopyası sıklığı</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <location filename="../../gui/problems.py" line="+39"/>
        <source>Problems found by checking the shapes of the network; click one to select the layer</source>
        <translation>Ağın boyutları denetlenirken bulunan sorunlar; katmanı seçmek için birine tıkla</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No problems: every layer fits together.</source>
        <translation>Sorun yok: bütün katmanlar birbirine uyuyor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Network</source>
        <translation>Ağ</translation>
    </message>
</context>
<context>
    <name>ProjectSummary</name>
    <message>
        <location filename="../../gui/summary_panel.py" line="+60"/>
        <source>Dataset</source>
        <translation>Veri seti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training settings</source>
        <translation>Eğitim ayarları</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Source</source>
        <translation>Kaynak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Seçenekler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation split</source>
        <translation>Doğrulama payı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>Test payı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalisation</source>
        <translation>Normalleştirme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mini-batch of %1</source>
        <translation>%1 örneklik mini yığın (mini-batch)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epochs</source>
        <translation>Epoch sayısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches</source>
        <translation>Yığınlar (batch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Optimizasyon algoritması</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay (L2)</source>
        <translation>Ağırlık azaltma (L2 düzenlileştirme)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping</source>
        <translation>Erken durdurma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Cihaz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>built-in</source>
        <translation>yerleşik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV file</source>
        <translation>CSV dosyası</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>image folder</source>
        <translation>görüntü klasörü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX file (MNIST)</source>
        <translation>IDX dosyası (MNIST)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NumPy file</source>
        <translation>NumPy dosyası</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>time windows</source>
        <translation>zaman pencereleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>metin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>standardise (mean 0, standard deviation 1)</source>
        <translation>standartlaştırma (ortalama 0, standart sapma 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale to 0…1</source>
        <translation>0…1 aralığına ölçekleme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full batch (batch gradient descent)</source>
        <translation>tüm veri (yığın gradyan inişi)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>one sample (SGD)</source>
        <translation>tek örnek (stokastik GD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic (GPU if there is one)</source>
        <translation>otomatik (varsa GPU)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU (Apple MPS)</source>
        <translation>GPU (Apple MPS)</translation>
    </message>
</context>
<context>
    <name>categories</name>
    <message>
        <location filename="../../gui/palette.py" line="-113"/>
        <source>Input/Output</source>
        <translation>Girdi/Çıktı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Core</source>
        <translation>Temel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convolution</source>
        <translation>Konvolüsyon (evrişim)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pooling</source>
        <translation>Havuzlama (pooling)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalization</source>
        <translation>Normalleştirme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activation</source>
        <translation>Aktivasyon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrent</source>
        <translation>Tekrarlayan (RNN)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedding</source>
        <translation>Embedding (gömme)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Birleştirme</translation>
    </message>
</context>
</TS>
