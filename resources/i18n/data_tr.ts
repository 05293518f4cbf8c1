<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/data/commands.py" line="+29"/>
        <source>Use the data “%1”</source>
        <translation>“%1” verisini kullan</translation>
    </message>
    <message>
        <location filename="../../gui/data/options.py" line="+42"/>
        <source>Target (what to predict)</source>
        <translation>Hedef (tahmin edilecek)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The column the network learns to predict.</source>
        <translation>Ağın tahmin etmeyi öğrendiği sütun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input columns</source>
        <translation>Girdi sütunları</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The columns the network sees; unticked columns are left out.</source>
        <translation>Ağın gördüğü sütunlar; işaretlenmemiş sütunlar dışarıda kalır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treat as categories</source>
        <translation>Kategori sütunları</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Columns holding codes (postcodes, ids of groups) that are categories even though they are numbers.</source>
        <translation>Sayı olsalar da aslında kategori olan kodları (posta kodları, grup numaraları) tutan sütunlar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>Görev</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Classification (classes) or regression (numbers); automatic decides from the target column.</source>
        <translation>Sınıflandırma (sınıflar) ya da regresyon (sayılar); otomatik seçenek hedef sütuna bakarak karar verir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delimiter</source>
        <translation>Ayırıcı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What separates the values on a line; automatic tries comma, semicolon, tab and pipe.</source>
        <translation>Bir satırdaki değerleri ayıran karakter; otomatik seçenek virgülü, noktalı virgülü, sekmeyi ve dikey çizgiyi (|) dener.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text encoding</source>
        <translation>Metin kodlaması</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automatic reads UTF-8; Turkish files from older programs are often cp1254, Western European ones cp1252.</source>
        <translation>Otomatik seçenek UTF-8 okur; eski programlardan çıkan Türkçe dosyalar çoğu zaman cp1254, Batı Avrupa dosyaları cp1252’dir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First line is a header</source>
        <translation>İlk satır başlık</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Whether the first line holds the column names.</source>
        <translation>İlk satırda sütun adlarının olup olmadığı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing values</source>
        <translation>Eksik değerler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop with an error, drop the rows, or fill them with the mean, median or most frequent value of the training split.</source>
        <translation>Hata verip dur, o satırları at ya da eksikleri eğitim verisinin ortalaması, medyanı veya en sık değeriyle doldur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text columns become</source>
        <translation>Metin sütunlarını kodla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One-hot: one 0/1 input per value (no order). Label: one input 0, 1, 2 … (implies an order).</source>
        <translation>One-hot: her değer için bir 0/1 girdisi (sıra yok). Etiket numaraları: tek girdi 0, 1, 2 … (bir sıra varsayar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class balance</source>
        <translation>Sınıf dengesi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training split only: oversample repeats samples of small classes, undersample drops samples of big ones.</source>
        <translation>Yalnızca eğitim verisinde: çoğaltma (oversampling) küçük sınıfların örneklerini tekrarlar, azaltma (undersampling) büyük sınıfların örneklerinden atar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image size</source>
        <translation>Görüntü boyutu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Height × width every image is resized to; automatic: the most common size, at most 64 pixels a side.</source>
        <translation>Her görüntünün getirileceği yükseklik × genişlik; otomatik: en sık görülen boyut, kenar başına en çok 64 piksel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour</source>
        <translation>Renk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grey (1 channel) or RGB (3 channels); automatic is grey when every image is.</source>
        <translation>Gri (1 kanal) ya da RGB (3 kanal); otomatik seçenek, bütün görüntüler griyse gri seçer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Augment: mirror</source>
        <translation>Veri artırma: aynala</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training split only: add mirrored copies of the images.</source>
        <translation>Yalnızca eğitim verisinde: görüntülerin aynalanmış (yatay çevrilmiş) kopyalarını ekle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Augment: shift (pixels)</source>
        <translation>Veri artırma: kaydır (piksel)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training split only: add copies shifted by up to this many pixels. 0 = off.</source>
        <translation>Yalnızca eğitim verisinde: en çok bu kadar piksel kaydırılmış kopyalar ekle. 0 = kapalı.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Augmented copies</source>
        <translation>Artırılmış kopya sayısı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many augmented copies of each training image.</source>
        <translation>Her eğitim görüntüsünden kaç artırılmış kopya yapılacağı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels file</source>
        <translation>Etiket dosyası</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The IDX labels file; automatic finds it by name next to the images.</source>
        <translation>IDX etiket dosyası; otomatik seçenek onu görüntülerin yanında, adına bakarak bulur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part</source>
        <translation>Bölüm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Which files of the folder: the training files, the test (t10k) files, or both.</source>
        <translation>Klasörün hangi dosyaları: eğitim dosyaları, test (t10k) dosyaları ya da ikisi de.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Class names</source>
        <translation>Sınıf adları</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>MNIST digits 0–9, Fashion-MNIST clothes, or plain numbers.</source>
        <translation>MNIST rakamları 0–9, Fashion-MNIST giysileri ya da yalnızca sayılar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs array</source>
        <translation>Girdi dizisi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The array in the .npz file holding the inputs.</source>
        <translation>.npz dosyasında girdileri tutan dizi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets array</source>
        <translation>Hedef dizisi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>.npz: the array with the targets; .npy: the path of a second .npy file with the targets.</source>
        <translation>.npz: hedefleri tutan dizi; .npy: hedefleri tutan ikinci bir .npy dosyasının yolu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target column</source>
        <translation>Hedef sütunu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>.npy: this column (1 = first, -1 = last) holds the targets.</source>
        <translation>.npy: hedefler bu sütunda (1 = ilk, -1 = son).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of classes 0, 1, 2 …, separated by commas.</source>
        <translation>0, 1, 2 … sınıflarının adları, virgülle ayrılmış.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs are images</source>
        <translation>Girdiler görüntü</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reorder (N, H, W) or (N, H, W, C) arrays to channels first.</source>
        <translation>(N, H, W) ya da (N, H, W, C) dizilerini kanallar başta olacak biçimde (CHW) yeniden sırala.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs are token ids</source>
        <translation>Girdiler token kimliği</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep whole-number inputs as token ids for an Embedding layer.</source>
        <translation>Tam sayı girdileri bir Embedding (gömme) katmanı için token kimliği olarak tut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series to forecast</source>
        <translation>Tahmin edilecek seri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The column whose next values the network predicts.</source>
        <translation>Ağın sonraki değerlerini tahmin ettiği sütun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window length T</source>
        <translation>Pencere uzunluğu T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many past steps the network sees.</source>
        <translation>Ağın geçmişten kaç adım gördüğü.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon H</source>
        <translation>Tahmin ufku H</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many next values it predicts.</source>
        <translation>Sonraki kaç değerin tahmin edileceği.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step between windows</source>
        <translation>Pencereler arası adım</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 = a window starting at every step.</source>
        <translation>1 = her adımda başlayan bir pencere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout</source>
        <translation>Düzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps × features for RNN/LSTM/GRU, or features × steps for Conv1d.</source>
        <translation>RNN/LSTM/GRU için adım × özellik, Conv1d için özellik × adım.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Bölme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chronological: validate on the later windows (honest for forecasting); random: mixed.</source>
        <translation>Kronolojik: sonraki pencerelerle doğrula (tahmin için dürüst olanı); rastgele: karışık.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text column</source>
        <translation>Metin sütunu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The column holding the text.</source>
        <translation>Metni tutan sütun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabulary size</source>
        <translation>Sözlük boyutu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The most frequent words kept, including padding and unknown.</source>
        <translation>Tutulan en sık kelime sayısı; dolgu ve bilinmeyen kelime dahil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per text</source>
        <translation>Metin başına token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Longer texts are cut; automatic covers 95 % of the texts.</source>
        <translation>Daha uzun metinler kesilir; otomatik seçenek metinlerin %95’ini kapsar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower-case</source>
        <translation>Küçük harfe çevir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Treat &apos;Kedi&apos; and &apos;kedi&apos; as the same word.</source>
        <translation>&apos;Kedi&apos; ile &apos;kedi&apos; aynı kelime sayılsın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Padding</source>
        <translation>Dolgu (padding)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where short texts are padded: before the words (best for an RNN) or after.</source>
        <translation>Kısa metinlere dolgunun nereye ekleneceği: kelimelerden önce (RNN için en iyisi) ya da sonra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>Örnek sayısı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many points to make.</source>
        <translation>Kaç nokta üretileceği.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>Sınıf sayısı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many classes.</source>
        <translation>Kaç sınıf olacağı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>Gürültü</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How much the points scatter.</source>
        <translation>Noktaların ne kadar dağınık olacağı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Tohum (seed)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The same seed makes the same points.</source>
        <translation>Aynı tohum aynı noktaları üretir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+80"/>
        <location line="+42"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+29"/>
        <location line="+72"/>
        <source>automatic</source>
        <translation>otomatik</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>classification</source>
        <translation>sınıflandırma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>regression</source>
        <translation>regresyon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>hayır</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stop with an error</source>
        <translation>hata verip dur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>drop those rows</source>
        <translation>o satırları at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fill with the mean</source>
        <translation>ortalamayla doldur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fill with the median</source>
        <translation>medyanla doldur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fill with the most frequent value</source>
        <translation>en sık değerle doldur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>one-hot</source>
        <translation>one-hot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>label numbers</source>
        <translation>etiket numaraları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leave as is</source>
        <translation>olduğu gibi bırak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>oversample small classes</source>
        <translation>küçük sınıfları çoğalt (oversampling)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undersample big classes</source>
        <translation>büyük sınıfları azalt (undersampling)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>grey</source>
        <translation>gri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training files</source>
        <translation>eğitim dosyaları</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test files (t10k)</source>
        <translation>test dosyaları (t10k)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>both</source>
        <translation>ikisi de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST digits</source>
        <translation>MNIST rakamları</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>numbers</source>
        <translation>sayılar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steps × features (RNN)</source>
        <translation>adım × özellik (RNN)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>features × steps (Conv1d)</source>
        <translation>özellik × adım (Conv1d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chronological</source>
        <translation>kronolojik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>random</source>
        <translation>rastgele</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>interpolate</source>
        <translation>ara değerle doldur (interpolasyon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before the words</source>
        <translation>kelimelerden önce</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>after the words</source>
        <translation>kelimelerden sonra</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 (target)</source>
        <translation>%1 (hedef)</translation>
    </message>
    <message>
        <location filename="../../gui/data/worker.py" line="+59"/>
        <source>There is not enough memory to load this data: use part of it (fewer rows or images, a smaller image size) or a computer with more memory.</source>
        <translation>Bu veriyi yüklemeye bellek yetmiyor: verinin bir kısmını kullan (daha az satır ya da görüntü, daha küçük görüntü boyutu) ya da belleği daha büyük bir bilgisayar kullan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong inside Katman while reading the data; your project is unchanged. The reason: %1</source>
        <translation>Veri okunurken Katman’ın içinde bir şeyler ters gitti; projen değişmedi. Nedeni: %1</translation>
    </message>
    <message>
        <location filename="../../gui/data/__init__.py" line="+65"/>
        <source>Now training on “%1” (Edit &gt; Undo goes back)</source>
        <translation>Eğitim artık “%1” verisiyle yapılacak (Düzen &gt; Geri Al ile geri dönebilirsin)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Data</source>
        <translation>&amp;Veri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>Veri seti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Data…</source>
        <translation>Veri İçe &amp;Aktar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use your own file or folder: a table, images, MNIST files, NumPy arrays, a series or texts</source>
        <translation>Kendi dosyanı ya da klasörünü kullan: tablo, görüntüler, MNIST dosyaları, NumPy dizileri, seri ya da metinler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose &amp;Built-in Dataset…</source>
        <translation>&amp;Hazır Veri Seti Seç…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spirals, moons, iris, digits …: datasets that come with Katman</source>
        <translation>Spiraller, aylar, iris, rakamlar …: Katman ile gelen veri setleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Download MNIST / Fashion-MNIST…</source>
        <translation>MNIST / Fashion-MNIST İn&amp;dir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch the 70 000 handwritten digits (or clothes) once; they stay on this computer</source>
        <translation>70.000 el yazısı rakamı (ya da giysiyi) bir kez indir; bu bilgisayarda kalırlar</translation>
    </message>
</context>
<context>
    <name>ClassHistogram</name>
    <message>
        <location filename="../../gui/data/previews.py" line="+353"/>
        <source>… and %1 more classes</source>
        <translation>… ve %1 sınıf daha</translation>
    </message>
</context>
<context>
    <name>DataTable</name>
    <message>
        <location line="-266"/>
        <source>number</source>
        <translation>sayı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mixed</source>
        <translation>karışık</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty</source>
        <translation>boş</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 missing</source>
        <translation>%1 eksik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>complete</source>
        <translation>eksiksiz</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>target</source>
        <translation>hedef</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>not used</source>
        <translation>kullanılmıyor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column %1 “%2”: %3, %4 different values, %5 missing. Examples: %6</source>
        <translation>%1. sütun “%2”: %3, %4 farklı değer, %5 eksik. Örnekler: %6</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>missing value</source>
        <translation>eksik değer</translation>
    </message>
</context>
<context>
    <name>DataWizard</name>
    <message>
        <location filename="../../gui/data/wizard.py" line="+61"/>
        <source>Dataset</source>
        <translation>Veri seti</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Training is running: stop it before changing the data.</source>
        <translation>Eğitim sürüyor: veriyi değiştirmeden önce eğitimi durdur.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The network cannot be fitted</source>
        <translation>Ağ veriye uyarlanamıyor</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../gui/data/panel.py" line="+71"/>
        <source>Change…</source>
        <translation>Değiştir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another dataset or change how this one is read</source>
        <translation>Başka bir veri seti seç ya da bunun nasıl okunduğunu değiştir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>İçe aktar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use your own file or folder: a table, images, MNIST files, NumPy arrays, a series or texts (Ctrl+I)</source>
        <translation>Kendi dosyanı ya da klasörünü kullan: tablo, görüntüler, MNIST dosyaları, NumPy dizileri, seri ya da metinler (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Dataset: %1</source>
        <translation>Veri seti: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>built into Katman</source>
        <translation>Katman ile gelen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>table (CSV)</source>
        <translation>tablo (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image folders</source>
        <translation>görüntü klasörleri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IDX files (MNIST format)</source>
        <translation>IDX dosyaları (MNIST biçimi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy arrays</source>
        <translation>NumPy dizileri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>series in windows</source>
        <translation>pencerelere bölünmüş seri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texts as tokens</source>
        <translation>token dizisi olarak metinler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>standardised</source>
        <translation>standartlaştırılmış</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>min–max scaled</source>
        <translation>min–maks ölçeklenmiş</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not normalised</source>
        <translation>normalleştirilmemiş</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split: %1 % training · %2 % validation · %3 % test; inputs %4</source>
        <translation>Veri payları (%): eğitim %1 · doğrulama %2 · test %3; girdiler %4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the data…</source>
        <translation>Veri okunuyor…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Use Change… or Import… to choose the data again.</source>
        <translation>Veriyi yeniden seçmek için Değiştir… ya da İçe aktar… düğmesini kullan.</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../gui/data/pages.py" line="+247"/>
        <source>Splits and the network</source>
        <translation>Veri payları ve ağ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the samples are shared out, and how the network is fitted to the data. Finish makes it one step you can undo.</source>
        <translation>Örnekler nasıl paylaştırılsın, ağ veriye nasıl uyarlansın? Bitir’e basınca hepsi, geri alabileceğin tek bir adım olur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training, validation and test data</source>
        <translation>Eğitim, doğrulama ve test verisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>Doğrulama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stratified</source>
        <translation>Tabakalı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Split seed</source>
        <translation>Bölme tohumu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normalise</source>
        <translation>Normalleştir</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>%1 %</source>
        <translation>%%1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Share held out to watch generalisation during training</source>
        <translation>Eğitim sırasında genellemeyi izlemek için ayrılan pay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share kept aside until the end for a final, honest score</source>
        <translation>Sonda dürüst bir son ölçüm için kenarda tutulan pay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the class proportions in every split</source>
        <translation>her payda sınıf oranlarını koru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed gives the same split</source>
        <translation>Aynı tohum aynı bölmeyi verir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>standardise (mean 0, standard deviation 1)</source>
        <translation>standartlaştır (ortalama 0, standart sapma 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min–max (to 0…1)</source>
        <translation>min–maks (0…1 aralığına)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fitted on the training split only, then applied to every split</source>
        <translation>Yalnızca eğitim verisinden hesaplanır, sonra bütün paylara uygulanır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class balance</source>
        <translation>Sınıf dengesi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network</source>
        <translation>Ağ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit the network to this data (recommended)</source>
        <translation>Ağı bu veriye &amp;uyarla (önerilir)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>leave the classes as they are</source>
        <translation>sınıfları olduğu gibi bırak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>oversample: repeat samples of the small classes</source>
        <translation>çoğaltma (oversampling): küçük sınıfların örneklerini tekrarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undersample: drop samples of the big classes</source>
        <translation>azaltma (undersampling): büyük sınıfların örneklerinden at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>class weights: rare classes count more in the loss</source>
        <translation>sınıf ağırlıkları: nadir sınıflar kayıpta daha çok sayılır</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Largest class / smallest class = %1: the classes are imbalanced; a remedy helps the network notice the small classes.</source>
        <translation>En büyük sınıf / en küçük sınıf = %1: sınıflar dengesiz; bir dengeleme yöntemi ağın küçük sınıfları fark etmesine yardım eder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest class / smallest class = %1: balanced enough, no remedy needed.</source>
        <translation>En büyük sınıf / en küçük sınıf = %1: yeterince dengeli, dengelemeye gerek yok.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input shape of the data: %1</source>
        <translation>Verinin girdi şekli: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The network already fits this data: nothing to change.</source>
        <translation>Ağ bu veriye zaten uyuyor: değiştirilecek bir şey yok.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Even then the network does not fit the data yet; change it in the diagram after Finish: %1</source>
        <translation>Buna rağmen ağ veriye henüz uymuyor; Bitir’den sonra ağı diyagramda değiştir: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The trained weights belong to the old data and are set aside (Undo brings them back).</source>
        <translation>Eğitilmiş ağırlıklar eski veriye ait; kenara konur (Geri Al onları geri getirir).</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../../gui/data/previews.py" line="+47"/>
        <source>Sample %1: %2</source>
        <translation>Örnek %1: %2</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../gui/data/pages.py" line="-243"/>
        <source>Settings and preview</source>
        <translation>Ayarlar ve önizleme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to read it</source>
        <translation>Nasıl okunsun</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — change a setting and the preview follows. Problems are explained on the right.</source>
        <translation>%1 — bir ayarı değiştirdiğinde önizleme de değişir. Sorunlar sağda açıklanır.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reading the data…</source>
        <translation>Veri okunuyor…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the data (about %1 in memory)…</source>
        <translation>Veri okunuyor (bellekte yaklaşık %1)…</translation>
    </message>
</context>
<context>
    <name>Plot</name>
    <message>
        <location filename="../../gui/data/previews.py" line="+121"/>
        <source>window</source>
        <translation>pencere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value to predict</source>
        <translation>tahmin edilecek değer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>input %1</source>
        <translation>girdi %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>target</source>
        <translation>hedef</translation>
    </message>
</context>
<context>
    <name>PreviewArea</name>
    <message>
        <location line="+99"/>
        <source>Table</source>
        <translation>Tablo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Görüntüler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples per class</source>
        <translation>Sınıf başına örnek</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Size in memory: about %1 (at most %2 may be used)</source>
        <translation>Bellekte yaklaşık %1 yer kaplar (en çok %2 kullanılabilir)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>classification into %1 classes</source>
        <translation>%1 sınıfa sınıflandırma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regression (predicting numbers)</source>
        <translation>regresyon (sayı tahmini)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1 samples&lt;/b&gt; · input shape %2 · %3</source>
        <translation>&lt;b&gt;%1 örnek&lt;/b&gt; · girdi şekli %2 · %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows, %2 columns</source>
        <translation>%1 satır, %2 sütun</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The classes are imbalanced: the largest has %1 times as many samples as the smallest. A network may then favour the big classes. Remedies (for the training split): oversample the small classes, undersample the big ones, or weigh the loss by class.</source>
        <translation>Sınıflar dengesiz: en büyük sınıfta en küçüğünün %1 katı örnek var. Ağ o zaman büyük sınıfları kayırabilir. Çareler (eğitim verisi için): küçük sınıfları çoğalt (oversampling), büyükleri azalt (undersampling) ya da kaybı sınıfa göre ağırlıklandır.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The classes are balanced (largest / smallest = %1).</source>
        <translation>Sınıflar dengeli (en büyük / en küçük = %1).</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../gui/data/source_page.py" line="+144"/>
        <source>Where does the data come from?</source>
        <translation>Veri nereden geliyor?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a dataset that comes with Katman, or use your own file or folder.</source>
        <translation>Katman ile gelen bir veri seti seç ya da kendi dosyanı veya klasörünü kullan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;built-in dataset</source>
        <translation>&amp;Hazır bir veri seti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;file or folder on this computer</source>
        <translation>Bu bilgisayardaki bir &amp;dosya ya da klasör</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Download MNIST or Fashion-MNIST (about 11 / 30 MB)</source>
        <translation>MNIST ya da Fashion-MNIST’i i&amp;ndir (yaklaşık 11 / 30 MB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV/TSV file, folder of class folders, IDX files, .npy/.npz</source>
        <translation>CSV/TSV dosyası, sınıf klasörlerini içeren klasör, IDX dosyaları, .npy/.npz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File…</source>
        <translation>Dosya…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a CSV, TSV, NumPy or IDX file</source>
        <translation>Bir CSV, TSV, NumPy ya da IDX dosyası seç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Klasör…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder with one sub-folder of images per class, or a folder of MNIST files</source>
        <translation>Her sınıf için bir görüntü alt klasörü olan bir klasör ya da MNIST dosyalarının bulunduğu bir klasör seç</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read it as:</source>
        <translation>Okuma biçimi:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>detect automatically</source>
        <translation>otomatik algıla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a table (CSV / TSV)</source>
        <translation>tablo (CSV / TSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image folders, one per class</source>
        <translation>görüntü klasörleri, her sınıfa bir tane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST-style IDX files</source>
        <translation>MNIST tarzı IDX dosyaları</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NumPy arrays</source>
        <translation>NumPy dizileri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a series cut into windows (forecasting)</source>
        <translation>pencerelere bölünmüş seri (zaman serisi tahmini)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texts as token sequences</source>
        <translation>token dizileri olarak metinler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Series and texts are always chosen here; the rest is detected from the file</source>
        <translation>Seri ve metin her zaman burada seçilir; diğerleri dosyadan algılanır</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MNIST (handwritten digits)</source>
        <translation>MNIST (el yazısı rakamlar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST (clothes)</source>
        <translation>Fashion-MNIST (giysiler)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download</source>
        <translation>İndir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: no such file or folder; check the path or use File… / Folder…</source>
        <translation>%1: böyle bir dosya ya da klasör yok; yolu kontrol et ya da Dosya… / Klasör… düğmesini kullan</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a data file</source>
        <translation>Bir veri dosyası seç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *.tsv *.txt *.tab *.npy *.npz *.gz *ubyte);;All files (*)</source>
        <translation>Veri dosyaları (*.csv *.tsv *.txt *.tab *.npy *.npz *.gz *ubyte);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a data folder</source>
        <translation>Bir veri klasörü seç</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connecting…</source>
        <translation>Bağlanılıyor…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Downloading %1: %2 MB</source>
        <translation>%1 indiriliyor: %2 MB</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ready: the files are in %1. Press Next.</source>
        <translation>Hazır: dosyalar %1 klasöründe. Sonraki düğmesine bas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Download cancelled; nothing was saved.</source>
        <translation>İndirme iptal edildi; hiçbir şey kaydedilmedi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not download the files: is this computer offline?</source>
        <translation>Dosyalar indirilemedi: bu bilgisayarın internet bağlantısı yok mu?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To use them without internet: on a computer with internet, download the four files %1 from %2, copy them into the folder &lt;b&gt;%3&lt;/b&gt; here, then choose &lt;i&gt;A file or folder&lt;/i&gt; above and pick that folder.&lt;br&gt;&lt;small&gt;Details: %4&lt;/small&gt;</source>
        <translation>İnternet olmadan kullanmak için: internete bağlı bir bilgisayarda şu dört dosyayı %2 adresinden indir: %1. Sonra onları buradaki &lt;b&gt;%3&lt;/b&gt; klasörüne kopyala, yukarıda &lt;i&gt;Bu bilgisayardaki bir dosya ya da klasör&lt;/i&gt; seçeneğini işaretle ve o klasörü seç.&lt;br&gt;&lt;small&gt;Ayrıntılar: %4&lt;/small&gt;</translation>
    </message>
</context>
</TS>
