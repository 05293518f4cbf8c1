<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/export/commands.py" line="+25"/>
        <source>Import weights from %1</source>
        <translation>Ağırlıkları %1 dosyasından içe aktar</translation>
    </message>
    <message>
        <location filename="../../gui/export/__init__.py" line="+61"/>
        <source>&amp;Export…</source>
        <translation>&amp;Dışa Aktar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the trained network: ONNX, weights, PyTorch program, model.py or train.py</source>
        <translation>Eğitilmiş ağı dışa aktar: ONNX, ağırlıklar, PyTorch programı, model.py ya da train.py</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Weights…</source>
        <translation>Ağırlıkları İç&amp;e Aktar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load weights from a .safetensors or .pt file into this network (undoable)</source>
        <translation>Bir .safetensors ya da .pt dosyasındaki ağırlıkları bu ağa yükle (geri alınabilir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace Output Layer…</source>
        <translation>Çıktı &amp;Katmanını Değiştir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the network a new output layer that fits the dataset&apos;s classes, keeping the other trained weights (transfer learning)</source>
        <translation>Ağa veri setinin sınıflarına uyan yeni bir çıktı katmanı ver; diğer eğitilmiş ağırlıklar korunur (transfer öğrenme)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Freeze Layer</source>
        <translation>Katmanı Dondur</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Freeze or unfreeze the selected layers: frozen weights are not trained</source>
        <translation>Seçili katmanları dondur ya da çöz: dondurulmuş ağırlıklar eğitilmez</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+60"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Show the network as PyTorch code</source>
        <translation>Ağı PyTorch kodu olarak göster</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unfreeze Layer</source>
        <translation>Katmanı Çöz</translation>
    </message>
    <message>
        <location filename="../../gui/export/importing.py" line="+26"/>
        <source>Weights (*.safetensors *.pt *.pth *.bin)</source>
        <translation>Ağırlıklar (*.safetensors *.pt *.pth *.bin)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors dosyası (*.safetensors)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch state dict (*.pt *.pth *.bin)</source>
        <translation>PyTorch durum sözlüğü (*.pt *.pth *.bin)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The weights in %1 do not fit this network:</source>
        <translation>%1 dosyasındaki ağırlıklar bu ağa uymuyor:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the network match the one the weights were saved from (same layer names and sizes), or train it instead.</source>
        <translation>Ağı, ağırlıkların kaydedildiği ağla aynı yap (aynı katman adları ve boyutları) ya da onun yerine ağı eğit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import weights</source>
        <translation>Ağırlıkları içe aktar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Training is running</source>
        <translation>Eğitim sürüyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop training before importing weights: the run would overwrite them.</source>
        <translation>Ağırlıkları içe aktarmadan önce eğitimi durdur: yoksa eğitim onların üzerine yazar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The weights do not fit</source>
        <translation>Ağırlıklar uymuyor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot import the weights</source>
        <translation>Ağırlıklar içe aktarılamıyor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loaded %1 tensors (%2 parameters) from %3</source>
        <translation>%3 dosyasından %1 tensör (%2 parametre) yüklendi</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <location filename="../../gui/export/code_view.py" line="+123"/>
        <source>model.py for this diagram, updated as you edit. Select a layer to find its lines.</source>
        <translation>Bu diyagramın model.py kodu; sen düzenledikçe güncellenir. Bir katmanın satırlarını bulmak için onu seç.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>Kopyala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the whole model.py to the clipboard</source>
        <translation>model.py kodunun tamamını panoya kopyala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as model.py…</source>
        <translation>model.py olarak kaydet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this code as a Python file (File ▸ Export… also writes the trained weights next to it)</source>
        <translation>Bu kodu bir Python dosyası olarak kaydet (Dosya ▸ Dışa Aktar… eğitilmiş ağırlıkları da yanına yazar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network as plain PyTorch code: the comments give each value&apos;s shape</source>
        <translation>Ağ, sade PyTorch kodu olarak: yorumlar her değerin boyutunu gösterir</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>The code below is out of date: %1</source>
        <translation>Aşağıdaki kod güncel değil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No code yet: %1</source>
        <translation>Henüz kod yok: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Copied model.py to the clipboard</source>
        <translation>model.py panoya kopyalandı</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the code as</source>
        <translation>Kodu farklı kaydet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python files (*.py)</source>
        <translation>Python dosyaları (*.py)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save the code</source>
        <translation>Kod kaydedilemiyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be written: %2. Choose another folder.</source>
        <translation>%1 yazılamıyor: %2. Başka bir klasör seç.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1</source>
        <translation>%1 kaydedildi</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export/dialog.py" line="+143"/>
        <source>ONNX model (.onnx)</source>
        <translation>ONNX modeli (.onnx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network and its weights in the open ONNX format: runs with onnxruntime, in a browser, on a phone, or in other frameworks.</source>
        <translation>Ağ ve ağırlıkları, açık ONNX biçiminde: onnxruntime ile, bir tarayıcıda, bir telefonda ya da başka çatılarda (framework) çalışır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights only (.safetensors)</source>
        <translation>Yalnızca ağırlıklar (.safetensors)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Just the learned numbers, safe to share (no code inside). Load them with model.py or File ▸ Import Weights.</source>
        <translation>Yalnızca öğrenilmiş sayılar; paylaşması güvenli (içinde kod yok). Onları model.py ile ya da Dosya ▸ Ağırlıkları İçe Aktar ile yükle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PyTorch state dict (.pt)</source>
        <translation>PyTorch durum sözlüğü (state dict, .pt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The weights as torch.save(model.state_dict()): load with torch.load(..., weights_only=True).</source>
        <translation>Ağırlıklar, torch.save(model.state_dict()) biçiminde: torch.load(..., weights_only=True) ile yükle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PyTorch program (.pt2)</source>
        <translation>PyTorch programı (.pt2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole network as a torch.export program (TorchScript if that fails). It holds code: load it only if you trust where it came from.</source>
        <translation>Bütün ağ, bir torch.export programı olarak (bu olmazsa TorchScript). İçinde kod var: onu yalnızca nereden geldiğine güveniyorsan yükle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python code: model.py + weights</source>
        <translation>Python kodu: model.py + ağırlıklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model.py written like a student would (see the Code panel), weights.safetensors and a README, in a folder or a .zip.</source>
        <translation>Bir öğrencinin yazacağı gibi yazılmış model.py (Kod paneline bak), weights.safetensors ve bir README; bir klasörde ya da bir .zip dosyasında.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training script: train.py</source>
        <translation>Eğitim betiği: train.py</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train.py, model.py and the data, to train the same network without Katman (also on several GPUs). Needs no trained weights.</source>
        <translation>Aynı ağı Katman olmadan eğitmek için train.py, model.py ve veri (birden çok GPU’da da). Eğitilmiş ağırlık gerektirmez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything</source>
        <translation>Hepsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All of the above in one folder.</source>
        <translation>Yukarıdakilerin hepsi tek bir klasörde.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Export</source>
        <translation>Dışa Aktar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export “%1”: choose what to write and where.</source>
        <translation>“%1” projesini dışa aktar: neyi nereye yazacağını seç.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Save to:</source>
        <translation>Kaydedilecek yer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Gözat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the file or folder to write</source>
        <translation>Yazılacak dosyayı ya da klasörü seç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Folder</source>
        <translation>Klasörü Aç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the exported files in the file manager</source>
        <translation>Dışa aktarılan dosyaları dosya yöneticisinde göster</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+1"/>
        <source>Folder (*)</source>
        <translation>Klasör (*)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zip archive (*.zip)</source>
        <translation>Zip arşivi (*.zip)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export to</source>
        <translation>Dışa aktarılacak yer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The network is not valid, so it cannot be exported: %1</source>
        <translation>Ağ geçerli değil, bu yüzden dışa aktarılamaz: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The network has not been trained yet, so there are no weights to export. Train it first (Train ▸ Train, F5), or export the training script, which needs no weights.</source>
        <translation>Ağ henüz eğitilmedi, bu yüzden dışa aktarılacak ağırlık yok. Önce ağı eğit (Eğitim ▸ Eğit, F5) ya da ağırlık gerektirmeyen eğitim betiğini dışa aktar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to save the export.</source>
        <translation>Dışa aktarılanların nereye kaydedileceğini seç.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Note: a .pt2 program holds code; share it only with people who trust you.</source>
        <translation>Not: bir .pt2 programının içinde kod var; onu yalnızca sana güvenen kişilerle paylaş.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Replace?</source>
        <translation>Üzerine yazılsın mı?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it (files with the same names are overwritten)?</source>
        <translation>%1 zaten var. Üzerine yazılsın mı (aynı adlı dosyaların yerine yenileri yazılır)?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved %1 (%2)</source>
        <translation>%1 kaydedildi (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved %1 files in %2:</source>
        <translation>%2 klasörüne %1 dosya kaydedildi:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed: %1</source>
        <translation>Dışa aktarma başarısız oldu: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation>%1 yazılamıyor: %2. Yazma iznin olan bir klasör seç.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export failed inside Katman (%1: %2). Your project is safe; try another format.</source>
        <translation>Dışa aktarma Katman’ın içinde başarısız oldu (%1: %2). Projen güvende; başka bir biçim dene.</translation>
    </message>
</context>
<context>
    <name>Finetune</name>
    <message>
        <location filename="../../gui/export/finetune.py" line="+52"/>
        <source>Select a layer with weights to freeze it</source>
        <translation>Dondurmak için ağırlıkları olan bir katman seç</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Freeze %1</source>
        <translation>%1 dondur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfreeze %1</source>
        <translation>%1 çöz</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <source>Cannot replace the output layer</source>
        <translation>Çıktı katmanı değiştirilemiyor</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Replace output layer %1 (%2 units)</source>
        <translation>%1 çıktı katmanını değiştir (%2 nöron)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; now has %2 units with fresh weights; the other layers keep theirs. Press Train to fine-tune.</source>
        <translation>&apos;%1&apos; katmanında artık yeni ağırlıklarla %2 nöron var; diğer katmanlar kendi ağırlıklarını koruyor. İnce ayar yapmak için Eğit’e bas.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Training is running</source>
        <translation>Eğitim sürüyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop training before replacing the output layer.</source>
        <translation>Çıktı katmanını değiştirmeden önce eğitimi durdur.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No output layer to replace</source>
        <translation>Değiştirilecek çıktı katmanı yok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replacing the output layer needs an Output fed by a Dense layer (Dense → Output, or Dense → Softmax → Output).</source>
        <translation>Çıktı katmanını değiştirmek için bir Dense katmanından beslenen bir Çıktı (Output) gerekir (Dense → Output ya da Dense → Softmax → Output).</translation>
    </message>
</context>
<context>
    <name>ReplaceOutputDialog</name>
    <message>
        <location line="-69"/>
        <source>Replace Output Layer</source>
        <translation>Çıktı Katmanını Değiştir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer learning: keep what the network learned and give it a new output layer that fits the dataset&apos;s classes. The new layer starts from fresh weights; every other layer keeps its trained weights. Then press Train to fine-tune.</source>
        <translation>Transfer öğrenme: ağın öğrendiklerini koru ve ona veri setinin sınıflarına uyan yeni bir çıktı katmanı ver. Yeni katman yeni (rastgele) ağırlıklarla başlar; diğer bütün katmanlar eğitilmiş ağırlıklarını korur. Sonra ince ayar (fine-tuning) için Eğit’e bas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output:</source>
        <translation>Çıktı:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units (classes):</source>
        <translation>Nöron sayısı (sınıf):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the other layers (train only the new output layer)</source>
        <translation>Diğer katmanları dondur (yalnızca yeni çıktı katmanını eğit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frozen layers keep their weights while training; unfreeze them later to fine-tune the whole network with a small learning rate</source>
        <translation>Dondurulmuş katmanlar eğitim sırasında ağırlıklarını korur; bütün ağa küçük bir öğrenme oranıyla ince ayar yapmak için onları sonra çöz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace</source>
        <translation>Değiştir</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Output &apos;%1&apos; gets its size from Dense &apos;%2&apos;, which has %3 units now.</source>
        <translation>&apos;%1&apos; çıktısı boyutunu &apos;%2&apos; Dense katmanından alır; o katmanda şu an %3 nöron var.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dataset has %1 classes (%2).</source>
        <translation>Veri setinde %1 sınıf var (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The dataset&apos;s target for this output is not classes (or cannot be read); choose the number of units yourself.</source>
        <translation>Veri setinin bu çıktı için hedefi sınıflar değil (ya da okunamıyor); nöron sayısını kendin seç.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The size is unchanged: nothing will be re-initialised.</source>
        <translation>Boyut değişmedi: hiçbir ağırlık yeniden başlatılmayacak.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; gets %2 units with fresh weights; undo brings the old layer back.</source>
        <translation>&apos;%1&apos; yeni ağırlıklarla %2 nöron alacak; Geri Al eski katmanı geri getirir.</translation>
    </message>
</context>
</TS>
