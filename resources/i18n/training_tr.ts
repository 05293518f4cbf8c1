<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>ClassificationPage</name>
    <message>
        <location filename="../../gui/dashboard/predictions.py" line="+216"/>
        <source>Accuracy per class</source>
        <translation>Sınıf başına doğruluk</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Confusion matrix (%1 data)</source>
        <translation>Karışıklık matrisi (%1 verisi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+99"/>
        <source>true class</source>
        <translation>gerçek sınıf</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+98"/>
        <source>predicted class</source>
        <translation>tahmin edilen sınıf</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Epoch %1: %2 of %3 %4 samples right (%5 %).</source>
        <translation>Epoch %1: %3 %4 örneğinden %2 tanesi doğru (%%5).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Right: the first %1 of the %2 mistakes, as “true → predicted (confidence)”.</source>
        <translation>Sağda: %2 hatanın ilk %1 tanesi, “gerçek → tahmin (güven)” biçiminde.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No mistakes</source>
        <translation>Hiç hata yok</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Misclassified %1 images</source>
        <translation>Yanlış sınıflandırılan %1 görüntüleri</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>true %1, predicted %2: %3 samples</source>
        <translation>gerçek %1, tahmin %2: %3 örnek</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>fraction right</source>
        <translation>doğru oranı</translation>
    </message>
</context>
<context>
    <name>CurvesPage</name>
    <message>
        <location filename="../../gui/dashboard/curves.py" line="+102"/>
        <location line="+276"/>
        <source>Loss (lower is better)</source>
        <translation>Kayıp (loss; düşük olan iyi)</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+19"/>
        <location line="+15"/>
        <location line="+245"/>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <location line="-274"/>
        <location line="+246"/>
        <source>per batch (smoothed)</source>
        <translation>her yığında (yumuşatılmış)</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+13"/>
        <location line="+214"/>
        <location line="+1"/>
        <location line="+15"/>
        <location line="+2"/>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <location line="-244"/>
        <location line="+13"/>
        <location line="+213"/>
        <location line="+1"/>
        <location line="+16"/>
        <location line="+2"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location line="-236"/>
        <location line="+124"/>
        <source>Accuracy (higher is better)</source>
        <translation>Doğruluk (yüksek olan iyi)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>R² (1 = perfect)</source>
        <translation>R² (1 = kusursuz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute error</source>
        <translation>Ortalama mutlak hata</translation>
    </message>
    <message>
        <location line="-215"/>
        <location line="+243"/>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <location line="-149"/>
        <location line="+135"/>
        <source>Run %1</source>
        <translation>Çalıştırma %1</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Validation R² (higher is better)</source>
        <translation>Doğrulama R² (yüksek olan iyi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation mean absolute error (lower is better)</source>
        <translation>Doğrulama ortalama mutlak hatası (düşük olan iyi)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&lt;b&gt;Overfitting?&lt;/b&gt; Since epoch %1 the validation loss rises while the training loss keeps falling: the network starts to memorise the training data. Try early stopping, dropout, weight decay or more data.</source>
        <translation>&lt;b&gt;Aşırı öğrenme (overfitting) mi?&lt;/b&gt; %1. epoch’tan beri eğitim kaybı düşmeye devam ederken doğrulama kaybı artıyor: ağ eğitim verisini ezberlemeye başladı. Erken durdurma, seyreltme (dropout), ağırlık azaltma (weight decay) ya da daha fazla veri deneyin.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Epoch %1</source>
        <translation>Epoch %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training loss</source>
        <translation>eğitim kaybı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation loss</source>
        <translation>doğrulama kaybı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>doğrulama doğruluğu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>best validation epoch: %1</source>
        <translation>en iyi doğrulama epoch’u: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>epoch %1</source>
        <translation>epoch %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Which validation measure the right-hand plot shows</source>
        <translation>Sağdaki grafiğin gösterdiği doğrulama ölçütü</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../gui/dashboard/dashboard.py" line="+113"/>
        <source>Export PNG…</source>
        <translation>PNG olarak dışa aktar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the visible tab as a picture (right-click a plot to export just that plot)</source>
        <translation>Görünen sekmeyi resim olarak kaydet (yalnızca bir grafiği kaydetmek için grafiğe sağ tıklayın)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every run&apos;s metrics per epoch as a table (CSV)</source>
        <translation>Her çalıştırmanın epoch başına ölçümlerini tablo (CSV) olarak kaydet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Curves</source>
        <translation>Eğriler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss, accuracy and learning rate per epoch</source>
        <translation>Epoch başına kayıp, doğruluk ve öğrenme oranı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision map</source>
        <translation>Karar haritası</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the network predicts over the whole plane</source>
        <translation>Ağın tüm düzlem üzerindeki tahmini</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Predictions</source>
        <translation>Tahminler</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Confusion matrix and mistakes</source>
        <translation>Karışıklık matrisi ve hatalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted against true values</source>
        <translation>Tahmin edilen ve gerçek değerler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature maps</source>
        <translation>Özellik haritaları</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What each convolution layer sees in an image</source>
        <translation>Her evrişim (konvolüsyon) katmanının bir görüntüde gördüğü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>Ağırlıklar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weights, gradients and dead neurons per layer</source>
        <translation>Katman başına ağırlıklar, gradyanlar ve ölü nöronlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>Çalıştırmalar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every training run of this project</source>
        <translation>Bu projenin bütün eğitim çalıştırmaları</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Preparing the data…</source>
        <translation>Veri hazırlanıyor…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training…</source>
        <translation>Eğitiliyor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Duraklatıldı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopping…</source>
        <translation>Durduruluyor…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Export picture</source>
        <translation>Resmi dışa aktar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG resimleri (*.png)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+18"/>
        <source>Cannot save</source>
        <translation>Kaydedilemiyor</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Could not write %1</source>
        <translation>%1 yazılamadı</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to export</source>
        <translation>Dışa aktarılacak bir şey yok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train the network first.</source>
        <translation>Önce ağı eğitin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export training history</source>
        <translation>Eğitim geçmişini dışa aktar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV tabloları (*.csv)</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../gui/dashboard/maps.py" line="+62"/>
        <source>What the network predicts everywhere (colour) and the data (dots)</source>
        <translation>Ağın her yerdeki tahmini (renk) ve veri (noktalar)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Epoch %1. Pale colour = the network is unsure; strong colour = confident. Dots: training data, triangles: validation data.</source>
        <translation>Epoch %1. Soluk renk = ağ emin değil; canlı renk = emin. Noktalar: eğitim verisi, üçgenler: doğrulama verisi.</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPage</name>
    <message>
        <location line="+44"/>
        <source>validation image #</source>
        <translation>doğrulama görüntüsü #</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which validation image to send through the network</source>
        <translation>Ağdan geçirilecek doğrulama görüntüsü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous image</source>
        <translation>Önceki görüntü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next image</source>
        <translation>Sonraki görüntü</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>input</source>
        <translation>girdi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(first %1)</source>
        <translation>(ilk %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 · true: %2 · predicted: %3 %4</source>
        <translation>Epoch %1 · gerçek: %2 · tahmin: %3 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epoch %1 · target %2</source>
        <translation>Epoch %1 · hedef %2</translation>
    </message>
</context>
<context>
    <name>NodeSummary</name>
    <message>
        <location filename="../../gui/i18n/engine_text.py" line="+294"/>
        <source>loss</source>
        <translation>kayıp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto</source>
        <translation>otomatik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropout</source>
        <translation>seyreltme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate</source>
        <translation>oran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel</source>
        <translation>çekirdek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slope</source>
        <translation>eğim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dim</source>
        <translation>boyut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>axis</source>
        <translation>eksen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bidirectional</source>
        <translation>çift yönlü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return sequences</source>
        <translation>diziyi döndürür</translation>
    </message>
</context>
<context>
    <name>RegressionPage</name>
    <message>
        <location filename="../../gui/dashboard/predictions.py" line="+34"/>
        <source>data</source>
        <translation>veri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>perfect</source>
        <translation>kusursuz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network</source>
        <translation>ağ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The network&apos;s function (line) and the training data (dots)</source>
        <translation>Ağın fonksiyonu (çizgi) ve eğitim verisi (noktalar)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Predicted vs true (%1 data): on the dashed line = perfect</source>
        <translation>Tahmin ve gerçek değer (%1 verisi): kesikli çizginin üstü = kusursuz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicted</source>
        <translation>tahmin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true</source>
        <translation>gerçek</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Epoch %1 · typical error (RMSE) on %2 samples: %3</source>
        <translation>Epoch %1 · %2 örnekte tipik hata (RMSE): %3</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <location filename="../../gui/dashboard/runs.py" line="+96"/>
        <source>Run</source>
        <translation>Çalıştırma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optimiser</source>
        <translation>Optimizasyon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch</source>
        <translation>Yığın (batch)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best epoch</source>
        <translation>En iyi epoch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best val. loss</source>
        <translation>En iyi doğr. kaybı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best accuracy / R²</source>
        <translation>En iyi doğruluk / R²</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation>Cihaz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick a run to draw its loss curve (dashed grey) behind the live one.</source>
        <translation>Kayıp eğrisini canlı eğrinin arkasında (gri, kesikli) görmek için bir çalıştırmayı işaretleyin.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>completed</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stopped early</source>
        <translation>erken durduruldu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by you</source>
        <translation>sizin tarafınızdan durduruldu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss became NaN</source>
        <translation>kayıp NaN oldu</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../gui/training/settings_form.py" line="+208"/>
        <source>What the network learns</source>
        <translation>Ağın öğrendiği</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+7"/>
        <source>Optimiser</source>
        <translation>Optimizasyon algoritması</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>SGD (plain gradient descent)</source>
        <translation>SGD (yalın gradyan inişi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW (Adam with decoupled weight decay)</source>
        <translation>AdamW (ayrık ağırlık azaltmalı Adam)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>How the weights move along the gradient. Adam is a good default; SGD shows the basic idea.</source>
        <translation>Ağırlıkların gradyan boyunca nasıl ilerlediği. Adam iyi bir varsayılandır; SGD temel fikri gösterir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size of each update. Too high: the loss jumps or becomes NaN; too low: slow.</source>
        <translation>Her güncellemenin adım büyüklüğü. Çok yüksekse kayıp zıplar ya da NaN olur; çok düşükse öğrenme yavaşlar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD/RMSprop: keep part of the previous step (0 = none, 0.9 is common).</source>
        <translation>SGD/RMSprop: önceki adımın bir kısmını koru (0 = hiç, 0,9 yaygın bir değerdir).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nesterov momentum</source>
        <translation>Nesterov momentumu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SGD: look ahead before stepping.</source>
        <translation>SGD: adım atmadan önce ileriye bak.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay (L2)</source>
        <translation>Ağırlık azaltma (L2, weight decay)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull weights towards zero each step: a regulariser against overfitting. 0 = off.</source>
        <translation>Her adımda ağırlıkları sıfıra doğru çeker: aşırı öğrenmeye karşı bir düzenlileştirme. 0 = kapalı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient clipping</source>
        <translation>Gradyan kırpma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit the gradient&apos;s length to this value (helps against exploding gradients and NaN). 0 = off.</source>
        <translation>Gradyanın uzunluğunu bu değerle sınırla (patlayan gradyanlara ve NaN’a karşı yardımcı olur). 0 = kapalı.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Batches and epochs</source>
        <translation>Yığınlar ve epoch’lar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Batches</source>
        <translation>Yığınlar</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Mini-batch</source>
        <translation>Mini yığın (mini-batch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full batch (all samples per step)</source>
        <translation>Tam yığın (her adımda tüm örnekler)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stochastic (one sample per step)</source>
        <translation>Stokastik (her adımda bir örnek)</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>How many samples each weight update looks at.</source>
        <translation>Her ağırlık güncellemesinin kaç örneğe baktığı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Yığın boyutu (batch size)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samples per mini-batch.</source>
        <translation>Bir mini yığındaki örnek sayısı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epoch sayısı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passes over the training data.</source>
        <translation>Eğitim verisinin üzerinden geçiş sayısı.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Learning-rate schedule</source>
        <translation>Öğrenme oranı planı</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Schedule</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Constant</source>
        <translation>Sabit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step decay</source>
        <translation>Basamaklı azalma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine annealing</source>
        <translation>Kosinüs tavlama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduce when validation loss stalls</source>
        <translation>Doğrulama kaybı iyileşmeyince azalt</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>How the learning rate changes during training.</source>
        <translation>Öğrenme oranının eğitim boyunca nasıl değiştiği.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every (epochs)</source>
        <translation>Kaç epoch’ta bir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step decay: epochs per step.</source>
        <translation>Basamaklı azalma: her basamak kaç epoch sürer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor</source>
        <translation>Çarpan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Multiply the learning rate by this at each step (or plateau).</source>
        <translation>Her basamakta (ya da duraklamada) öğrenme oranını bununla çarp.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Early stopping</source>
        <translation>Erken durdurma</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stop when it stops improving</source>
        <translation>İyileşme durunca eğitimi durdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop once the monitored value has not improved for &apos;patience&apos; epochs.</source>
        <translation>İzlenen değer &apos;sabır&apos; kadar epoch boyunca iyileşmediğinde dur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch</source>
        <translation>İzlenen değer</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>validation loss</source>
        <translation>doğrulama kaybı</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation accuracy</source>
        <translation>doğrulama doğruluğu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training loss</source>
        <translation>eğitim kaybı</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Which value decides &apos;improving&apos;.</source>
        <translation>&apos;İyileşme&apos;ye hangi değerin karar verdiği.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patience (epochs)</source>
        <translation>Sabır (epoch)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs to wait for improvement.</source>
        <translation>İyileşme için beklenecek epoch sayısı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the best epoch&apos;s weights</source>
        <translation>En iyi epoch’un ağırlıklarını koru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the end, go back to the weights of the best epoch.</source>
        <translation>Sonunda en iyi epoch’un ağırlıklarına geri dön.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Data and randomness</source>
        <translation>Veri ve rastgelelik</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Validation split</source>
        <translation>Doğrulama payı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the data held out to check generalisation during training.</source>
        <translation>Eğitim sırasında genellemeyi denetlemek için ayrılan veri payı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>Test payı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share held out until the end, for the final, honest score.</source>
        <translation>Sona kadar saklanan pay: son ve dürüst puan için.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class weights</source>
        <translation>Sınıf ağırlıkları</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>equal</source>
        <translation>eşit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>balanced (rare classes count more)</source>
        <translation>dengeli (nadir sınıflar daha çok sayılır)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Classification: weigh the loss by how rare each class is.</source>
        <translation>Sınıflandırma: kaybı her sınıfın ne kadar nadir olduğuna göre ağırlıklandır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Tohum (seed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixes the initial weights and the shuffling: the same seed gives the same run.</source>
        <translation>Başlangıç ağırlıklarını ve karıştırmayı sabitler: aynı tohum aynı eğitimi verir.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Hardware</source>
        <translation>Donanım</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Automatic (best available)</source>
        <translation>Otomatik (en iyi olan)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Device</source>
        <translation>Cihaz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the maths runs. Only devices found on this computer are listed.</source>
        <translation>Hesaplamanın yapıldığı yer. Yalnızca bu bilgisayarda bulunan cihazlar listelenir.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Katman trains on the first GPU only</source>
        <translation>Katman yalnızca ilk GPU’da eğitir</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Mixed precision (GPU)</source>
        <translation>Karma hassasiyet (GPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bfloat16 on a GPU: faster and lighter, slightly less precise. Ignored on the CPU.</source>
        <translation>GPU’da bfloat16: daha hızlı ve hafif, biraz daha az hassas. CPU’da dikkate alınmaz.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 %</source>
        <comment>a percentage; %1 is the number</comment>
        <translation>%%1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Set %1</source>
        <translation>Ayarı değiştir: %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The loss lives on the Output layer &apos;%1&apos;; changing it here is the same as in the Inspector (and can be undone).</source>
        <translation>Kayıp, &apos;%1&apos; çıktı katmanının bir ayarıdır; burada değiştirmek Denetçi’de değiştirmekle aynıdır (ve geri alınabilir).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loss</source>
        <translation>Kayıp (loss)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss of %1</source>
        <translation>%1 kaybı</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add an Output layer to the network.</source>
        <translation>Ağa bir Çıktı (Output) katmanı ekleyin.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Automatic</source>
        <translation>Otomatik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cross-entropy</source>
        <translation>Çapraz entropi (cross-entropy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy</source>
        <translation>İkili çapraz entropi (binary cross-entropy)</translation>
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
        <location line="+6"/>
        <source>Decided from the data when training starts.</source>
        <translation>Eğitim başlarken veriye göre belirlenir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a step output gives 0 or 1, so it is trained like a perceptron on the squared error</source>
        <translation>basamak çıktısı 0 ya da 1 verir, bu yüzden bir algılayıcı (perceptron) gibi kare hatayla eğitilir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two classes and one output unit (the probability of the second class)</source>
        <translation>iki sınıf ve bir çıktı birimi (ikinci sınıfın olasılığı)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data has %1 classes and the network gives one score per class</source>
        <translation>veride %1 sınıf var ve ağ her sınıf için bir puan veriyor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the targets are numbers (regression)</source>
        <translation>hedefler sayılardır (regresyon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses &lt;b&gt;%1&lt;/b&gt;: %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; kullanılır: %2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (your choice); %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (sizin seçiminiz): %2.</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <location filename="../../gui/training/__init__.py" line="+62"/>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the training settings and the Train/Pause/Stop buttons</source>
        <translation>Eğitim ayarlarını ve Eğit/Duraklat/Durdur düğmelerini göster ya da gizle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dashboard</source>
        <translation>Gösterge paneli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the live plots of training</source>
        <translation>Eğitimin canlı grafiklerini göster ya da gizle</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Train</source>
        <translation>&amp;Eğitim</translation>
    </message>
</context>
<context>
    <name>TrainingCommands</name>
    <message>
        <location filename="../../gui/training/commands.py" line="+75"/>
        <source>Training run %1 (%n epoch(s))</source>
        <translation>Eğitim çalıştırması %1 (%n epoch)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reset weights</source>
        <translation>Ağırlıkları sıfırla</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../../gui/training/controller.py" line="+110"/>
        <source>Training started</source>
        <translation>Eğitim başladı</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Weights reset: the next run starts from fresh weights (seed %1)</source>
        <translation>Ağırlıklar sıfırlandı: sonraki eğitim yeni ağırlıklarla başlar (tohum %1)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Network changed during training</source>
        <translation>Ağ eğitim sırasında değişti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You changed the network while it was training, so the trained weights no longer fit it and were not kept. The run&apos;s curves are in the Runs tab.</source>
        <translation>Ağı eğitim sürerken değiştirdiniz; eğitilen ağırlıklar artık ağa uymadığı için saklanmadı. Bu çalıştırmanın eğrileri Çalıştırmalar sekmesinde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training stopped: the loss is not a number</source>
        <translation>Eğitim durdu: kayıp bir sayı değil (NaN)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Training could not run</source>
        <translation>Eğitim başlatılamadı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training failed</source>
        <translation>Eğitim başarısız oldu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside Katman while training; your project is safe. The reason:</source>
        <translation>Eğitim sırasında Katman’ın içinde bir şeyler ters gitti; projeniz güvende. Nedeni:</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../gui/training/panel.py" line="+129"/>
        <source>&amp;Train</source>
        <translation>&amp;Eğit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the network (continues from its trained weights if it has any)</source>
        <translation>Ağı eğit (eğitilmiş ağırlıkları varsa onlardan devam eder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>&amp;Pause</source>
        <translation>&amp;Duraklat</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Pause training; press again to resume</source>
        <translation>Eğitimi duraklat; devam etmek için yeniden basın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>D&amp;urdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after the current batch and keep the last complete epoch</source>
        <translation>Geçerli yığından sonra dur ve son tamamlanan epoch’u koru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Weights</source>
        <translation>Ağırlıkları &amp;sıfırla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the trained weights: the next run starts from the initial weights of the seed (undoable)</source>
        <translation>Eğitilmiş ağırlıkları unut: sonraki eğitim tohumun başlangıç ağırlıklarıyla başlar (geri alınabilir)</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+50"/>
        <source>&amp;Resume</source>
        <translation>&amp;Devam et</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The network cannot be trained yet: %1</source>
        <translation>Ağ henüz eğitilemez: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Ready. Training continues from the trained weights (%n run(s) so far); Reset Weights starts over.</source>
        <translation>
            <numerusform>Hazır. Eğitim, eğitilmiş ağırlıklardan devam eder (şimdiye kadar %n çalıştırma); Ağırlıkları sıfırla baştan başlatır.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready. Training starts from fresh random weights (seed %1).</source>
        <translation>Hazır. Eğitim yeni rastgele ağırlıklarla başlar (tohum %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preparing the data…</source>
        <translation>Veri hazırlanıyor…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training on %1…</source>
        <translation>%1 üzerinde eğitiliyor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused: press Resume to go on.</source>
        <translation>Duraklatıldı: sürdürmek için Devam et’e basın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping after this batch…</source>
        <translation>Bu yığından sonra duruyor…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Epoch –</source>
        <translation>Epoch –</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples per second: –</source>
        <translation>Saniyede örnek: –</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elapsed –  ·  left –</source>
        <translation>Geçen –  ·  kalan –</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+25"/>
        <source>Epoch %1 of %2</source>
        <translation>Epoch %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+29"/>
        <source>Samples per second: %1</source>
        <translation>Saniyede örnek: %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Elapsed %1  ·  left %2</source>
        <translation>Geçen %1  ·  kalan %2</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 · %n epoch(s)</source>
        <translation>
            <numerusform>%1 · %n epoch</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Bitti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped early</source>
        <translation>Erken durduruldu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Durduruldu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss became NaN</source>
        <translation>Kayıp NaN oldu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took %1</source>
        <translation>Süre: %1</translation>
    </message>
</context>
<context>
    <name>WeightsPage</name>
    <message>
        <location filename="../../gui/dashboard/weights.py" line="+232"/>
        <source>Which layer&apos;s weights to look at</source>
        <translation>Ağırlıklarına bakılacak katman</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Weights over time</source>
        <translation>Zaman içinde ağırlıklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>weight value</source>
        <translation>ağırlık değeri</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Each column is the histogram of this layer&apos;s weights at that epoch: the stronger the colour, the more weights have that value</source>
        <translation>Her sütun, bu katmanın ağırlıklarının o epoch’taki histogramıdır: renk ne kadar koyuysa o değerde o kadar çok ağırlık var</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Weights now</source>
        <translation>Şu anki ağırlıklar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>count</source>
        <translation>sayı</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Blue: negative weights, red: positive, white: near zero. Dense: one row per neuron, one column per input. Conv: one tile per filter and input channel.</source>
        <translation>Mavi: negatif ağırlıklar, kırmızı: pozitif, beyaz: sıfıra yakın. Dense: her nöron bir satır, her girdi bir sütun. Evrişim: her filtre ve girdi kanalı için bir kare.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Gradient size (last batch)</source>
        <translation>Gradyan büyüklüğü (son yığın)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>norm</source>
        <translation>norm</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Length of each layer&apos;s gradient in the last batch (log scale). Tiny values: the layer hardly learns (vanishing gradients); huge: exploding.</source>
        <translation>Her katmanın son yığındaki gradyan uzunluğu (logaritmik ölçek). Çok küçük değerler: katman neredeyse hiç öğrenmiyor (kaybolan gradyanlar); çok büyük: patlayan gradyanlar.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dead ReLUs</source>
        <translation>Ölü ReLU’lar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fraction</source>
        <translation>oran</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Share of each ReLU layer&apos;s neurons (or channels) that output 0 for every validation sample: they no longer learn.</source>
        <translation>Her ReLU katmanında, tüm doğrulama örnekleri için 0 veren nöronların (ya da kanalların) payı: bunlar artık öğrenmiyor.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Layer:</source>
        <translation>Katman:</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>No layer uses ReLU, so no neuron can die.</source>
        <translation>Hiçbir katman ReLU kullanmıyor, bu yüzden hiçbir nöron ölemez.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 weights · mean %2 · spread (std) %3</source>
        <translation>%1 ağırlık · ortalama %2 · yayılım (std) %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no weight image for this layer type)</source>
        <translation>(bu katman türü için ağırlık görüntüsü yok)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight matrix</source>
        <translation>Ağırlık matrisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neuron</source>
        <translation>nöron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input</source>
        <translation>girdi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters</source>
        <translation>Filtreler</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <location filename="../../gui/i18n/engine_catalog.py" line="+9"/>
        <source>Input</source>
        <translation>Girdi (Input)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the data enters the network. Its shape is one sample without the batch dimension: (2,) for points in the plane, (1, 28, 28) for a grey 28×28 image (channels, height, width), (T, F) for a sequence of T steps with F features. It is usually set from the dataset.</source>
        <translation>Verinin ağa girdiği yer. Şekli, yığın (batch) boyutu olmadan tek bir örneğin şeklidir: düzlemdeki noktalar için (2,), 28×28 gri bir görüntü için (1, 28, 28) (kanal, yükseklik, genişlik), F özellikli T adımlık bir dizi için (T, F). Genellikle veri setinden ayarlanır.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shape</source>
        <translation>Şekil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of one sample, e.g. (2,) or (1, 28, 28).</source>
        <translation>Tek bir örneğin boyutu, örn. (2,) ya da (1, 28, 28).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values</source>
        <translation>Değerler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;int&apos; for token ids that go into an Embedding.</source>
        <translation>Embedding katmanına giden token kimlikleri için &apos;int&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>Çıktı (Output)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marks an output of the network. The loss compares it with the targets. A network can have several outputs (a shared trunk with several heads), each with its own loss and weight.</source>
        <translation>Ağın bir çıktısını işaretler. Kayıp (loss) fonksiyonu onu hedeflerle karşılaştırır. Bir ağın birden çok çıktısı olabilir (ortak bir gövde ve birkaç kafa); her birinin kendi kaybı ve ağırlığı vardır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss</source>
        <translation>Kayıp (loss)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto: cross-entropy for classes, mean squared error for numbers.</source>
        <translation>auto: sınıflar için çapraz entropi, sayılar için ortalama kare hata (MSE).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss weight</source>
        <translation>Kayıp ağırlığı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much this output&apos;s loss counts in the total.</source>
        <translation>Bu çıktının kaybının toplam kayıpta ne kadar sayıldığı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Hedef</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which target of the dataset this output learns (empty = the main target).</source>
        <translation>Bu çıktının veri setinin hangi hedefini öğrendiği (boş = ana hedef).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dense</source>
        <translation>Tam bağlantılı (Dense)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fully connected layer: every output neuron is a weighted sum of all inputs plus a bias, y = W·x + b. It has inputs × units weights (plus units biases). On a sequence (T, F) it is applied to each step.</source>
        <translation>Tam bağlantılı (yoğun) katman: her çıktı nöronu tüm girdilerin ağırlıklı toplamı artı bir sapmadır (bias), y = W·x + b. Girdi × nöron sayısı kadar ağırlığı (ve nöron sayısı kadar sapması) vardır. Bir dizide (T, F) her adıma ayrı ayrı uygulanır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Units</source>
        <translation>Nöron sayısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of output neurons.</source>
        <translation>Çıktı nöronlarının sayısı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neurons</source>
        <translation>nöron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bias</source>
        <translation>Sapma (bias)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a learnable bias b to every neuron.</source>
        <translation>Her nörona öğrenilebilir bir sapma (bias) b ekle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation</source>
        <translation>Aktivasyon fonksiyonu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function applied to the layer&apos;s output (none = linear).</source>
        <translation>Katmanın çıktısına uygulanan fonksiyon (none = doğrusal).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>Seyreltme (dropout)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of outputs set to zero during training (0 = no dropout).</source>
        <translation>Eğitim sırasında sıfırlanan çıktıların oranı (0 = seyreltme yok).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatten</source>
        <translation>Düzleştirme (Flatten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lays all values of a sample out in one long vector, e.g. (16, 5, 5) → (400,). Use it between convolutional layers and Dense layers.</source>
        <translation>Bir örneğin tüm değerlerini tek uzun bir vektöre dizer, örn. (16, 5, 5) → (400,). Konvolüsyon katmanları ile Dense katmanlar arasında kullanın.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reshape</source>
        <translation>Şekil değiştirme (Reshape)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes the shape of each sample without changing its values, e.g. (784,) → (1, 28, 28) so a convolution can see an image. The number of values must stay the same; one size may be -1 (computed).</source>
        <translation>Her örneğin değerlerini değiştirmeden şeklini değiştirir, örn. (784,) → (1, 28, 28); böylece bir konvolüsyon katmanı görüntüyü görebilir. Değer sayısı aynı kalmalıdır; boyutlardan biri -1 olabilir (hesaplanır).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target shape</source>
        <translation>Hedef şekil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New shape, e.g. (1, 28, 28).</source>
        <translation>Yeni şekil, örn. (1, 28, 28).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During training, sets a random fraction of the values to zero (and scales the rest up), so the network cannot rely on single neurons: a remedy for overfitting. Does nothing at prediction time.</source>
        <translation>Eğitim sırasında değerlerin rastgele bir kısmını sıfırlar (kalanları büyütür); böylece ağ tek tek nöronlara güvenemez: aşırı öğrenmeye (overfitting) karşı bir çare. Tahmin sırasında hiçbir şey yapmaz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rate</source>
        <translation>Oran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of values dropped.</source>
        <translation>Sıfırlanan değerlerin oranı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv1d</source>
        <translation>1D konvolüsyon (Conv1d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A convolutional layer for sequences or signals laid out (channels, length). Each filter is a small window of learned weights that slides over the input and gives one feature map; &apos;filters&apos; is how many maps it makes. Output size per side: (size + 2·padding − kernel) / stride + 1.</source>
        <translation>(kanal, uzunluk) düzenindeki diziler ya da sinyaller için konvolüsyonel (evrişimli) katman. Her filtre, girdinin üzerinde kayan ve bir özellik haritası veren küçük bir öğrenilmiş ağırlık penceresidir; &apos;filtre sayısı&apos; kaç harita üretileceğidir. Her kenarda çıktı boyutu: (boyut + 2·dolgu − çekirdek) / adım + 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filters</source>
        <translation>Filtre sayısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of filters = output channels.</source>
        <translation>Filtre sayısı = çıktı kanalı sayısı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel size</source>
        <translation>Çekirdek boyutu (kernel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width (and height) of the sliding window.</source>
        <translation>Kayan pencerenin genişliği (ve yüksekliği).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stride</source>
        <translation>Adım (stride)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the window moves each step.</source>
        <translation>Pencerenin her adımda ne kadar kaydığı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Padding</source>
        <translation>Dolgu (padding)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;valid&apos; = no padding, &apos;same&apos; = keep the size (stride 1), or a number of pixels.</source>
        <translation>&apos;valid&apos; = dolgu yok, &apos;same&apos; = boyutu koru (adım 1 ile) ya da piksel sayısı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dilation</source>
        <translation>Genişleme (dilation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spacing between the window&apos;s taps (1 = ordinary convolution).</source>
        <translation>Pencerenin noktaları arasındaki aralık (1 = sıradan konvolüsyon).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a learnable bias to every filter.</source>
        <translation>Her filtreye öğrenilebilir bir sapma (bias) ekle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv2d</source>
        <translation>2D konvolüsyon (Conv2d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A convolutional layer for images laid out (channels, height, width). Each filter is a small window of learned weights that slides over the input and gives one feature map; &apos;filters&apos; is how many maps it makes. Output size per side: (size + 2·padding − kernel) / stride + 1.</source>
        <translation>(kanal, yükseklik, genişlik) düzenindeki görüntüler için konvolüsyonel (evrişimli) katman. Her filtre, girdinin üzerinde kayan ve bir özellik haritası veren küçük bir öğrenilmiş ağırlık penceresidir; &apos;filtre sayısı&apos; kaç harita üretileceğidir. Her kenarda çıktı boyutu: (boyut + 2·dolgu − çekirdek) / adım + 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MaxPool1d</source>
        <translation>1D maks. havuzlama (MaxPool1d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pooling: keeps the largest value of each window, so the feature maps get smaller (a 2-wide window with stride 2 halves each side) and small shifts matter less. No weights.</source>
        <translation>Havuzlama (pooling): her pencerenin en büyük değerini tutar; böylece özellik haritaları küçülür (2 genişliğinde pencere ve 2 adım her kenarı yarıya indirir) ve küçük kaymalar daha az önemli olur. Ağırlığı yoktur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Window</source>
        <translation>Pencere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the pooling window.</source>
        <translation>Havuzlama penceresinin boyutu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step of the window (0 = same as the window size).</source>
        <translation>Pencerenin adımı (0 = pencere boyutuyla aynı).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels added on each side (at most half the window).</source>
        <translation>Her kenara eklenen piksel (en fazla pencerenin yarısı).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MaxPool2d</source>
        <translation>2D maks. havuzlama (MaxPool2d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AvgPool1d</source>
        <translation>1D ort. havuzlama (AvgPool1d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pooling: keeps the average of each window, so the feature maps get smaller (a 2-wide window with stride 2 halves each side) and small shifts matter less. No weights.</source>
        <translation>Havuzlama (pooling): her pencerenin ortalamasını tutar; böylece özellik haritaları küçülür (2 genişliğinde pencere ve 2 adım her kenarı yarıya indirir) ve küçük kaymalar daha az önemli olur. Ağırlığı yoktur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AvgPool2d</source>
        <translation>2D ort. havuzlama (AvgPool2d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GlobalAveragePool</source>
        <translation>Global ort. havuzlama (GlobalAveragePool)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Averages each channel over all its positions: (C, H, W) or (C, L) becomes (C,). A light alternative to Flatten at the end of a CNN.</source>
        <translation>Her kanalın tüm konumlardaki ortalamasını alır: (C, H, W) ya da (C, L), (C,) olur. Bir CNN’in sonunda Flatten’a hafif bir alternatif.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BatchNorm1d</source>
        <translation>1D yığın normalleştirme (BatchNorm1d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalises every feature to mean 0 and variance 1 over the batch, then scales and shifts it with learned values. Makes deep networks train faster and more stably.</source>
        <translation>Her özelliği yığın (batch) üzerinde ortalama 0 ve varyans 1 olacak şekilde normalleştirir, sonra öğrenilen değerlerle ölçekler ve kaydırır. Derin ağların daha hızlı ve kararlı eğitilmesini sağlar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BatchNorm2d</source>
        <translation>2D yığın normalleştirme (BatchNorm2d)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch normalisation for images: normalises each channel over the batch and all pixels.</source>
        <translation>Görüntüler için yığın normalleştirme: her kanalı yığın ve tüm pikseller üzerinde normalleştirir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LayerNorm</source>
        <translation>Katman normalleştirme (LayerNorm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalises the last dimension of each sample on its own (not over the batch), as Transformers do.</source>
        <translation>Her örneğin son boyutunu kendi başına (yığın üzerinde değil) normalleştirir; Transformer’larda olduğu gibi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>Basamak (Step)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heaviside step: 1 if x ≥ 0, else 0, as in Rosenblatt&apos;s perceptron. Its slope is 0 everywhere, so gradient descent cannot learn through it; Katman trains it with a sigmoid&apos;s slope instead (a &apos;surrogate gradient&apos;) while the forward pass stays a hard 0/1.</source>
        <translation>Heaviside basamak fonksiyonu: x ≥ 0 ise 1, değilse 0; Rosenblatt’ın algılayıcısındaki (perceptron) gibi. Eğimi her yerde 0 olduğundan gradyan inişi onun içinden öğrenemez; Katman onu bunun yerine bir sigmoidin eğimiyle eğitir (&apos;vekil gradyan&apos;, surrogate gradient), ileri yayılım ise kesin 0/1 olarak kalır.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sigmoid</source>
        <translation>Sigmoid (lojistik)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>σ(x) = 1 / (1 + e^−x): squashes any number into (0, 1). Used for probabilities of yes/no outputs; its gradient vanishes for large |x|.</source>
        <translation>σ(x) = 1 / (1 + e^−x): her sayıyı (0, 1) aralığına sıkıştırır. Evet/hayır çıktılarının olasılıkları için kullanılır; büyük |x| değerlerinde gradyanı kaybolur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tanh</source>
        <translation>Tanh (hiperbolik tanjant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tanh(x): squashes into (−1, 1), centred at 0.</source>
        <translation>tanh(x): (−1, 1) aralığına sıkıştırır, 0 merkezlidir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ReLU</source>
        <translation>ReLU (doğrultucu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max(0, x): passes positive values and zeros the rest. Fast and the usual choice for hidden layers; a neuron that is always negative stops learning (&apos;dead ReLU&apos;).</source>
        <translation>max(0, x): pozitif değerleri geçirir, kalanları sıfırlar. Hızlıdır ve gizli katmanlar için olağan seçimdir; hep negatif kalan bir nöron öğrenmeyi bırakır (&apos;ölü ReLU&apos;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LeakyReLU</source>
        <translation>Sızıntılı ReLU (LeakyReLU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x for x ≥ 0, slope·x otherwise: like ReLU but negative values keep a small gradient, so neurons do not die.</source>
        <translation>x ≥ 0 için x, değilse eğim·x: ReLU gibi ama negatif değerler küçük bir gradyan korur, böylece nöronlar ölmez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Negative slope</source>
        <translation>Negatif eğim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient for negative inputs.</source>
        <translation>Negatif girdiler için gradyan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU</source>
        <translation>ELU (üstel doğrusal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x for x ≥ 0, α·(eˣ − 1) otherwise: smooth, with outputs that can be negative.</source>
        <translation>x ≥ 0 için x, değilse α·(eˣ − 1): pürüzsüzdür ve çıktıları negatif olabilir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value ELU approaches for very negative inputs (−α).</source>
        <translation>ELU’nun çok negatif girdilerde yaklaştığı değer (−α).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GELU</source>
        <translation>GELU (yumuşak ReLU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x·Φ(x): a smooth ReLU used in Transformers.</source>
        <translation>x·Φ(x): Transformer’larda kullanılan pürüzsüz bir ReLU.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Softmax</source>
        <translation>Softmax (olasılıklar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns a vector of scores into probabilities that sum to 1: eˣⁱ / Σ eˣʲ. Put it last in a classifier (cross-entropy then uses its log).</source>
        <translation>Bir puan vektörünü toplamı 1 olan olasılıklara çevirir: eˣⁱ / Σ eˣʲ. Bir sınıflandırıcının sonuna koyun (çapraz entropi o zaman onun logaritmasını kullanır).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RNN</source>
        <translation>RNN (tekrarlayan katman)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A simple recurrent layer: at each time step the new hidden state is tanh(W·x + U·h + b), so it carries a memory of earlier steps. Struggles with long sequences. Input (steps, features); output (hidden,) for the last step or (steps, hidden) with &apos;return sequences&apos;.</source>
        <translation>Basit bir tekrarlayan katman: her zaman adımında yeni gizli durum tanh(W·x + U·h + b) olur; böylece önceki adımların belleğini taşır. Uzun dizilerde zorlanır. Girdi (adım, özellik); çıktı son adım için (gizli,) ya da &apos;tüm adımları döndür&apos; ile (adım, gizli).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hidden size</source>
        <translation>Gizli durum boyutu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the hidden state (the memory).</source>
        <translation>Gizli durumun (belleğin) boyutu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked layers</source>
        <translation>Üst üste katman sayısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrent layers stacked on each other.</source>
        <translation>Üst üste dizilen tekrarlayan katmanların sayısı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bidirectional</source>
        <translation>Çift yönlü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also read the sequence backwards; doubles the output size.</source>
        <translation>Diziyi tersinden de oku; çıktı boyutunu iki katına çıkarır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return sequences</source>
        <translation>Tüm adımları döndür (return sequences)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output every step (for another recurrent layer) instead of the last one.</source>
        <translation>Yalnızca sonuncuyu değil her adımı çıktı olarak ver (başka bir tekrarlayan katman için).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LSTM</source>
        <translation>LSTM (uzun kısa süreli bellek)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long short-term memory: a recurrent layer with a cell state and input, forget and output gates that decide what to remember, so it learns long-range patterns. Input (steps, features); output (hidden,) for the last step or (steps, hidden) with &apos;return sequences&apos;.</source>
        <translation>Uzun kısa süreli bellek (LSTM): bir hücre durumu ile neyin hatırlanacağına karar veren girdi, unutma ve çıktı kapıları olan tekrarlayan bir katman; böylece uzun menzilli örüntüleri öğrenir. Girdi (adım, özellik); çıktı son adım için (gizli,) ya da &apos;tüm adımları döndür&apos; ile (adım, gizli).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GRU</source>
        <translation>GRU (kapılı tekrarlayan ünite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gated recurrent unit: like an LSTM with two gates (update, reset) and no separate cell; fewer weights, often just as good. Input (steps, features); output (hidden,) for the last step or (steps, hidden) with &apos;return sequences&apos;.</source>
        <translation>Kapılı tekrarlayan ünite (GRU): iki kapılı (güncelleme, sıfırlama) ve ayrı hücresi olmayan bir LSTM gibidir; daha az ağırlığı vardır, çoğu zaman onun kadar iyidir. Girdi (adım, özellik); çıktı son adım için (gizli,) ya da &apos;tüm adımları döndür&apos; ile (adım, gizli).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Embedding</source>
        <translation>Embedding (gömme)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns each token id (a whole number below the vocabulary size) into a learned vector of &apos;dim&apos; numbers. A sequence (T,) of ids becomes (T, dim), ready for a recurrent layer.</source>
        <translation>Her token kimliğini (sözlük boyutundan küçük bir tam sayı) &apos;boyut&apos; kadar sayıdan oluşan öğrenilmiş bir vektöre çevirir. (T,) kimlik dizisi (T, boyut) olur ve bir tekrarlayan katmana hazırdır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vocabulary size</source>
        <translation>Sözlük boyutu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of different tokens (ids 0 … size-1).</source>
        <translation>Farklı token sayısı (kimlikler 0 … boyut-1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimension</source>
        <translation>Boyut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of each token&apos;s vector.</source>
        <translation>Her token vektörünün uzunluğu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Toplama (Add)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds its inputs element by element (as in a residual connection). All inputs must have the same shape.</source>
        <translation>Girdilerini eleman eleman toplar (artık bağlantıda olduğu gibi). Tüm girdiler aynı şekilde olmalıdır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Concatenate</source>
        <translation>Uç uca ekleme (Concatenate)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins its inputs along one axis: (10,) and (6,) give (16,). Axis -1 is the last (features); axis 0 is the first axis of a sample (channels for images).</source>
        <translation>Girdilerini bir eksen boyunca uç uca ekler: (10,) ve (6,) → (16,). Eksen -1 sonuncudur (özellikler); eksen 0 bir örneğin ilk eksenidir (görüntülerde kanallar).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Axis</source>
        <translation>Eksen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Axis to join along.</source>
        <translation>Boyunca birleştirilecek eksen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input/Output</source>
        <translation>Girdi/Çıktı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core</source>
        <translation>Temel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convolution</source>
        <translation>Konvolüsyon (evrişim)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pooling</source>
        <translation>Havuzlama (pooling)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalization</source>
        <translation>Normalleştirme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrent</source>
        <translation>Tekrarlayan (RNN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Birleştirme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perceptron on two blobs</source>
        <translation>İki kümede algılayıcı (perceptron)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One neuron with a step output separates two clouds of points with a straight line.</source>
        <translation>Basamak çıktılı tek bir nöron iki nokta bulutunu düz bir çizgiyle ayırır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>perceptron, step activation, linearly separable data</source>
        <translation>algılayıcı (perceptron), basamak aktivasyonu, doğrusal ayrılabilir veri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR needs a hidden layer</source>
        <translation>XOR için gizli katman gerekir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR is not linearly separable: a hidden layer of a few neurons solves it.</source>
        <translation>XOR doğrusal olarak ayrılamaz: birkaç nöronlu bir gizli katman bunu çözer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multi-layer perceptron, hidden layer, sigmoid, binary cross-entropy</source>
        <translation>çok katmanlı algılayıcı, gizli katman, sigmoid, ikili çapraz entropi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three spirals</source>
        <translation>Üç sarmal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A two-hidden-layer ReLU network learns to untangle three interleaved spiral arms.</source>
        <translation>İki gizli katmanlı bir ReLU ağı iç içe geçmiş üç sarmal kolu ayırmayı öğrenir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLP, ReLU, softmax cross-entropy, decision boundary</source>
        <translation>çok katmanlı algılayıcı (MLP), ReLU, softmax çapraz entropi, karar sınırı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers</source>
        <translation>Süsen (iris) çiçekleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify three species of iris from four measurements of their petals and sepals.</source>
        <translation>Üç süsen türünü taç ve çanak yapraklarının dört ölçümünden sınıflandırır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classification on real data, train/validation/test split, standardisation</source>
        <translation>gerçek veride sınıflandırma, eğitim/doğrulama/test ayrımı, standartlaştırma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits with an MLP</source>
        <translation>Çok katmanlı algılayıcıyla el yazısı rakamlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8×8 images of digits are flattened into 64 numbers and classified by a dense network with dropout.</source>
        <translation>8×8 rakam görüntüleri 64 sayıya düzleştirilir ve seyreltmeli (dropout) tam bağlantılı bir ağla sınıflandırılır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flatten, dense layers, dropout, 10-class softmax</source>
        <translation>Flatten, tam bağlantılı katmanlar, seyreltme (dropout), 10 sınıflı softmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits with a CNN</source>
        <translation>Konvolüsyonel ağla (CNN) el yazısı rakamlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two convolution + pooling blocks find strokes and shapes in 8×8 digit images.</source>
        <translation>İki konvolüsyon + havuzlama bloğu 8×8 rakam görüntülerindeki çizgileri ve şekilleri bulur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>convolution, filters, padding, max pooling, flatten</source>
        <translation>konvolüsyon, filtreler, dolgu (padding), maks. havuzlama, Flatten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit a sine curve</source>
        <translation>Sinüs eğrisine uydurma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression: a small tanh network learns y = sin(x) from noisy samples.</source>
        <translation>Regresyon: tanh kullanan küçük bir ağ gürültülü örneklerden y = sin(x) fonksiyonunu öğrenir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regression, mean squared error, MAE, R²</source>
        <translation>regresyon, ortalama kare hata, MAE, R²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast a sine wave with an LSTM</source>
        <translation>LSTM ile sinüs dalgası tahmini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An LSTM reads the last 20 values of a noisy sine wave and predicts the next one.</source>
        <translation>Bir LSTM gürültülü bir sinüs dalgasının son 20 değerini okur ve bir sonrakini tahmin eder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recurrent networks, LSTM, sequences (steps, features), forecasting</source>
        <translation>tekrarlayan sinir ağları, LSTM, diziler (adım, özellik), ileriye dönük tahmin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast with a 1-D convolution</source>
        <translation>1D konvolüsyonla tahmin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A 1-D convolution and max pooling over the last 20 values predict the next value of a sine wave.</source>
        <translation>Son 20 değer üzerinde 1D konvolüsyon ve maks. havuzlama, sinüs dalgasının bir sonraki değerini tahmin eder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1-D convolution, MaxPooling1D, reshape (steps, 1) → (1, steps)</source>
        <translation>1D konvolüsyon, MaxPooling1D, yeniden şekillendirme (adım, 1) → (1, adım)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token sequences with Embedding + GRU</source>
        <translation>Embedding + GRU ile token dizileri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each token id becomes a learned vector; a GRU reads the sequence and classifies it.</source>
        <translation>Her token kimliği öğrenilmiş bir vektöre dönüşür; bir GRU diziyi okur ve sınıflandırır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>embedding, GRU, sequence classification</source>
        <translation>embedding (gömme), GRU, dizi sınıflandırma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two heads: digit and parity</source>
        <translation>İki kafa: rakam ve tek/çift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shared trunk feeds two outputs: which digit it is, and whether it is even or odd.</source>
        <translation>Ortak bir gövde iki çıktıyı besler: hangi rakam olduğu ve tek mi çift mi olduğu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multi-output networks, shared trunk, several losses with weights</source>
        <translation>çok çıkışlı sinir ağları, ortak gövde, ağırlıklı birden çok kayıp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round clouds of points, one per class, that a straight line can separate.</source>
        <translation>Her sınıf için bir tane, düz bir çizginin ayırabileceği yuvarlak nokta bulutları.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Four squares of points where opposite corners share a class: no single straight line separates them.</source>
        <translation>Karşılıklı köşeleri aynı sınıftan olan dört kare nokta kümesi: hiçbir tek düz çizgi onları ayıramaz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A small ring of points inside a bigger ring: the network must learn a round boundary.</source>
        <translation>Büyük bir halkanın içinde küçük bir nokta halkası: ağ yuvarlak bir sınır öğrenmelidir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two interleaving half moons: a curved boundary separates them.</source>
        <translation>İç içe geçmiş iki yarım ay: onları eğri bir sınır ayırır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spiral arms wound around each other, one per class: a hard test for a small network.</source>
        <translation>Birbirine sarılmış sarmal kollar, her sınıf için bir tane: küçük bir ağ için zor bir sınav.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predict a number: y = sin(x) plus a little noise, for x between -3 and 3.</source>
        <translation>Bir sayı tahmin edin: -3 ile 3 arasındaki x için y = sin(x) artı biraz gürültü.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecasting: from the last few values of a noisy sine wave, predict the next value.</source>
        <translation>İleriye dönük tahmin: gürültülü bir sinüs dalgasının son birkaç değerinden bir sonrakini tahmin edin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequences of token ids: say whether token 1 comes before token 2 (for Embedding and RNN layers).</source>
        <translation>Token kimliği dizileri: 1 numaralı tokenin 2 numaralıdan önce gelip gelmediğini söyleyin (Embedding ve RNN katmanları için).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Real flowers: tell three kinds of iris apart from 4 measurements of their petals and sepals.</source>
        <translation>Gerçek çiçekler: üç tür süseni taç ve çanak yapraklarının 4 ölçümünden ayırt edin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Real wines: tell three grape cultivars apart from 13 chemical measurements.</source>
        <translation>Gerçek şaraplar: üç üzüm çeşidini 13 kimyasal ölçümden ayırt edin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real medical data: tell malignant from benign tumours using 30 measurements of cell nuclei.</source>
        <translation>Gerçek tıbbi veri: hücre çekirdeklerinin 30 ölçümüyle kötü huylu tümörleri iyi huylulardan ayırt edin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Real handwriting: recognise the digit 0-9 in small 8×8 grey images (also: is it even or odd?).</source>
        <translation>Gerçek el yazısı: küçük 8×8 gri görüntülerdeki 0-9 rakamını tanıyın (ayrıca: tek mi, çift mi?).</translation>
    </message>
</context>
<context>
    <name>engine_message</name>
    <message>
        <location filename="../../gui/i18n/engine_text.py" line="-272"/>
        <source>{message} (and 1 more problem)</source>
        <translation>{message} (ve 1 sorun daha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{message} (and {n} more problems)</source>
        <translation>{message} (ve {n} sorun daha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network is invalid</source>
        <translation>ağ geçersiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has no Input layer: add one and connect it to the first layer</source>
        <translation>Ağda Girdi (Input) katmanı yok: bir tane ekleyip ilk katmana bağlayın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer}: a network has exactly one Input; remove this one</source>
        <translation>{layer}: bir ağın tek bir Girdisi olur; bunu kaldırın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has no Output layer: add one after the last layer</source>
        <translation>Ağda Çıktı (Output) katmanı yok: son katmandan sonra bir tane ekleyin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} has no input: connect a layer to it</source>
        <translation>{layer} katmanının girdisi yok: ona bir katman bağlayın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} joins {n} or more branches but has {count}: connect another layer to it</source>
        <translation>{layer} en az {n} dalı birleştirir ama {count} dalı var: ona bir katman daha bağlayın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} gets token ids (whole numbers) from the Input: put an Embedding before it</source>
        <translation>{layer} Girdi’den token kimlikleri (tam sayılar) alıyor: önüne bir Embedding katmanı koyun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} needs token ids straight from the Input, but gets the output of {other}: connect it to the Input</source>
        <translation>{layer} token kimliklerini doğrudan Girdi’den almalı ama {other} katmanının çıktısını alıyor: onu Girdi’ye bağlayın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} does not lead to any Output, so it is ignored: connect it onward</source>
        <translation>{layer} hiçbir Çıktı’ya ulaşmıyor, bu yüzden yok sayılıyor: onu ileriye bağlayın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} cannot take input {shapes}: {reason}</source>
        <translation>{layer} {shapes} girdisini alamaz: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer}: every size must be positive; got {shape}</source>
        <translation>{layer}: her boyut pozitif olmalı; verilen: {shape}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} needs a flat vector (features,) but gets {shape}: put a Flatten before it</source>
        <translation>{layer} düz bir vektör (özellik,) bekliyor ama {shape} alıyor: önüne bir Flatten katmanı koyun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} cannot spread {n} values over {shape}: {n} is not a multiple of {known}</source>
        <translation>{layer} {n} değeri {shape} şekline dağıtamaz: {n}, {known} sayısının katı değil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} gets {shape} = {n} values but {target} holds {known}: choose sizes whose product is {n}</source>
        <translation>{layer} {shape} = {n} değer alıyor ama {target} şekli {known} değer tutar: çarpımı {n} olan boyutlar seçin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} needs (features,) or a sequence (T, F) but gets {shape}: use BatchNorm2d for images</source>
        <translation>{layer} (özellik,) ya da bir dizi (T, F) bekliyor ama {shape} alıyor: görüntüler için BatchNorm2d kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} needs (channels, height, width) but gets {shape}: use BatchNorm1d for vectors</source>
        <translation>{layer} (kanal, yükseklik, genişlik) bekliyor ama {shape} alıyor: vektörler için BatchNorm1d kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} needs a sequence of token ids (T,) but gets {shape}</source>
        <translation>{layer} bir token kimliği dizisi (T,) bekliyor ama {shape} alıyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} needs inputs of the same shape but gets {shapes}</source>
        <translation>{layer} aynı şekilde girdiler bekliyor ama {shapes} alıyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer}: axis {axis} does not exist for inputs with {rank} dimensions</source>
        <translation>{layer}: {rank} boyutlu girdilerde {axis} ekseni yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} needs inputs with the same number of dimensions but gets {shapes}</source>
        <translation>{layer} aynı sayıda boyutu olan girdiler bekliyor ama {shapes} alıyor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer}: inputs {shapes} differ outside axis {axis}</source>
        <translation>{layer}: {shapes} girdileri {axis} ekseni dışında farklı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} turns a vector of scores (classes,) into probabilities, but gets {shape}: put a Flatten or Dense before it</source>
        <translation>{layer} bir puan vektörünü (sınıf,) olasılıklara çevirir ama {shape} alıyor: önüne bir Flatten ya da Dense katmanı koyun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} needs feature maps (channels, ...) but gets {shape}</source>
        <translation>{layer} özellik haritaları (kanal, ...) bekliyor ama {shape} alıyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer}: padding &apos;same&apos; keeps the size only with stride 1; set stride to 1 or padding to a number</source>
        <translation>{layer}: &apos;same&apos; dolgusu boyutu yalnızca adım (stride) 1 iken korur; adımı 1 yapın ya da dolguya bir sayı verin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer}: its window ({span} wide) is larger than the input ({size} + padding {padding}); use a smaller kernel, more padding, or remove a pooling layer before it</source>
        <translation>{layer}: penceresi ({span} genişliğinde) girdiden ({size} + {padding} dolgu) büyük; daha küçük bir çekirdek ya da daha fazla dolgu kullanın veya önündeki bir havuzlama katmanını kaldırın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer}: padding {padding} is more than half the window {kernel}</source>
        <translation>{layer}: {padding} dolgu, {kernel} pencere boyutunun yarısından fazla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} needs {layout} but gets {shape}: {hint}</source>
        <translation>{layer} {layout} bekliyor ama {shape} alıyor: {hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(channels, length)</source>
        <translation>(kanal, uzunluk)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(channels, height, width)</source>
        <translation>(kanal, yükseklik, genişlik)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a sequence (steps, features)</source>
        <translation>bir dizi (adım, özellik)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put a Flatten before it</source>
        <translation>önüne bir Flatten katmanı koyun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put a Reshape to {shape} before it</source>
        <translation>önüne {shape} şekline çeviren bir Reshape katmanı koyun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reshape it to (steps, features)</source>
        <translation>onu (adım, özellik) şekline getirin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reshape its input</source>
        <translation>girdisini yeniden şekillendirin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network has a cycle</source>
        <translation>ağda bir döngü var</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not a valid layer name: use letters, digits and _ (up to 40), starting with a letter</source>
        <translation>&apos;{name}&apos; geçerli bir katman adı değil: harfle başlayan, harf, rakam ve _ içeren bir ad kullanın (en fazla 40)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is a reserved word in PyTorch; choose another layer name</source>
        <translation>&apos;{name}&apos; PyTorch’ta ayrılmış bir sözcük; başka bir katman adı seçin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a layer named &apos;{name}&apos; already exists; choose another name</source>
        <translation>&apos;{name}&apos; adlı bir katman zaten var; başka bir ad seçin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} cannot feed itself</source>
        <translation>{layer} kendi kendini besleyemez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} is where data enters; nothing can feed it</source>
        <translation>{layer} verinin girdiği yerdir; onu hiçbir şey besleyemez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} is an end of the network; connect from the layer before it</source>
        <translation>{layer} ağın bir ucudur; bağlantıyı ondan önceki katmandan yapın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} already feeds {other}</source>
        <translation>{layer} zaten {other} katmanını besliyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} takes one input and already has {count}: remove a connection first, or join branches with an Add or Concatenate layer</source>
        <translation>{layer} tek girdi alır ve zaten {count} girdisi var: önce bir bağlantıyı kaldırın ya da dalları bir Add veya Concatenate katmanıyla birleştirin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} takes {n} inputs and already has {count}: remove a connection first, or join branches with an Add or Concatenate layer</source>
        <translation>{layer} {n} girdi alır ve zaten {count} girdisi var: önce bir bağlantıyı kaldırın ya da dalları bir Add veya Concatenate katmanıyla birleştirin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting {layer} to {other} would make a loop; a network must flow one way</source>
        <translation>{layer} katmanını {other} katmanına bağlamak bir döngü oluşturur; bir ağ tek yönde akmalıdır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>those layers are not connected</source>
        <translation>bu katmanlar bağlı değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no layer named &apos;{name}&apos;</source>
        <translation>&apos;{name}&apos; adlı bir katman yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown parameter {names}; it has {known}</source>
        <translation>bilinmeyen parametre: {names}; parametreleri: {known}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training setting &apos;{name}&apos; must be a {kind}, not {value}</source>
        <translation>&apos;{name}&apos; eğitim ayarı {kind} türünde olmalı, {value} değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training setting &apos;{name}&apos; must be between {low} and {high}; got {value}</source>
        <translation>&apos;{name}&apos; eğitim ayarı {low} ile {high} arasında olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training setting &apos;{name}&apos; must be one of {choices}; got {value}</source>
        <translation>&apos;{name}&apos; eğitim ayarı şunlardan biri olmalı: {choices}; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be a whole number, not {value}</source>
        <translation>{param} bir tam sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be a number, not {value}</source>
        <translation>{param} bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be a finite number, not {value}</source>
        <translation>{param} sonlu bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be true or false, not {value}</source>
        <translation>{param} true ya da false olmalı, {value} değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be one of {choices}; got {value}</source>
        <translation>{param} şunlardan biri olmalı: {choices}; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param}: {value} is not a valid {kind}</source>
        <translation>{param}: {value} geçerli bir {kind} değil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} is far too large: {value}</source>
        <translation>{param} çok fazla büyük: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be at least {minimum}; got {value}</source>
        <translation>{param} en az {minimum} olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be at most {maximum}; got {value}</source>
        <translation>{param} en fazla {maximum} olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be a list of sizes like (1, 28, 28); got {value}</source>
        <translation>{param} (1, 28, 28) gibi bir boyut listesi olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must have at least one size, like (2,) or (1, 28, 28)</source>
        <translation>{param} en az bir boyut içermeli, (2,) ya da (1, 28, 28) gibi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be whole numbers like (1, 28, 28); got {value}</source>
        <translation>{param} (1, 28, 28) gibi tam sayılardan oluşmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} sizes must be positive (one -1 allowed in a Reshape); got {value}</source>
        <translation>{param} boyutları pozitif olmalı (Reshape’te bir tane -1 olabilir); verilen: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{param} may have at most 4 dimensions; got {value}</source>
        <translation>{param} en fazla 4 boyutlu olabilir; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} sizes must be at most 1 000 000; got {value}</source>
        <translation>{param} boyutları en fazla 1 000 000 olabilir; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{param} must be &apos;same&apos;, &apos;valid&apos; or a number of pixels from 0 to 64; got {value}</source>
        <translation>{param} &apos;same&apos;, &apos;valid&apos; ya da 0 ile 64 arası bir piksel sayısı olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{param} must be &apos;same&apos;, &apos;valid&apos; or a number of pixels; got {value}</source>
        <translation>{param} &apos;same&apos;, &apos;valid&apos; ya da bir piksel sayısı olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The loss became {value} at epoch {epoch}, batch {batch}: training stopped and the weights were restored to the end of epoch {previous}. The learning rate ({lr}) is probably too high: try {lower}, or turn on gradient clipping.</source>
        <translation>Kayıp, {epoch}. epoch’un {batch}. yığınında {value} oldu: eğitim durdu ve ağırlıklar {previous}. epoch’un sonundaki hâline geri getirildi. Öğrenme oranı ({lr}) büyük olasılıkla çok yüksek: {lower} deneyin ya da gradyan kırpmayı açın.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The GPU ran out of memory (batch size {size}): use a smaller batch size, a smaller network, or the CPU</source>
        <translation>GPU’nun belleği yetmedi (yığın boyutu {size}): daha küçük bir yığın boyutu, daha küçük bir ağ ya da CPU kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped by the user after epoch {epoch}.</source>
        <translation>{epoch}. epoch’tan sonra kullanıcı tarafından durduruldu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped by the user during epoch {epoch}; kept epoch {previous}.</source>
        <translation>{epoch}. epoch sırasında kullanıcı tarafından durduruldu; {previous}. epoch korundu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping: {monitor} did not improve for {patience} epochs; best was epoch {best}. Restored the weights of epoch {best}.</source>
        <translation>Erken durdurma: {monitor} {patience} epoch boyunca iyileşmedi; en iyisi {best}. epoch’tu. {best}. epoch’un ağırlıkları geri yüklendi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Early stopping: {monitor} did not improve for {patience} epochs; best was epoch {best}.</source>
        <translation>Erken durdurma: {monitor} {patience} epoch boyunca iyileşmedi; en iyisi {best}. epoch’tu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>val_loss</source>
        <translation>doğrulama kaybı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val_accuracy</source>
        <translation>doğrulama doğruluğu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train_loss</source>
        <translation>eğitim kaybı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained {n} epochs.</source>
        <translation>{n} epoch eğitildi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continued from the saved weights; {names} started from fresh weights because its shape changed. {message}</source>
        <translation>Kaydedilmiş ağırlıklardan devam edildi; {names} katmanının şekli değiştiği için yeni ağırlıklarla başladı. {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continued from the saved weights; {names} started from fresh weights because their shape changed. {message}</source>
        <translation>Kaydedilmiş ağırlıklardan devam edildi; {names} katmanlarının şekli değiştiği için yeni ağırlıklarla başladı. {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network&apos;s Input is {shape} but the dataset gives samples of {data}: set the Input shape to {data}</source>
        <translation>Ağın Girdisi {shape} ama veri seti {data} şeklinde örnekler veriyor: Girdi şeklini {data} yapın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the training split is empty: use a bigger dataset or a smaller validation/test split</source>
        <translation>eğitim verisi boş: daha büyük bir veri seti ya da daha küçük bir doğrulama/test payı kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every layer is frozen, so there is nothing to train: unfreeze at least one layer</source>
        <translation>bütün katmanlar dondurulmuş, eğitilecek bir şey yok: en az bir katmanın dondurmasını kaldırın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos; learns target &apos;{target}&apos;, which the dataset does not have (extra targets: {available}); leave Target empty for the main target</source>
        <translation>&apos;{name}&apos; çıktısı &apos;{target}&apos; hedefini öğreniyor ama veri setinde bu hedef yok (ek hedefler: {available}); ana hedef için Hedef alanını boş bırakın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos; gives {shape} but the dataset has {n} classes: make the last Dense layer {n} units wide (or 1 unit with a sigmoid for two classes)</source>
        <translation>&apos;{name}&apos; çıktısı {shape} veriyor ama veri setinde {n} sınıf var: son Dense katmanını {n} nöronlu yapın (ya da iki sınıf için sigmoidli 1 nöron)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos; gives {shape} but the dataset has {n} classes: make the last Dense layer {n} units wide</source>
        <translation>&apos;{name}&apos; çıktısı {shape} veriyor ama veri setinde {n} sınıf var: son Dense katmanını {n} nöronlu yapın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos; has one unit: use binary cross-entropy (bce), or 2 units with cross-entropy</source>
        <translation>&apos;{name}&apos; çıktısının tek nöronu var: ikili çapraz entropi (bce) ya da çapraz entropiyle 2 nöron kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos;: binary cross-entropy needs one output unit and two classes; use cross-entropy for {n} classes</source>
        <translation>&apos;{name}&apos; çıktısı: ikili çapraz entropi tek çıktı nöronu ve iki sınıf ister; {n} sınıf için çapraz entropi kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos;: cross-entropy over classes needs scores or a Softmax, not a Sigmoid</source>
        <translation>&apos;{name}&apos; çıktısı: sınıflar üzerinde çapraz entropi puanlar ya da Softmax ister, Sigmoid değil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos; gives {shape} but the targets are {target}: make the last layer give {target}</source>
        <translation>&apos;{name}&apos; çıktısı {shape} veriyor ama hedefler {target}: son katmanın {target} vermesini sağlayın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output &apos;{name}&apos;: {loss} is for classes, but this target is numbers; use mse, mae or huber</source>
        <translation>&apos;{name}&apos; çıktısı: {loss} sınıflar içindir ama bu hedef sayılardan oluşuyor; mse, mae ya da huber kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>labels for Output &apos;{name}&apos; run from {low} to {high} but must lie in 0..{top}</source>
        <translation>&apos;{name}&apos; çıktısının etiketleri {low} ile {high} arasında ama 0..{top} aralığında olmalı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there are no trained weights to continue from: train from scratch first</source>
        <translation>devam edilecek eğitilmiş ağırlık yok: önce sıfırdan eğitin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the saved weights do not fit this network: {details}</source>
        <translation>kaydedilmiş ağırlıklar bu ağa uymuyor: {details}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA was asked for but no NVIDIA GPU with a working driver is available: use device &apos;cpu&apos; or &apos;auto&apos;</source>
        <translation>CUDA istendi ama sürücüsü çalışan bir NVIDIA GPU yok: &apos;cpu&apos; ya da &apos;auto&apos; cihazını kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no GPU {index}; this machine has {count}</source>
        <translation>{index} numaralı GPU yok; bu makinede {count} GPU var</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apple MPS was asked for but is not available here: use device &apos;cpu&apos; or &apos;auto&apos;</source>
        <translation>Apple MPS istendi ama burada kullanılamıyor: &apos;cpu&apos; ya da &apos;auto&apos; cihazını kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown device &apos;{name}&apos;: use auto, cpu, cuda or mps</source>
        <translation>bilinmeyen cihaz &apos;{name}&apos;: auto, cpu, cuda ya da mps kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no such file</source>
        <translation>böyle bir dosya yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be read ({reason})</source>
        <translation>okunamıyor ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty</source>
        <translation>dosya boş</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a folder; give a CSV file</source>
        <translation>bir klasör; bir CSV dosyası verin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a folder; give an IDX file</source>
        <translation>bir klasör; bir IDX dosyası verin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file holds no values</source>
        <translation>dosyada hiç değer yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has a header line but no rows of data</source>
        <translation>dosyanın başlık satırı var ama veri satırı yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no column {name}; the columns are {columns}</source>
        <translation>{name} adlı sütun yok; sütunlar: {columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not a text file (it contains zero bytes): give a CSV file saved as text (UTF-8)</source>
        <translation>bu bir metin dosyası değil (sıfır baytları içeriyor): metin (UTF-8) olarak kaydedilmiş bir CSV dosyası verin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line {line} has {n} values but line {first} has {width}: every line needs the same number of values separated by &apos;{delimiter}&apos;; look for a missing or extra {delimiter_name}</source>
        <translation>{line}. satırda {n} değer var ama {first}. satırda {width}: her satırda &apos;{delimiter}&apos; ile ayrılmış aynı sayıda değer olmalı; eksik ya da fazla bir {delimiter_name} arayın</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the training inputs contain missing (NaN) or infinite values; remove or fill them first</source>
        <translation>eğitim girdilerinde eksik (NaN) ya da sonsuz değerler var; önce bunları kaldırın ya da doldurun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the target contains missing (NaN) or infinite values; remove or fill them</source>
        <translation>hedefte eksik (NaN) ya da sonsuz değerler var; bunları kaldırın ya da doldurun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has {n} answers for {samples} samples; every sample needs exactly one answer</source>
        <translation>{samples} örnek için {n} yanıt var; her örneğin tam olarak bir yanıtı olmalı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class labels must lie in 0..{top} ({n} classes), found {low}..{high}</source>
        <translation>sınıf etiketleri 0..{top} aralığında olmalı ({n} sınıf), bulunan: {low}..{high}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameter &apos;{name}&apos; must be a whole number from {low} to {high}; got {value}</source>
        <translation>&apos;{name}&apos; parametresi {low} ile {high} arasında bir tam sayı olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameter &apos;{name}&apos; must be a number from {low} to {high}; got {value}</source>
        <translation>&apos;{name}&apos; parametresi {low} ile {high} arasında bir sayı olmalı; verilen: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{samples} samples are too few for {classes} classes; use at least {minimum} samples</source>
        <translation>{classes} sınıf için {samples} örnek çok az; en az {minimum} örnek kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {split} must be at least 0 and less than 1 (a fraction like 0.2); got {value}</source>
        <translation>{split} en az 0 ve 1’den küçük olmalı (0.2 gibi bir oran); verilen: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the validation split ({val}) and test split ({test}) add up to {total}; together they must be less than 1 so that some data is left for training</source>
        <translation>doğrulama payı ({val}) ve test payı ({test}) toplamı {total}; eğitime veri kalması için toplamları 1’den küçük olmalı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the dataset has only {n} samples: too few to split off validation ({val}) and test ({test}) data and still train; lower the splits or use more samples</source>
        <translation>veri setinde yalnızca {n} örnek var: doğrulama ({val}) ve test ({test}) verisini ayırıp yine de eğitmek için çok az; payları düşürün ya da daha çok örnek kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the classes have too few samples to split off a {split} set and keep every class in training; turn off &apos;stratify&apos; or use more samples</source>
        <translation>sınıflarda {split} kümesini ayırıp her sınıfı eğitimde tutmaya yetecek kadar örnek yok; &apos;stratify&apos; ayarını kapatın ya da daha çok örnek kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dataset &apos;{name}&apos;</source>
        <translation>&apos;{name}&apos; veri seti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no built-in dataset called {name}; choose one of {names}</source>
        <translation>{name} adlı yerleşik bir veri seti yok; şunlardan birini seçin: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such folder</source>
        <translation>böyle bir klasör yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a file; give the folder that holds one sub-folder of images per class</source>
        <translation>bir dosya; her sınıf için bir alt klasörde görüntüleri tutan klasörü verin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a single image; give the folder that holds one sub-folder of images per class</source>
        <translation>tek bir görüntü; her sınıf için bir alt klasörde görüntüleri tutan klasörü verin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has no sub-folders; put the images in one sub-folder per class, for example {first} and {second}</source>
        <translation>alt klasörü yok; görüntüleri her sınıf için bir alt klasöre koyun, örneğin {first} ve {second}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown text encoding {name}; try utf-8, cp1252, latin-1 or cp1254</source>
        <translation>bilinmeyen metin kodlaması {name}; utf-8, cp1252, latin-1 ya da cp1254 deneyin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not a text file (it contains zero characters)</source>
        <translation>bu bir metin dosyası değil (sıfır karakterleri içeriyor)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} cannot separate values; use auto, comma, semicolon, tab, pipe or space</source>
        <translation>{value} değerleri ayıramaz; auto, comma, semicolon, tab, pipe ya da space kullanın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading it needs about {need} of memory, but at most {limit} may be used (half the free memory): use part of the data (fewer rows or images, a smaller image size) or a computer with more memory</source>
        <translation>yüklemek yaklaşık {need} bellek gerektiriyor ama en fazla {limit} kullanılabilir (boş belleğin yarısı): verinin bir kısmını (daha az satır ya da görüntü, daha küçük görüntü boyutu) ya da daha çok belleği olan bir bilgisayar kullanın</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the series gives only {n} windows: too few to split off validation and test data</source>
        <translation>seri yalnızca {n} pencere veriyor: doğrulama ve test verisi ayırmak için çok az</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation split</source>
        <translation>doğrulama payı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test split</source>
        <translation>test payı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>test</translation>
    </message>
</context>
</TS>
