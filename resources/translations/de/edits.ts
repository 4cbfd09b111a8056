<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>NNStudio</name>
    <message>
      <source>&amp;Dataset</source>
      <translation>Daten&amp;satz</translation>
    </message>
    <message>
      <source>&amp;Export CSV…</source>
      <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
      <source>2-D generators</source>
      <translation>2-D-Generatoren</translation>
    </message>
    <message>
      <source>Activation</source>
      <translation>Aktivierung</translation>
    </message>
    <message>
      <source>Activation of the hidden layers</source>
      <translation>Aktivierungsfunktion der Zwischenschichten</translation>
    </message>
    <message>
      <source>Activation of the output layer</source>
      <translation>Aktivierungsfunktion der Ausgabeschicht</translation>
    </message>
    <message>
      <source>Add 1 row</source>
      <translation>1 Zeile hinzufügen</translation>
    </message>
    <message>
      <source>Add Neuron to This Layer</source>
      <translation>Neuron zu dieser Schicht hinzufügen</translation>
    </message>
    <message>
      <source>Add column {name}</source>
      <translation>Spalte {name} hinzufügen</translation>
    </message>
    <message>
      <source>Add feature {name}</source>
      <translation>Merkmal {name} hinzufügen</translation>
    </message>
    <message>
      <source>Add neuron to {layer}</source>
      <translation>Neuron hinzufügen ({layer})</translation>
    </message>
    <message>
      <source>Add {count} rows</source>
      <translation>{count} Zeilen hinzufügen</translation>
    </message>
    <message>
      <source>Another project was opened: race again to compare its optimizers.</source>
      <translation>Ein anderes Projekt wurde geöffnet: Starten Sie das Rennen erneut, um seine Optimierer zu vergleichen.</translation>
    </message>
    <message>
      <source>Arrow keys move the selection between neurons, layers and connections (Shift for connections); Enter edits the selected weight or bias; + adds a neuron to the selected layer; Delete removes the selection.</source>
      <translation>Pfeiltasten bewegen die Auswahl zwischen Neuronen, Schichten und Verbindungen (Umschalt für Verbindungen); Eingabe bearbeitet das ausgewählte Gewicht oder den Bias; + fügt der ausgewählten Schicht ein Neuron hinzu; Entf entfernt die Auswahl.</translation>
    </message>
    <message>
      <source>Backward pass</source>
      <translation>Rückwärtsdurchlauf</translation>
    </message>
    <message>
      <source>Bias of this neuron; Enter applies, Esc cancels</source>
      <translation>Bias dieses Neurons; Eingabe übernimmt, Esc bricht ab</translation>
    </message>
    <message>
      <source>Built-in table</source>
      <translation>Mitgelieferte Tabelle</translation>
    </message>
    <message>
      <source>Built-in tables</source>
      <translation>Mitgelieferte Tabellen</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Canceled.</source>
      <translation>Abgebrochen.</translation>
    </message>
    <message>
      <source>Change initializer</source>
      <translation>Initialisierer ändern</translation>
    </message>
    <message>
      <source>Change them later in the Training panel</source>
      <translation>Später im Bereich „Training“ änderbar</translation>
    </message>
    <message>
      <source>Change training settings</source>
      <translation>Trainingseinstellungen ändern</translation>
    </message>
    <message>
      <source>Colour key</source>
      <translation>Farblegende</translation>
    </message>
    <message>
      <source>Column {name}: {changes}</source>
      <translation>Spalte {name}: {changes}</translation>
    </message>
    <message>
      <source>Connection from {source} to {target}, weight {weight:.4g}</source>
      <translation>Verbindung von {source} zu {target}, Gewicht {weight:.4g}</translation>
    </message>
    <message>
      <source>Dataset</source>
      <translation>Datensatz</translation>
    </message>
    <message>
      <source>Delete run “{name}”</source>
      <translation>Lauf „{name}“ löschen</translation>
    </message>
    <message>
      <source>Delete {count} runs</source>
      <translation>{count} Läufe löschen</translation>
    </message>
    <message>
      <source>Draw new images (the next seed)</source>
      <translation>Neue Bilder ziehen (nächster Seed)</translation>
    </message>
    <message>
      <source>Draw new points (the next seed)</source>
      <translation>Neue Punkte ziehen (nächster Seed)</translation>
    </message>
    <message>
      <source>Edit Weight…</source>
      <translation>Gewicht bearbeiten…</translation>
    </message>
    <message>
      <source>Edit bias</source>
      <translation>Bias bearbeiten</translation>
    </message>
    <message>
      <source>Edit cells</source>
      <translation>Zellen bearbeiten</translation>
    </message>
    <message>
      <source>Edit dataset</source>
      <translation>Datensatz bearbeiten</translation>
    </message>
    <message>
      <source>Edit weight</source>
      <translation>Gewicht bearbeiten</translation>
    </message>
    <message>
      <source>Edit {column} in row {row}</source>
      <translation>{column} in Zeile {row} bearbeiten</translation>
    </message>
    <message>
      <source>Every racer starts from the current weights and sees the same batches in the same order.</source>
      <translation>Jeder Teilnehmer startet mit den aktuellen Gewichten und sieht dieselben Stapel in derselben Reihenfolge.</translation>
    </message>
    <message>
      <source>Final loss</source>
      <translation>Endverlust</translation>
    </message>
    <message>
      <source>Fit to View</source>
      <translation>An Ansicht anpassen</translation>
    </message>
    <message>
      <source>Fork from epoch {epoch} of {run}</source>
      <translation>Abzweigen ab Epoche {epoch} von {run}</translation>
    </message>
    <message>
      <source>Forward pass</source>
      <translation>Vorwärtsdurchlauf</translation>
    </message>
    <message>
      <source>Gaussian jitter, as a fraction of the shape's radius (0.1 = half a unit)</source>
      <translation>Gaußsches Zittern als Anteil des Formradius (0,1 = eine halbe Einheit)</translation>
    </message>
    <message>
      <source>Gaussian noise added to every pixel (0 = blank, 1 = ink)</source>
      <translation>Gaußsches Rauschen auf jedem Pixel (0 = leer, 1 = Tinte)</translation>
    </message>
    <message>
      <source>Generate</source>
      <translation>Erzeugen</translation>
    </message>
    <message>
      <source>Generate {name} ({count} images, noise {noise:g}, seed {seed})</source>
      <translation>{name} erzeugen ({count} Bilder, Rauschen {noise:g}, Seed {seed})</translation>
    </message>
    <message>
      <source>Generate {name} ({count} points, noise {noise:g}, seed {seed})</source>
      <translation>{name} erzeugen ({count} Punkte, Rauschen {noise:g}, Seed {seed})</translation>
    </message>
    <message>
      <source>Generate: {name}</source>
      <translation>Erzeugen: {name}</translation>
    </message>
    <message>
      <source>Give the input and output layers one neuron per input column and per output (new weights from the layers' initializers; one undo step)</source>
      <translation>Gibt der Eingabe- und der Ausgabeschicht ein Neuron je Eingabespalte und je Ausgabe (neue Gewichte aus den Initialisierern der Schichten; ein Rückgängig-Schritt)</translation>
    </message>
    <message>
      <source>Hidden activation</source>
      <translation>Aktivierung Zwischenschichten</translation>
    </message>
    <message>
      <source>Hidden layer sizes separated by commas, e.g. 4, 3 (empty for none)</source>
      <translation>Größen der Zwischenschichten, durch Kommas getrennt, z. B. 4, 3 (leer für keine)</translation>
    </message>
    <message>
      <source>Hidden layer {layer}, neuron {neuron}</source>
      <translation>Zwischenschicht {layer}, Neuron {neuron}</translation>
    </message>
    <message>
      <source>Hidden layers</source>
      <translation>Zwischenschichten</translation>
    </message>
    <message>
      <source>Hidden {number}</source>
      <translation>Zwischenschicht {number}</translation>
    </message>
    <message>
      <source>Hidden {number} layer</source>
      <translation>Zwischenschicht {number}</translation>
    </message>
    <message>
      <source>How many images</source>
      <translation>Wie viele Bilder</translation>
    </message>
    <message>
      <source>How many points</source>
      <translation>Wie viele Punkte</translation>
    </message>
    <message>
      <source>How the first weights are drawn</source>
      <translation>Wie die ersten Gewichte gezogen werden</translation>
    </message>
    <message>
      <source>Image generators</source>
      <translation>Bildgeneratoren</translation>
    </message>
    <message>
      <source>Images:</source>
      <translation>Bilder:</translation>
    </message>
    <message>
      <source>Import CSV</source>
      <translation>CSV importieren</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>Eingabe</translation>
    </message>
    <message>
      <source>Input layer</source>
      <translation>Eingabeschicht</translation>
    </message>
    <message>
      <source>Input “{name}”</source>
      <translation>Eingabe „{name}“</translation>
    </message>
    <message>
      <source>Inputs</source>
      <translation>Eingaben</translation>
    </message>
    <message>
      <source>Insert Layer After</source>
      <translation>Schicht danach einfügen</translation>
    </message>
    <message>
      <source>Insert Layer Before</source>
      <translation>Schicht davor einfügen</translation>
    </message>
    <message>
      <source>Insert {activation} layer</source>
      <translation>{activation}-Schicht einfügen</translation>
    </message>
    <message>
      <source>Keep as run</source>
      <translation>Als Lauf behalten</translation>
    </message>
    <message>
      <source>Keep racer {racer} as a run</source>
      <translation>Teilnehmer {racer} als Lauf behalten</translation>
    </message>
    <message>
      <source>Kept</source>
      <translation>Behalten</translation>
    </message>
    <message>
      <source>Learning rates, separated by commas: every optimizer races at each</source>
      <translation>Lernraten, durch Semikolon getrennt: Jeder Optimierer tritt mit jeder an</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>Linien</translation>
    </message>
    <message>
      <source>Load {table}</source>
      <translation>{table} laden</translation>
    </message>
    <message>
      <source>NN Studio network</source>
      <translation>NN-Studio-Netz</translation>
    </message>
    <message>
      <source>Network diagram</source>
      <translation>Netzdiagramm</translation>
    </message>
    <message>
      <source>Network diagram: {selection}</source>
      <translation>Netzdiagramm: {selection}</translation>
    </message>
    <message>
      <source>Neurons</source>
      <translation>Neuronen</translation>
    </message>
    <message>
      <source>New Network</source>
      <translation>Neues Netz</translation>
    </message>
    <message>
      <source>Noise:</source>
      <translation>Rauschen:</translation>
    </message>
    <message>
      <source>None: I set the sizes</source>
      <translation>Keiner: Größen selbst festlegen</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Hinweis</translation>
    </message>
    <message>
      <source>Number of input neurons (features)</source>
      <translation>Anzahl der Eingabeneuronen (Merkmale)</translation>
    </message>
    <message>
      <source>Number of output neurons</source>
      <translation>Anzahl der Ausgabeneuronen</translation>
    </message>
    <message>
      <source>Optimizer Race</source>
      <translation>Optimierer-Rennen</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>Ausgabe</translation>
    </message>
    <message>
      <source>Output activation</source>
      <translation>Aktivierung Ausgabe</translation>
    </message>
    <message>
      <source>Output layer</source>
      <translation>Ausgabeschicht</translation>
    </message>
    <message>
      <source>Output “{name}”</source>
      <translation>Ausgabe „{name}“</translation>
    </message>
    <message>
      <source>Outputs</source>
      <translation>Ausgaben</translation>
    </message>
    <message>
      <source>Paste 1 row</source>
      <translation>1 Zeile einfügen</translation>
    </message>
    <message>
      <source>Paste weights</source>
      <translation>Gewichte einfügen</translation>
    </message>
    <message>
      <source>Paste {count} rows</source>
      <translation>{count} Zeilen einfügen</translation>
    </message>
    <message>
      <source>Pulse</source>
      <translation>Impuls</translation>
    </message>
    <message>
      <source>Race</source>
      <translation>Starten</translation>
    </message>
    <message>
      <source>Racer</source>
      <translation>Teilnehmer</translation>
    </message>
    <message>
      <source>Racing…</source>
      <translation>Rennen läuft…</translation>
    </message>
    <message>
      <source>Random seed: same seed, same weights</source>
      <translation>Zufalls-Seed: gleicher Seed, gleiche Gewichte</translation>
    </message>
    <message>
      <source>Re-initialize All Weights</source>
      <translation>Alle Gewichte neu initialisieren</translation>
    </message>
    <message>
      <source>Re-initialize Layer Weights</source>
      <translation>Gewichte der Schicht neu initialisieren</translation>
    </message>
    <message>
      <source>Re-initialize all weights</source>
      <translation>Alle Gewichte neu initialisieren</translation>
    </message>
    <message>
      <source>Re-initialize {layer}</source>
      <translation>{layer} neu initialisieren</translation>
    </message>
    <message>
      <source>Read a CSV file (header row required) into the dataset</source>
      <translation>Eine CSV-Datei (mit Kopfzeile) in den Datensatz einlesen</translation>
    </message>
    <message>
      <source>Regenerate</source>
      <translation>Neu erzeugen</translation>
    </message>
    <message>
      <source>Remove 1 row</source>
      <translation>1 Zeile entfernen</translation>
    </message>
    <message>
      <source>Remove Layer</source>
      <translation>Schicht entfernen</translation>
    </message>
    <message>
      <source>Remove Neuron</source>
      <translation>Neuron entfernen</translation>
    </message>
    <message>
      <source>Remove bias</source>
      <translation>Bias entfernen</translation>
    </message>
    <message>
      <source>Remove column {names}</source>
      <translation>Spalte {names} entfernen</translation>
    </message>
    <message>
      <source>Remove columns {names}</source>
      <translation>Spalten {names} entfernen</translation>
    </message>
    <message>
      <source>Remove neuron from {layer}</source>
      <translation>Neuron entfernen ({layer})</translation>
    </message>
    <message>
      <source>Remove {count} rows</source>
      <translation>{count} Zeilen entfernen</translation>
    </message>
    <message>
      <source>Remove {layer}</source>
      <translation>{layer} entfernen</translation>
    </message>
    <message>
      <source>Rename run “{name}”</source>
      <translation>Lauf „{name}“ umbenennen</translation>
    </message>
    <message>
      <source>Rename to “{name}”</source>
      <translation>Umbenennen in „{name}“</translation>
    </message>
    <message>
      <source>Replace network</source>
      <translation>Netz ersetzen</translation>
    </message>
    <message>
      <source>Reset optimizer</source>
      <translation>Optimierer zurücksetzen</translation>
    </message>
    <message>
      <source>Resize the network</source>
      <translation>Netzgröße anpassen</translation>
    </message>
    <message>
      <source>Samples:</source>
      <translation>Punkte:</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>Seed</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>Seed:</translation>
    </message>
    <message>
      <source>Set activation to {activation}</source>
      <translation>Aktivierung auf {activation} setzen</translation>
    </message>
    <message>
      <source>Show its rows as pictures and its neurons' weights as images?</source>
      <translation>Die Zeilen als Bilder und die Gewichte der Neuronen als Bilder zeigen?</translation>
    </message>
    <message>
      <source>Take the numbers of inputs and outputs (and the data) from a dataset</source>
      <translation>Anzahl der Eingaben und Ausgaben (und die Daten) aus einem Datensatz übernehmen</translation>
    </message>
    <message>
      <source>The column {name!r} becomes the target.</source>
      <translation>Die Spalte {name!r} wird zum Ziel.</translation>
    </message>
    <message>
      <source>The current dataset ({name})</source>
      <translation>Der aktuelle Datensatz ({name})</translation>
    </message>
    <message>
      <source>The same seed gives the same images</source>
      <translation>Derselbe Seed ergibt dieselben Bilder</translation>
    </message>
    <message>
      <source>The same seed gives the same points</source>
      <translation>Derselbe Seed ergibt dieselben Punkte</translation>
    </message>
    <message>
      <source>The star marks the starting weights.</source>
      <translation>Der Stern markiert die Startgewichte.</translation>
    </message>
    <message>
      <source>Train 1 epoch</source>
      <translation>1 Epoche trainieren</translation>
    </message>
    <message>
      <source>Train {epochs} epochs</source>
      <translation>{epochs} Epochen trainieren</translation>
    </message>
    <message>
      <source>Trains with {optimizer} (learning rate {rate:g}), {loss} loss, {epochs}.</source>
      <translation>Trainiert mit {optimizer} (Lernrate {rate:g}), Verlust {loss}, {epochs}.</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>Unbenannt</translation>
    </message>
    <message>
      <source>Update</source>
      <translation>Aktualisierung</translation>
    </message>
    <message>
      <source>Use bias</source>
      <translation>Bias verwenden</translation>
    </message>
    <message>
      <source>Use these images</source>
      <translation>Diese Bilder verwenden</translation>
    </message>
    <message>
      <source>Use these points</source>
      <translation>Diese Punkte verwenden</translation>
    </message>
    <message>
      <source>Weight initializer</source>
      <translation>Gewichtsinitialisierer</translation>
    </message>
    <message>
      <source>Weight of this connection; Enter applies, Esc cancels</source>
      <translation>Gewicht dieser Verbindung; Eingabe übernimmt, Esc bricht ab</translation>
    </message>
    <message>
      <source>Write the dataset to a CSV file</source>
      <translation>Den Datensatz in eine CSV-Datei schreiben</translation>
    </message>
    <message>
      <source>Z-score normalization on {names}.</source>
      <translation>Z-Score-Normalisierung für {names}.</translation>
    </message>
    <message>
      <source>a learning rate is a positive number, not {text}</source>
      <translation>Eine Lernrate ist eine positive Zahl, nicht {text}</translation>
    </message>
    <message>
      <source>a neuron name cannot be empty</source>
      <translation>Ein Neuronenname darf nicht leer sein</translation>
    </message>
    <message>
      <source>activation a (blue +, orange −)</source>
      <translation>Aktivierung a (blau +, orange −)</translation>
    </message>
    <message>
      <source>another neuron is already called “{name}”</source>
      <translation>Ein anderes Neuron heißt bereits „{name}“</translation>
    </message>
    <message>
      <source>change Δw = new − old (purple +, green −)</source>
      <translation>Änderung Δw = neu − alt (lila +, grün −)</translation>
    </message>
    <message>
      <source>choose a file name first (File ▸ Save As…)</source>
      <translation>Wählen Sie zuerst einen Dateinamen (Datei ▸ Speichern unter…)</translation>
    </message>
    <message>
      <source>choose at least one optimizer</source>
      <translation>Wählen Sie mindestens einen Optimierer</translation>
    </message>
    <message>
      <source>class labels</source>
      <translation>Klassenbezeichnungen</translation>
    </message>
    <message>
      <source>classes: {classes}</source>
      <translation>Klassen: {classes}</translation>
    </message>
    <message>
      <source>column</source>
      <translation>Spalte</translation>
    </message>
    <message>
      <source>columns</source>
      <translation>Spalten</translation>
    </message>
    <message>
      <source>computed</source>
      <translation>berechnet</translation>
    </message>
    <message>
      <source>computed by the network (read-only)</source>
      <translation>vom Netz berechnet (schreibgeschützt)</translation>
    </message>
    <message>
      <source>could not write {path}</source>
      <translation>{path} konnte nicht geschrieben werden</translation>
    </message>
    <message>
      <source>e.g. 4, 3 (empty: no hidden layer)</source>
      <translation>z. B. 4, 3 (leer: keine Zwischenschicht)</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>Epoche</translation>
    </message>
    <message>
      <source>epochs</source>
      <translation>Epochen</translation>
    </message>
    <message>
      <source>expected a {rows} × {columns} weight matrix, got {got_rows} × {got_columns}</source>
      <translation>Erwartet wurde eine {rows} × {columns}-Gewichtsmatrix, erhalten: {got_rows} × {got_columns}</translation>
    </message>
    <message>
      <source>expected {expected} bias values, got {got}</source>
      <translation>Erwartet wurden {expected} Bias-Werte, erhalten: {got}</translation>
    </message>
    <message>
      <source>feature</source>
      <translation>Merkmal</translation>
    </message>
    <message>
      <source>features</source>
      <translation>Merkmale</translation>
    </message>
    <message>
      <source>gradient ∂L/∂w, thicker = larger</source>
      <translation>Gradient ∂L/∂w, dicker = größer</translation>
    </message>
    <message>
      <source>hidden layer sizes must be whole numbers separated by commas, got “{text}”</source>
      <translation>Die Größen der Zwischenschichten müssen ganze Zahlen sein, durch Kommas getrennt; erhalten: „{text}“</translation>
    </message>
    <message>
      <source>hidden layer {number}</source>
      <translation>Zwischenschicht {number}</translation>
    </message>
    <message>
      <source>ignored</source>
      <translation>ignoriert</translation>
    </message>
    <message>
      <source>image</source>
      <translation>Bild</translation>
    </message>
    <message>
      <source>images</source>
      <translation>Bilder</translation>
    </message>
    <message>
      <source>input</source>
      <translation>Eingabe</translation>
    </message>
    <message>
      <source>input layer</source>
      <translation>Eingabeschicht</translation>
    </message>
    <message>
      <source>labels</source>
      <translation>Klassen</translation>
    </message>
    <message>
      <source>learning rates</source>
      <translation>Lernraten</translation>
    </message>
    <message>
      <source>list at least one learning rate, e.g. 0.01</source>
      <translation>Geben Sie mindestens eine Lernrate an, z. B. 0.01</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>Verlust</translation>
    </message>
    <message>
      <source>normalization {method}</source>
      <translation>Normalisierung {method}</translation>
    </message>
    <message>
      <source>nothing selected</source>
      <translation>nichts ausgewählt</translation>
    </message>
    <message>
      <source>numbers</source>
      <translation>Zahlen</translation>
    </message>
    <message>
      <source>only input and output neurons have names</source>
      <translation>Nur Eingabe- und Ausgabeneuronen haben Namen</translation>
    </message>
    <message>
      <source>output layer</source>
      <translation>Ausgabeschicht</translation>
    </message>
    <message>
      <source>point</source>
      <translation>Punkt</translation>
    </message>
    <message>
      <source>points</source>
      <translation>Punkte</translation>
    </message>
    <message>
      <source>rename to {name}</source>
      <translation>umbenennen in {name}</translation>
    </message>
    <message>
      <source>role ignored</source>
      <translation>Rolle ignoriert</translation>
    </message>
    <message>
      <source>role input</source>
      <translation>Rolle Eingabe</translation>
    </message>
    <message>
      <source>role target</source>
      <translation>Rolle Ziel</translation>
    </message>
    <message>
      <source>target</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <source>there is no connection {source}→{target} into {layer}</source>
      <translation>Es gibt keine Verbindung {source}→{target} in Schicht {layer}</translation>
    </message>
    <message>
      <source>there is no layer {index}</source>
      <translation>Es gibt keine Schicht {index}</translation>
    </message>
    <message>
      <source>this layer has no bias; tick “Use bias” first</source>
      <translation>Diese Schicht hat keinen Bias; kreuzen Sie zuerst „Bias verwenden“ an</translation>
    </message>
    <message>
      <source>trained {epochs}</source>
      <translation>{epochs} trainiert</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>Neuron</translation>
    </message>
    <message>
      <source>units</source>
      <translation>Neuronen</translation>
    </message>
    <message>
      <source>weight w, thicker = larger</source>
      <translation>Gewicht w, dicker = größer</translation>
    </message>
    <message>
      <source>w·a carried forward</source>
      <translation>w·a wird weitergereicht</translation>
    </message>
    <message>
      <source>w·δ sent back</source>
      <translation>w·δ wird zurückgereicht</translation>
    </message>
    <message>
      <source>{count} more neurons are not drawn; the weight table shows them all.</source>
      <translation>{count} weitere Neuronen sind nicht gezeichnet; die Gewichtstabelle zeigt alle.</translation>
    </message>
    <message>
      <source>{images} of {width}×{height} pixels: {classes}</source>
      <translation>{images} mit {width}×{height} Pixeln: {classes}</translation>
    </message>
    <message>
      <source>{message} (its path leaves the picture)</source>
      <translation>{message} (sein Pfad verlässt das Bild)</translation>
    </message>
    <message>
      <source>{name}
role: {role}
kind: {kind}
normalization: {normalization}{extra}
Right-click for role, normalization, rename, kind.</source>
      <translation>{name}
Rolle: {role}
Art: {kind}
Normalisierung: {normalization}{extra}
Rechtsklick für Rolle, Normalisierung, Umbenennen, Art.</translation>
    </message>
    <message>
      <source>{name} (generated)</source>
      <translation>{name} (erzeugt)</translation>
    </message>
    <message>
      <source>{neuron}
Click to inspect its bias and weights; right-click for more.</source>
      <translation>{neuron}
Klicken, um Bias und Gewichte zu untersuchen; Rechtsklick für mehr.</translation>
    </message>
    <message>
      <source>{neuron}
Click to inspect; right-click for more.</source>
      <translation>{neuron}
Klicken zum Untersuchen; Rechtsklick für mehr.</translation>
    </message>
    <message>
      <source>{points}: {ones} of class 1, {zeros} of class 0</source>
      <translation>{points}: {ones} der Klasse 1, {zeros} der Klasse 0</translation>
    </message>
    <message>
      <source>{points}: {target} from {low:.3g} to {high:.3g}</source>
      <translation>{points}: {target} von {low:.3g} bis {high:.3g}</translation>
    </message>
    <message>
      <source>{title}: {subtitle}
Click to select the layer; right-click for more.</source>
      <translation>{title}: {subtitle}
Klicken wählt die Schicht; Rechtsklick für mehr.</translation>
    </message>
    <message>
      <source>δ = ∂L/∂z (purple +, green −)</source>
      <translation>δ = ∂L/∂z (lila +, grün −)</translation>
    </message>
    <message>
      <source>“{text}” is not a learning rate: list numbers such as 0.1, 0.01</source>
      <translation>„{text}“ ist keine Lernrate: Geben Sie Zahlen wie 0,1; 0,01 an</translation>
    </message>
    <message>
      <source>… {count} more</source>
      <translation>… {count} weitere</translation>
    </message>
  </context>
</TS>
