<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>NNStudio</name>
    <message>
      <source>(not drawn: {runs} — another network shape)</source>
      <translation>(nicht gezeichnet: {runs} – andere Netzform)</translation>
    </message>
    <message>
      <source>({done} of {total} steps done)</source>
      <translation>({done} von {total} Schritten erledigt)</translation>
    </message>
    <message>
      <source>({total} steps)</source>
      <translation>({total} Schritte)</translation>
    </message>
    <message>
      <source>+ Column</source>
      <translation>+ Spalte</translation>
    </message>
    <message>
      <source>+ Row</source>
      <translation>+ Zeile</translation>
    </message>
    <message>
      <source>1 setting differs</source>
      <translation>1 Einstellung unterscheidet sich</translation>
    </message>
    <message>
      <source>A confusion matrix is shown for classification data.</source>
      <translation>Eine Konfusionsmatrix wird für Klassifikationsdaten gezeigt.</translation>
    </message>
    <message>
      <source>A connection of the plane (selecting connections on the diagram offers them here)</source>
      <translation>Eine Verbindung der Ebene (im Diagramm ausgewählte Verbindungen erscheinen hier)</translation>
    </message>
    <message>
      <source>A connection's value, gradient and optimizer terms by epoch</source>
      <translation>Wert, Gradient und Optimierer-Terme einer Verbindung je Epoche</translation>
    </message>
    <message>
      <source>A new input column computed from existing numeric columns; it follows them when they change and predictions compute it too.</source>
      <translation>Eine neue Eingabespalte, berechnet aus vorhandenen numerischen Spalten; sie folgt ihnen bei Änderungen, und Vorhersagen berechnen sie ebenfalls.</translation>
    </message>
    <message>
      <source>A tiny number added to the divisor so it is never zero</source>
      <translation>Eine winzige Zahl, die zum Divisor addiert wird, damit er nie null ist</translation>
    </message>
    <message>
      <source>Accuracy</source>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <source>Activation</source>
      <translation>Aktivierung</translation>
    </message>
    <message>
      <source>Activation parameter {name}</source>
      <translation>Aktivierungsparameter {name}</translation>
    </message>
    <message>
      <source>Activation, bias and incoming weights</source>
      <translation>Aktivierung, Bias, Eingangsgewichte</translation>
    </message>
    <message>
      <source>Add a column after the current one</source>
      <translation>Eine Spalte nach der aktuellen einfügen</translation>
    </message>
    <message>
      <source>Add a row below the current one</source>
      <translation>Eine Zeile unter der aktuellen einfügen</translation>
    </message>
    <message>
      <source>Add an input computed from other columns: x², x·y, sin(x), …</source>
      <translation>Eine aus anderen Spalten berechnete Eingabe hinzufügen: x², x·y, sin(x), …</translation>
    </message>
    <message>
      <source>Add feature</source>
      <translation>Merkmal hinzufügen</translation>
    </message>
    <message>
      <source>Add feature…</source>
      <translation>+ Merkmal…</translation>
    </message>
    <message>
      <source>All lessons</source>
      <translation>Alle Lektionen</translation>
    </message>
    <message>
      <source>All neurons…</source>
      <translation>Alle Neuronen…</translation>
    </message>
    <message>
      <source>Also draw the rows training holds out for validation (triangles)</source>
      <translation>Auch die Zeilen zeichnen, die das Training zur Validierung zurückhält (Dreiecke)</translation>
    </message>
    <message>
      <source>And column:</source>
      <translation>Und Spalte:</translation>
    </message>
    <message>
      <source>Applied to this column before training and prediction</source>
      <translation>Wird vor Training und Vorhersage auf diese Spalte angewandt</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Zurück</translation>
    </message>
    <message>
      <source>Background: the class the network picks at each point.</source>
      <translation>Hintergrund: die Klasse, die das Netz an jedem Punkt wählt.</translation>
    </message>
    <message>
      <source>Background: the network's {quantity} over the input plane (blue low, orange high).</source>
      <translation>Hintergrund: {quantity} des Netzes über der Eingabeebene (blau niedrig, orange hoch).</translation>
    </message>
    <message>
      <source>Backpropagation and central differences DISAGREE on rows {rows} with the weights this step started from: largest relative error {error}.</source>
      <translation>Backpropagation und zentrale Differenzen WEICHEN AB auf den Zeilen {rows} mit den Gewichten zu Beginn dieses Schritts: größter relativer Fehler {error}.</translation>
    </message>
    <message>
      <source>Backpropagation and central differences agree on rows {rows} with the weights this step started from: largest relative error {error}.</source>
      <translation>Backpropagation und zentrale Differenzen stimmen überein auf den Zeilen {rows} mit den Gewichten zu Beginn dieses Schritts: größter relativer Fehler {error}.</translation>
    </message>
    <message>
      <source>Backpropagation computes the slope of the loss. Press the button to compare it with (L(w+ε) − L(w−ε)) / 2ε for every weight.</source>
      <translation>Backpropagation berechnet die Steigung des Verlusts. Die Schaltfläche vergleicht sie für jedes Gewicht mit (L(w+ε) − L(w−ε)) / 2ε.</translation>
    </message>
    <message>
      <source>Backward</source>
      <translation>Rückwärts</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>Stapel</translation>
    </message>
    <message>
      <source>Batch size</source>
      <translation>Stapelgröße</translation>
    </message>
    <message>
      <source>Bias</source>
      <translation>Bias</translation>
    </message>
    <message>
      <source>Bias init</source>
      <translation>Bias-Init.</translation>
    </message>
    <message>
      <source>Brush</source>
      <translation>Pinsel</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
      <translation>CSV-Dateien (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <source>Can't train: {reason}</source>
      <translation>Training nicht möglich: {reason}</translation>
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
      <source>Change column</source>
      <translation>Spalte ändern</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Prüfen</translation>
    </message>
    <message>
      <source>Check gradients</source>
      <translation>Gradienten prüfen</translation>
    </message>
    <message>
      <source>Check your work now; when something is not right yet, the next hint shows</source>
      <translation>Ihre Arbeit jetzt prüfen; stimmt etwas noch nicht, erscheint der nächste Hinweis</translation>
    </message>
    <message>
      <source>Choose the source columns.</source>
      <translation>Wählen Sie die Quellspalten.</translation>
    </message>
    <message>
      <source>Class labels</source>
      <translation>Klassen</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Leeren</translation>
    </message>
    <message>
      <source>Clear cells</source>
      <translation>Zellen leeren</translation>
    </message>
    <message>
      <source>Click a cell to see its rows (image data: as pictures in the Dataset dock)</source>
      <translation>Eine Zelle anklicken, um ihre Zeilen zu sehen (Bilddaten: als Bilder im Fenster Datensatz)</translation>
    </message>
    <message>
      <source>Click a neuron to select it</source>
      <translation>Ein Neuron anklicken, um es auszuwählen</translation>
    </message>
    <message>
      <source>Click a neuron, a connection or a layer title in the diagram to see and edit its weights, bias and activation.</source>
      <translation>Klicken Sie im Diagramm ein Neuron, eine Verbindung oder einen Schichttitel an, um Gewichte, Bias und Aktivierung zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
      <source>Colour each point of the plane by the class the network picks (or, for a number, by the band it falls in) instead of the smooth output</source>
      <translation>Jeden Punkt der Ebene nach der Klasse färben, die das Netz wählt (bei einer Zahl nach ihrem Band), statt nach der stetigen Ausgabe</translation>
    </message>
    <message>
      <source>Colour: log₁₀ of the loss; lines: equal loss</source>
      <translation>Farbe: log₁₀ des Verlusts; Linien: gleicher Verlust</translation>
    </message>
    <message>
      <source>Column name</source>
      <translation>Spaltenname</translation>
    </message>
    <message>
      <source>Column:</source>
      <translation>Spalte:</translation>
    </message>
    <message>
      <source>Compare backpropagation with central differences on the current sample</source>
      <translation>Backpropagation mit zentralen Differenzen am aktuellen Beispiel vergleichen</translation>
    </message>
    <message>
      <source>Compute the loss over the plane (on a background thread)</source>
      <translation>Den Verlust über der Ebene berechnen (im Hintergrund)</translation>
    </message>
    <message>
      <source>Computing the loss over the plane…</source>
      <translation>Verlust über der Ebene wird berechnet…</translation>
    </message>
    <message>
      <source>Confusion</source>
      <translation>Konfusion</translation>
    </message>
    <message>
      <source>Confusion matrix</source>
      <translation>Konfusionsmatrix</translation>
    </message>
    <message>
      <source>Connection {source} → {target}</source>
      <translation>Verbindung {source} → {target}</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Kopieren</translation>
    </message>
    <message>
      <source>Copy the formulas as plain text</source>
      <translation>Die Formeln als reinen Text kopieren</translation>
    </message>
    <message>
      <source>Crop the drawing to its ink and centre it in a square before it is averaged down, as the digits' bitmaps were made (on by default for data whose images fill their frame)</source>
      <translation>Die Zeichnung vor dem Herunterrechnen auf ihre Tinte zuschneiden und in einem Quadrat zentrieren, wie die Bitmaps der Ziffern entstanden (standardmäßig an für Daten, deren Bilder ihren Rahmen füllen)</translation>
    </message>
    <message>
      <source>Dataset scatter plot</source>
      <translation>Streudiagramm des Datensatzes</translation>
    </message>
    <message>
      <source>Dataset table</source>
      <translation>Datensatztabelle</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Löschen</translation>
    </message>
    <message>
      <source>Delete the selected runs (undoable)</source>
      <translation>Die ausgewählten Läufe löschen (rückgängig machbar)</translation>
    </message>
    <message>
      <source>Discretize output</source>
      <translation>Ausgabe diskretisieren</translation>
    </message>
    <message>
      <source>Do this step for me (one undo step: Edit ▸ Undo takes it back)</source>
      <translation>Diesen Schritt für mich ausführen (ein Rückgängig-Schritt: Bearbeiten ▸ Rückgängig nimmt ihn zurück)</translation>
    </message>
    <message>
      <source>Drag between two layers to insert a hidden layer</source>
      <translation>Zwischen zwei Schichten ziehen, um eine verborgene Schicht einzufügen</translation>
    </message>
    <message>
      <source>Drag onto a layer to add a neuron (its weights come from the layer's initializer)</source>
      <translation>Auf eine Schicht ziehen, um ein Neuron hinzuzufügen (seine Gewichte kommen vom Initialisierer der Schicht)</translation>
    </message>
    <message>
      <source>Drag onto the diagram</source>
      <translation>Auf das Diagramm ziehen</translation>
    </message>
    <message>
      <source>Draw</source>
      <translation>Zeichnen</translation>
    </message>
    <message>
      <source>Draw fresh weights and biases for this layer from its initializers (one undo step)</source>
      <translation>Neue Gewichte und Biases für diese Schicht aus ihren Initialisierern ziehen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
      <source>Draw shows the loss around the current weights and the path training took.</source>
      <translation>Zeichnen zeigt den Verlust um die aktuellen Gewichte und den Weg, den das Training nahm.</translation>
    </message>
    <message>
      <source>Draw two other random directions</source>
      <translation>Zwei andere zufällige Richtungen ziehen</translation>
    </message>
    <message>
      <source>Draw with the mouse or a pen</source>
      <translation>Mit der Maus oder einem Stift zeichnen</translation>
    </message>
    <message>
      <source>Each press of Train until it stops is a run; a fork is a branch of its run.
Select two or more to compare them; double-click a name to rename it.</source>
      <translation>Jeder Druck auf Trainieren bis zum Halt ist ein Lauf; eine Abzweigung ist ein Zweig ihres Laufs.
Zwei oder mehr auswählen, um sie zu vergleichen; Doppelklick auf einen Namen benennt ihn um.</translation>
    </message>
    <message>
      <source>Early stopping</source>
      <translation>Früher Abbruch</translation>
    </message>
    <message>
      <source>Early stopping patience</source>
      <translation>Geduld für frühen Abbruch</translation>
    </message>
    <message>
      <source>End the run after this epoch; its weights are kept</source>
      <translation>Den Lauf nach dieser Epoche beenden; seine Gewichte bleiben erhalten</translation>
    </message>
    <message>
      <source>Epoch</source>
      <translation>Epoche</translation>
    </message>
    <message>
      <source>Epoch {epoch}: replaying…</source>
      <translation>Epoche {epoch}: wird nachgespielt…</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>Epochen</translation>
    </message>
    <message>
      <source>Every training run; select two or more to compare them</source>
      <translation>Jeder Trainingslauf; zwei oder mehr auswählen, um sie zu vergleichen</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Export CSV</source>
      <translation>CSV exportieren</translation>
    </message>
    <message>
      <source>Export CSV: write the table to a CSV file</source>
      <translation>CSV exportieren: die Tabelle in eine CSV-Datei schreiben</translation>
    </message>
    <message>
      <source>Export history</source>
      <translation>Verlauf exportieren</translation>
    </message>
    <message>
      <source>Export plot</source>
      <translation>Diagramm exportieren</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>F6 plays the next forward phase, F7 the next backward phase, F8 applies the update, F9 plays the whole step; Shift+F6 steps back, Shift+F9 resets the step. All are in Train ▸ Step.</source>
      <translation>F6 spielt die nächste Vorwärtsphase, F7 die nächste Rückwärtsphase, F8 wendet die Änderung an, F9 spielt den ganzen Schritt; Umschalt+F6 geht eine Phase zurück, Umschalt+F9 setzt den Schritt zurück. Alle stehen unter Training ▸ Schritt.</translation>
    </message>
    <message>
      <source>Fastest</source>
      <translation>Am schnellsten</translation>
    </message>
    <message>
      <source>Feature:</source>
      <translation>Merkmal:</translation>
    </message>
    <message>
      <source>Final loss</source>
      <translation>Endverlust</translation>
    </message>
    <message>
      <source>Fit to frame</source>
      <translation>An Rahmen anpassen</translation>
    </message>
    <message>
      <source>Fork from here</source>
      <translation>Hier abzweigen</translation>
    </message>
    <message>
      <source>Forking from epoch {epoch} of {run}…</source>
      <translation>Abzweigung bei Epoche {epoch} von {run}…</translation>
    </message>
    <message>
      <source>Formulas</source>
      <translation>Formeln</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Vorwärts</translation>
    </message>
    <message>
      <source>Forward (F6) starts a step; Complete (F9) plays it all.</source>
      <translation>Vorwärts (F6) beginnt einen Schritt; Abschließen (F9) spielt ihn ganz.</translation>
    </message>
    <message>
      <source>Go back to this epoch exactly — weights, optimizer state, settings and history — as one undo step; the next training run is a branch of this run</source>
      <translation>Genau zu dieser Epoche zurückkehren – Gewichte, Optimiererzustand, Einstellungen und Verlauf – als ein Rückgängig-Schritt; der nächste Trainingslauf ist ein Zweig dieses Laufs</translation>
    </message>
    <message>
      <source>Go to a step (✓: its checks held)</source>
      <translation>Zu einem Schritt gehen (✓: seine Prüfungen sind erfüllt)</translation>
    </message>
    <message>
      <source>Go to the next step</source>
      <translation>Zum nächsten Schritt</translation>
    </message>
    <message>
      <source>Go to the previous step</source>
      <translation>Zum vorigen Schritt</translation>
    </message>
    <message>
      <source>Gradient check results</source>
      <translation>Ergebnisse der Gradientenprüfung</translation>
    </message>
    <message>
      <source>Gradient check: backpropagation against central differences</source>
      <translation>Gradientenprüfung: Backpropagation gegen zentrale Differenzen</translation>
    </message>
    <message>
      <source>Grid points per side</source>
      <translation>Gitterpunkte je Seite</translation>
    </message>
    <message>
      <source>Grid size</source>
      <translation>Gittergröße</translation>
    </message>
    <message>
      <source>Guided steps through the classic tutorials. Each step checks your work as you go; hints and “Show me” help when you are stuck.</source>
      <translation>Geführte Schritte durch die klassischen Tutorials. Jeder Schritt prüft Ihre Arbeit laufend; Hinweise und „Vormachen“ helfen, wenn Sie nicht weiterkommen.</translation>
    </message>
    <message>
      <source>Hidden layer {layer} · neuron {neuron}</source>
      <translation>Verborgene Schicht {layer} · Neuron {neuron}</translation>
    </message>
    <message>
      <source>Hidden {n}</source>
      <translation>Verborgen {n}</translation>
    </message>
    <message>
      <source>Hide this tip</source>
      <translation>Diesen Tipp ausblenden</translation>
    </message>
    <message>
      <source>Hint</source>
      <translation>Hinweis</translation>
    </message>
    <message>
      <source>Hint ({n} left)</source>
      <translation>Hinweis (noch {n})</translation>
    </message>
    <message>
      <source>Hint {n}: {hint}</source>
      <translation>Hinweis {n}: {hint}</translation>
    </message>
    <message>
      <source>History as CSV…</source>
      <translation>Verlauf als CSV…</translation>
    </message>
    <message>
      <source>How Re-initialize draws this layer's biases</source>
      <translation>Wie Neu initialisieren die Biases dieser Schicht zieht</translation>
    </message>
    <message>
      <source>How Re-initialize draws this layer's weights</source>
      <translation>Wie Neu initialisieren die Gewichte dieser Schicht zieht</translation>
    </message>
    <message>
      <source>How each update changes the weights from their gradients</source>
      <translation>Wie jede Aktualisierung die Gewichte aus ihren Gradienten ändert</translation>
    </message>
    <message>
      <source>How fast a run goes on screen. Slower speeds draw every epoch: the loss curve, the network's weights and the decision boundary. You can change it while training runs. Training from the command line always runs as fast as possible.</source>
      <translation>Wie schnell ein Lauf auf dem Bildschirm abläuft. Langsamere Geschwindigkeiten zeichnen jede Epoche: die Verlustkurve, die Gewichte des Netzes und die Entscheidungsgrenze. Sie lässt sich während des Trainings ändern. Training über die Kommandozeile läuft immer so schnell wie möglich.</translation>
    </message>
    <message>
      <source>How fast the running average of squared gradients forgets old steps</source>
      <translation>Wie schnell der gleitende Mittelwert der quadrierten Gradienten alte Schritte vergisst</translation>
    </message>
    <message>
      <source>How fast the running average of the gradients forgets old steps</source>
      <translation>Wie schnell der gleitende Mittelwert der Gradienten alte Schritte vergisst</translation>
    </message>
    <message>
      <source>How fast the running average of the squared gradients forgets old steps</source>
      <translation>Wie schnell der gleitende Mittelwert der quadrierten Gradienten alte Schritte vergisst</translation>
    </message>
    <message>
      <source>How many passes over the training rows Train runs</source>
      <translation>Wie viele Durchläufe über die Trainingszeilen Trainieren ausführt</translation>
    </message>
    <message>
      <source>How many points the loss is computed at along each side of the plane</source>
      <translation>An wie vielen Punkten je Seite der Ebene der Verlust berechnet wird</translation>
    </message>
    <message>
      <source>How much of the previous update carries into the next one</source>
      <translation>Wie viel von der vorigen Aktualisierung in die nächste übergeht</translation>
    </message>
    <message>
      <source>How the difference between the network's outputs and the targets is measured</source>
      <translation>Wie der Unterschied zwischen den Ausgaben des Netzes und den Zielwerten gemessen wird</translation>
    </message>
    <message>
      <source>How the weights of each layer are spread</source>
      <translation>Wie die Gewichte jeder Schicht verteilt sind</translation>
    </message>
    <message>
      <source>Ignored</source>
      <translation>Ignoriert</translation>
    </message>
    <message>
      <source>Images</source>
      <translation>Bilder</translation>
    </message>
    <message>
      <source>Import CSV</source>
      <translation>CSV importieren</translation>
    </message>
    <message>
      <source>Import CSV: read a CSV file (header row required)</source>
      <translation>CSV importieren: eine CSV-Datei lesen (Kopfzeile erforderlich)</translation>
    </message>
    <message>
      <source>Import {name}.csv</source>
      <translation>{name}.csv importieren</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>Incoming weights as the {image} image they see: blue raises z where the pixel is inked, orange lowers it.</source>
      <translation>Eingehende Gewichte als das {image}-Bild, das sie sehen: Blau erhöht z, wo das Pixel Tinte hat, Orange senkt es.</translation>
    </message>
    <message>
      <source>Initial accumulator</source>
      <translation>Startwert Akkumulator</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>Eingabe</translation>
    </message>
    <message>
      <source>Input feature, the target to predict, or ignored</source>
      <translation>Eingabemerkmal, vorherzusagendes Ziel oder ignoriert</translation>
    </message>
    <message>
      <source>Input “{name}”</source>
      <translation>Eingabe „{name}“</translation>
    </message>
    <message>
      <source>Inputs (raw units)</source>
      <translation>Eingaben (Rohwerte)</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <source>L1 penalty</source>
      <translation>L1-Strafe</translation>
    </message>
    <message>
      <source>L1 regularization: adds l1·Σ|w| to the loss (pushes weights to exactly 0)</source>
      <translation>L1-Regularisierung: addiert l1·Σ|w| zum Verlust (drückt Gewichte auf genau 0)</translation>
    </message>
    <message>
      <source>L2 penalty</source>
      <translation>L2-Strafe</translation>
    </message>
    <message>
      <source>L2 regularization: adds l2·Σw² to the loss (keeps weights small)</source>
      <translation>L2-Regularisierung: addiert l2·Σw² zum Verlust (hält Gewichte klein)</translation>
    </message>
    <message>
      <source>Largest relative error</source>
      <translation>Größter relativer Fehler</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Schicht</translation>
    </message>
    <message>
      <source>Layer values</source>
      <translation>Werte der Schicht</translation>
    </message>
    <message>
      <source>Layer · {units}</source>
      <translation>Schicht · {units}</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>Lernrate</translation>
    </message>
    <message>
      <source>Leave empty for the usual name, such as x1² or x1·x2</source>
      <translation>Leer lassen für den üblichen Namen, etwa x1² oder x1·x2</translation>
    </message>
    <message>
      <source>Leave the confusion-matrix cell: show every image again</source>
      <translation>Die Zelle der Konfusionsmatrix verlassen: wieder alle Bilder zeigen</translation>
    </message>
    <message>
      <source>Leave this lesson (your progress is kept)</source>
      <translation>Diese Lektion verlassen (Ihr Fortschritt bleibt erhalten)</translation>
    </message>
    <message>
      <source>Lesson step</source>
      <translation>Lektionsschritt</translation>
    </message>
    <message>
      <source>Lessons</source>
      <translation>Lektionen</translation>
    </message>
    <message>
      <source>List only the settings in which the selected runs differ</source>
      <translation>Nur die Einstellungen auflisten, in denen sich die ausgewählten Läufe unterscheiden</translation>
    </message>
    <message>
      <source>Load a dataset to see the model's output.</source>
      <translation>Laden Sie einen Datensatz, um die Ausgabe des Modells zu sehen.</translation>
    </message>
    <message>
      <source>Log</source>
      <translation>Log</translation>
    </message>
    <message>
      <source>Log scale for the loss (and MAE)</source>
      <translation>Logarithmische Skala für den Verlust (und MAE)</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>Verlust</translation>
    </message>
    <message>
      <source>Loss along the selected weight</source>
      <translation>Verlust entlang des ausgewählten Gewichts</translation>
    </message>
    <message>
      <source>Loss change</source>
      <translation>Verluständerung</translation>
    </message>
    <message>
      <source>Loss landscape</source>
      <translation>Verlustlandschaft</translation>
    </message>
    <message>
      <source>Loss(w)</source>
      <translation>L(w)</translation>
    </message>
    <message>
      <source>Make the weights of the chosen epoch the current weights (undoable)</source>
      <translation>Die Gewichte der gewählten Epoche zu den aktuellen machen (rückgängig machbar)</translation>
    </message>
    <message>
      <source>Mini-batch</source>
      <translation>Mini-Batch</translation>
    </message>
    <message>
      <source>Mini-batch number</source>
      <translation>Nummer des Mini-Batches</translation>
    </message>
    <message>
      <source>Momentum</source>
      <translation>Momentum</translation>
    </message>
    <message>
      <source>Move to see the network as it was at that epoch (every epoch, exactly)</source>
      <translation>Verschieben, um das Netz so zu sehen, wie es in dieser Epoche war (jede Epoche, exakt)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <source>Neuron</source>
      <translation>Neuron</translation>
    </message>
    <message>
      <source>New directions</source>
      <translation>Neue Richtungen</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Weiter</translation>
    </message>
    <message>
      <source>No recorded run has this connection yet: train, then select it again.</source>
      <translation>Noch kein aufgezeichneter Lauf hat diese Verbindung: trainieren Sie und wählen Sie sie dann erneut.</translation>
    </message>
    <message>
      <source>No rows are held out for validation (set a validation split in the Training panel).</source>
      <translation>Keine Zeilen sind zur Validierung zurückgehalten (legen Sie im Fenster Training einen Validierungsanteil fest).</translation>
    </message>
    <message>
      <source>No rows are held out: set a validation split in the Training panel to see them here.</source>
      <translation>Keine Zeilen zurückgehalten: Legen Sie im Fenster Training einen Validierungsanteil fest, um sie hier zu sehen.</translation>
    </message>
    <message>
      <source>No runs yet: every press of Train records one here.</source>
      <translation>Noch keine Läufe: jeder Druck auf Trainieren zeichnet hier einen auf.</translation>
    </message>
    <message>
      <source>No training yet: every epoch of each run will be reachable here.</source>
      <translation>Noch kein Training: jede Epoche jedes Laufs wird hier erreichbar sein.</translation>
    </message>
    <message>
      <source>Normalization</source>
      <translation>Normierung</translation>
    </message>
    <message>
      <source>Normalize:</source>
      <translation>Normieren:</translation>
    </message>
    <message>
      <source>Nothing selected</source>
      <translation>Nichts ausgewählt</translation>
    </message>
    <message>
      <source>Numbers</source>
      <translation>Zahlen</translation>
    </message>
    <message>
      <source>Numbers, or text labels (classes)</source>
      <translation>Zahlen oder Textbezeichnungen (Klassen)</translation>
    </message>
    <message>
      <source>Of column:</source>
      <translation>Aus Spalte:</translation>
    </message>
    <message>
      <source>One row per example; type to edit, Enter goes down, Tab goes right</source>
      <translation>Eine Zeile je Beispiel; Tippen bearbeitet, Eingabe geht nach unten, Tab nach rechts</translation>
    </message>
    <message>
      <source>One sample, row</source>
      <translation>Ein Beispiel, Zeile</translation>
    </message>
    <message>
      <source>Only settings that differ</source>
      <translation>Nur abweichende Einstellungen</translation>
    </message>
    <message>
      <source>Open a lesson from a .nnlesson file</source>
      <translation>Eine Lektion aus einer .nnlesson-Datei öffnen</translation>
    </message>
    <message>
      <source>Open lesson file…</source>
      <translation>Lektionsdatei öffnen…</translation>
    </message>
    <message>
      <source>Optimizer</source>
      <translation>Optimierer</translation>
    </message>
    <message>
      <source>Optimizer parameters</source>
      <translation>Optimiererparameter</translation>
    </message>
    <message>
      <source>Other…</source>
      <translation>Andere…</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>Ausgabe</translation>
    </message>
    <message>
      <source>Output plot</source>
      <translation>Ausgabediagramm</translation>
    </message>
    <message>
      <source>Output “{name}”</source>
      <translation>Ausgabe „{name}“</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>Pause the run at the end of this epoch</source>
      <translation>Den Lauf am Ende dieser Epoche anhalten</translation>
    </message>
    <message>
      <source>Per epoch: the predicted and the actual change of the loss</source>
      <translation>Je Epoche: die vorhergesagte und die tatsächliche Änderung des Verlusts</translation>
    </message>
    <message>
      <source>Pick a lesson; Enter starts it</source>
      <translation>Eine Lektion wählen; Eingabe startet sie</translation>
    </message>
    <message>
      <source>Plane</source>
      <translation>Ebene</translation>
    </message>
    <message>
      <source>Play a phase of a step (Forward, F6) to see its math with your numbers.</source>
      <translation>Spielen Sie eine Phase eines Schritts (Vorwärts, F6), um ihre Mathematik mit Ihren Zahlen zu sehen.</translation>
    </message>
    <message>
      <source>Plot as PNG…</source>
      <translation>Diagramm als PNG…</translation>
    </message>
    <message>
      <source>Points: the data. Red line: the model's prediction, in raw units.</source>
      <translation>Punkte: die Daten. Rote Linie: die Vorhersage des Modells, in Rohwerten.</translation>
    </message>
    <message>
      <source>Predicted loss change g·Δw = {predicted} (−η‖g‖² = {sgd}); actual {actual} (on the same rows). {diagnosis}</source>
      <translation>Vorhergesagte Verluständerung g·Δw = {predicted} (−η‖g‖² = {sgd}); tatsächlich {actual} (auf denselben Zeilen). {diagnosis}</translation>
    </message>
    <message>
      <source>Predicted loss change g·Δw = {predicted} = −η‖g‖²; actual {actual} (on the same rows). {diagnosis}</source>
      <translation>Vorhergesagte Verluständerung g·Δw = {predicted} = −η‖g‖²; tatsächlich {actual} (auf denselben Zeilen). {diagnosis}</translation>
    </message>
    <message>
      <source>Re-initialize</source>
      <translation>Neu initialisieren</translation>
    </message>
    <message>
      <source>Re-initialize every weight with the layer's initializer (the optimizer starts fresh too)</source>
      <translation>Jedes Gewicht mit dem Initialisierer seiner Schicht neu setzen (auch der Optimierer beginnt neu)</translation>
    </message>
    <message>
      <source>Remove column</source>
      <translation>Spalte entfernen</translation>
    </message>
    <message>
      <source>Remove the current column</source>
      <translation>Die aktuelle Spalte entfernen</translation>
    </message>
    <message>
      <source>Remove the selected rows</source>
      <translation>Die ausgewählten Zeilen entfernen</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Umbenennen…</translation>
    </message>
    <message>
      <source>Replaying {run} step by step…</source>
      <translation>{run} wird Schritt für Schritt nachgespielt…</translation>
    </message>
    <message>
      <source>Reset optimizer</source>
      <comment>training button</comment>
      <translation>Optimierer neu</translation>
    </message>
    <message>
      <source>Reset weights</source>
      <comment>training button</comment>
      <translation>Gewichte neu setzen</translation>
    </message>
    <message>
      <source>Restore weights from epoch {epoch}</source>
      <translation>Gewichte aus Epoche {epoch} wiederherstellen</translation>
    </message>
    <message>
      <source>Restore weights from this epoch</source>
      <translation>Gewichte dieser Epoche wiederherstellen</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Fortsetzen</translation>
    </message>
    <message>
      <source>Rho (decay)</source>
      <translation>Rho (Abklingen)</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <source>Row {row}: {label}</source>
      <translation>Zeile {row}: {label}</translation>
    </message>
    <message>
      <source>Row {row}: {label}, predicted {prediction} (right)</source>
      <translation>Zeile {row}: {label}, vorhergesagt {prediction} (richtig)</translation>
    </message>
    <message>
      <source>Row {row}: {label}, predicted {prediction} (wrong)</source>
      <translation>Zeile {row}: {label}, vorhergesagt {prediction} (falsch)</translation>
    </message>
    <message>
      <source>Rows = inputs of the layer (last row = bias), columns = its neurons. Type to edit; Ctrl+V pastes a block from a spreadsheet.</source>
      <translation>Zeilen = Eingaben der Schicht (letzte Zeile = Bias), Spalten = ihre Neuronen. Tippen zum Bearbeiten; Strg+V fügt einen Block aus einer Tabellenkalkulation ein.</translation>
    </message>
    <message>
      <source>Rows per update (as many as the training rows: one update an epoch)</source>
      <translation>Zeilen je Aktualisierung (so viele wie Trainingszeilen: eine Aktualisierung je Epoche)</translation>
    </message>
    <message>
      <source>Rows: the true class; columns: the predicted class</source>
      <translation>Zeilen: die wahre Klasse; Spalten: die vorhergesagte Klasse</translation>
    </message>
    <message>
      <source>Run {id}</source>
      <translation>Lauf {id}</translation>
    </message>
    <message>
      <source>Runs</source>
      <translation>Läufe</translation>
    </message>
    <message>
      <source>Save the plot shown as a PNG image, or the training history as CSV</source>
      <translation>Das gezeigte Diagramm als PNG-Bild oder den Trainingsverlauf als CSV speichern</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>Seed</translation>
    </message>
    <message>
      <source>Seed of the random order and split: the same seed gives the same run</source>
      <translation>Seed der Zufallsreihenfolge und Aufteilung: derselbe Seed ergibt denselben Lauf</translation>
    </message>
    <message>
      <source>Select a connection on the diagram to follow its weight over the epochs.</source>
      <translation>Wählen Sie im Diagramm eine Verbindung, um ihr Gewicht über die Epochen zu verfolgen.</translation>
    </message>
    <message>
      <source>Select a neuron or a connection on the diagram.</source>
      <translation>Wählen Sie im Diagramm ein Neuron oder eine Verbindung.</translation>
    </message>
    <message>
      <source>Select two or more runs to compare their settings.</source>
      <translation>Wählen Sie zwei oder mehr Läufe, um ihre Einstellungen zu vergleichen.</translation>
    </message>
    <message>
      <source>Setting</source>
      <translation>Einstellung</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>Alle zeigen</translation>
    </message>
    <message>
      <source>Show every neuron of this layer as an image (View ▸ Weight Images)</source>
      <translation>Jedes Neuron dieser Schicht als Bild zeigen (Ansicht ▸ Gewichtsbilder)</translation>
    </message>
    <message>
      <source>Show me</source>
      <translation>Vormachen</translation>
    </message>
    <message>
      <source>Show only the images the network classifies wrongly (after training)</source>
      <translation>Nur die Bilder zeigen, die das Netz falsch klassifiziert (nach dem Training)</translation>
    </message>
    <message>
      <source>Show the next hint for this step</source>
      <translation>Den nächsten Hinweis zu diesem Schritt zeigen</translation>
    </message>
    <message>
      <source>Show the rows as pictures beside the table</source>
      <translation>Die Zeilen als Bilder neben der Tabelle zeigen</translation>
    </message>
    <message>
      <source>Show validation data</source>
      <translation>Validierungsdaten zeigen</translation>
    </message>
    <message>
      <source>Showing epoch {epoch}</source>
      <translation>Epoche {epoch} wird gezeigt</translation>
    </message>
    <message>
      <source>Showing epoch {epoch} (last trained; the current weights differ)</source>
      <translation>Epoche {epoch} wird gezeigt (zuletzt trainiert; die aktuellen Gewichte weichen ab)</translation>
    </message>
    <message>
      <source>Showing epoch {epoch} (now)</source>
      <translation>Epoche {epoch} wird gezeigt (jetzt)</translation>
    </message>
    <message>
      <source>Shuffle each epoch</source>
      <translation>Jede Epoche mischen</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>Tempo</translation>
    </message>
    <message>
      <source>Start lesson</source>
      <translation>Lektion starten</translation>
    </message>
    <message>
      <source>Start the lesson picked in the list</source>
      <translation>Die in der Liste gewählte Lektion starten</translation>
    </message>
    <message>
      <source>Step on a single dataset row (as the tutorials do)</source>
      <translation>Einen Schritt mit einer einzelnen Datensatzzeile (wie die Tutorials)</translation>
    </message>
    <message>
      <source>Step on one mini-batch of the training settings' batch size</source>
      <translation>Einen Schritt mit einem Mini-Batch der Stapelgröße aus den Trainingseinstellungen</translation>
    </message>
    <message>
      <source>Step one epoch</source>
      <translation>Eine Epoche</translation>
    </message>
    <message>
      <source>Step {n} of {total} · {done} done</source>
      <translation>Schritt {n} von {total} · {done} erledigt</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Stopp</translation>
    </message>
    <message>
      <source>Stop at loss ≤</source>
      <translation>Bis Verlust ≤</translation>
    </message>
    <message>
      <source>Stop computing the landscape</source>
      <translation>Die Berechnung der Landschaft anhalten</translation>
    </message>
    <message>
      <source>Stop the run as soon as the loss reaches this value</source>
      <translation>Den Lauf anhalten, sobald der Verlust diesen Wert erreicht</translation>
    </message>
    <message>
      <source>Stop when validation loss has not improved for this many epochs</source>
      <translation>Anhalten, wenn sich der Validierungsverlust so viele Epochen nicht verbessert hat</translation>
    </message>
    <message>
      <source>Take the gradient where the momentum is about to carry the weights</source>
      <translation>Den Gradienten dort nehmen, wohin das Momentum die Gewichte gleich trägt</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <source>Target loss</source>
      <translation>Zielverlust</translation>
    </message>
    <message>
      <source>Task: {task}</source>
      <translation>Aufgabe: {task}</translation>
    </message>
    <message>
      <source>The activation of this neuron's layer (all its neurons)</source>
      <translation>Die Aktivierung der Schicht dieses Neurons (aller ihrer Neuronen)</translation>
    </message>
    <message>
      <source>The brush's width in pad pixels</source>
      <translation>Die Pinselbreite in Pixeln der Zeichenfläche</translation>
    </message>
    <message>
      <source>The current column's name; Enter renames it</source>
      <translation>Der Name der aktuellen Spalte; Eingabe benennt sie um</translation>
    </message>
    <message>
      <source>The current weights are this run's (the next run continues it).</source>
      <translation>Die aktuellen Gewichte sind die dieses Laufs (der nächste Lauf setzt ihn fort).</translation>
    </message>
    <message>
      <source>The dataset row (training rows) to step on</source>
      <translation>Die Datensatzzeile (Trainingszeilen) für den Schritt</translation>
    </message>
    <message>
      <source>The first column it is computed from</source>
      <translation>Die erste Spalte, aus der es berechnet wird</translation>
    </message>
    <message>
      <source>The largest relative error of backpropagation in each layer</source>
      <translation>Der größte relative Fehler der Backpropagation in jeder Schicht</translation>
    </message>
    <message>
      <source>The layer's activation function</source>
      <translation>Die Aktivierungsfunktion der Schicht</translation>
    </message>
    <message>
      <source>The loss along the selected weight</source>
      <translation>Der Verlust entlang des ausgewählten Gewichts</translation>
    </message>
    <message>
      <source>The loss over a range of the selected weight's values, all other weights fixed</source>
      <translation>Der Verlust über einen Bereich von Werten des ausgewählten Gewichts, alle anderen Gewichte fest</translation>
    </message>
    <message>
      <source>The loss over the plane as a heat map, the paths and the current point</source>
      <translation>Der Verlust über der Ebene als Heatmap, die Pfade und der aktuelle Punkt</translation>
    </message>
    <message>
      <source>The math of the selected neuron or connection in the phases played so far</source>
      <translation>Die Mathematik des ausgewählten Neurons oder der Verbindung in den bisher gespielten Phasen</translation>
    </message>
    <message>
      <source>The model has no trained parameter.</source>
      <translation>Das Modell hat keinen trainierten Parameter.</translation>
    </message>
    <message>
      <source>The model's two parameters (exact)</source>
      <translation>Die zwei Parameter des Modells (exakt)</translation>
    </message>
    <message>
      <source>The network changed shape since then; these weights no longer fit.</source>
      <translation>Das Netz hat seitdem seine Form geändert; diese Gewichte passen nicht mehr.</translation>
    </message>
    <message>
      <source>The network's output is not a finite number for these inputs (are its weights huge?).</source>
      <translation>Die Ausgabe des Netzes ist für diese Eingaben keine endliche Zahl (sind seine Gewichte riesig?).</translation>
    </message>
    <message>
      <source>The network's output over the inputs, with the data points</source>
      <translation>Die Ausgabe des Netzes über den Eingaben, mit den Datenpunkten</translation>
    </message>
    <message>
      <source>The neuron's name (a dataset column name); Enter renames</source>
      <translation>Der Name des Neurons (ein Spaltenname des Datensatzes); Eingabe benennt um</translation>
    </message>
    <message>
      <source>The output is already the class the network picks at each point</source>
      <translation>Die Ausgabe ist bereits die Klasse, die das Netz an jedem Punkt wählt</translation>
    </message>
    <message>
      <source>The output view is drawn for 2-input data (decision boundary) or 1-input regression (prediction curve).</source>
      <translation>Die Ausgabeansicht wird für Daten mit 2 Eingaben (Entscheidungsgrenze) oder Regression mit 1 Eingabe (Vorhersagekurve) gezeichnet.</translation>
    </message>
    <message>
      <source>The output view needs numeric inputs that match the network.</source>
      <translation>Die Ausgabeansicht braucht numerische Eingaben, die zum Netz passen.</translation>
    </message>
    <message>
      <source>The phase just played</source>
      <translation>Die gerade gespielte Phase</translation>
    </message>
    <message>
      <source>The rows of the dataset as points, coloured by their target</source>
      <translation>Die Zeilen des Datensatzes als Punkte, gefärbt nach ihrem Ziel</translation>
    </message>
    <message>
      <source>The scatter view shows one or two numeric input columns.</source>
      <translation>Das Streudiagramm zeigt eine oder zwei numerische Eingabespalten.</translation>
    </message>
    <message>
      <source>The second column it is computed from</source>
      <translation>Die zweite Spalte, aus der es berechnet wird</translation>
    </message>
    <message>
      <source>The selected runs' settings side by side (differences in bold)</source>
      <translation>Die Einstellungen der ausgewählten Läufe nebeneinander (Unterschiede fett)</translation>
    </message>
    <message>
      <source>The share of rows held out from training to measure the validation loss</source>
      <translation>Der Anteil der Zeilen, die vom Training zurückgehalten werden, um den Validierungsverlust zu messen</translation>
    </message>
    <message>
      <source>The size of each update step (type 1e-3 for 0.001)</source>
      <translation>Die Größe jedes Aktualisierungsschritts (1e-3 für 0,001 eingeben)</translation>
    </message>
    <message>
      <source>The star marks the current weights.</source>
      <translation>Der Stern markiert die aktuellen Gewichte.</translation>
    </message>
    <message>
      <source>The sum of squared gradients that Adagrad starts from</source>
      <translation>Die Summe quadrierter Gradienten, mit der Adagrad beginnt</translation>
    </message>
    <message>
      <source>The value of the input {name} to predict from</source>
      <translation>Der Wert der Eingabe {name} für die Vorhersage</translation>
    </message>
    <message>
      <source>The weight from {source} to {target}; Enter applies</source>
      <translation>Das Gewicht von {source} nach {target}; Eingabe übernimmt</translation>
    </message>
    <message>
      <source>The {name} of every epoch: training, and validation when there is some</source>
      <translation>{name} jeder Epoche: Training und, falls vorhanden, Validierung</translation>
    </message>
    <message>
      <source>There is already a column named {name}.</source>
      <translation>Es gibt bereits eine Spalte namens {name}.</translation>
    </message>
    <message>
      <source>There is no numeric column to compute a feature from.</source>
      <translation>Es gibt keine numerische Spalte, aus der ein Merkmal berechnet werden kann.</translation>
    </message>
    <message>
      <source>These runs have the same settings.</source>
      <translation>Diese Läufe haben dieselben Einstellungen.</translation>
    </message>
    <message>
      <source>This epoch was not trained in a recorded run, so it cannot be forked</source>
      <translation>Diese Epoche wurde in keinem aufgezeichneten Lauf trainiert, daher kann hier nicht abgezweigt werden</translation>
    </message>
    <message>
      <source>This epoch's weights and optimizer state, to train on as a branch</source>
      <translation>Gewichte und Optimiererzustand dieser Epoche, um als Zweig weiterzutrainieren</translation>
    </message>
    <message>
      <source>This neuron has not been reached in this step yet.</source>
      <translation>Dieses Neuron wurde in diesem Schritt noch nicht erreicht.</translation>
    </message>
    <message>
      <source>This neuron's bias b (z = Σ wᵢ·xᵢ + b)</source>
      <translation>Der Bias b dieses Neurons (z = Σ wᵢ·xᵢ + b)</translation>
    </message>
    <message>
      <source>This run</source>
      <translation>Dieser Lauf</translation>
    </message>
    <message>
      <source>This run's loss change is replayed when it pauses or ends (the view was opened after it started).</source>
      <translation>Die Verluständerung dieses Laufs wird nachgespielt, wenn er pausiert oder endet (die Ansicht wurde nach seinem Start geöffnet).</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Zeit</translation>
    </message>
    <message>
      <source>Tip: F6 forward · F7 back · F9 whole step</source>
      <translation>Tipp: F6 vorwärts · F7 rückwärts · F9 ganzer Schritt</translation>
    </message>
    <message>
      <source>Train</source>
      <translation>Trainieren</translation>
    </message>
    <message>
      <source>Train exactly one epoch</source>
      <translation>Genau eine Epoche trainieren</translation>
    </message>
    <message>
      <source>Train for the set number of epochs, or resume a paused run</source>
      <translation>Die eingestellte Anzahl Epochen trainieren oder einen pausierten Lauf fortsetzen</translation>
    </message>
    <message>
      <source>Train to see, for every epoch, how far the loss fell against what the slope predicted.</source>
      <translation>Trainieren Sie, um für jede Epoche zu sehen, wie weit der Verlust fiel, verglichen mit der Vorhersage der Steigung.</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>Training again continues the optimizer where it stopped (Adam's moments, momentum, step count), as calling fit again does in Keras. Reset it to start the optimizer fresh with these weights.</source>
      <translation>Erneutes Training setzt den Optimierer dort fort, wo er stand (Adams Momente, Momentum, Schrittzahl), wie ein erneuter Aufruf von fit in Keras. Zurücksetzen startet den Optimierer neu mit diesen Gewichten.</translation>
    </message>
    <message>
      <source>Triangles: the {n} validation rows.</source>
      <translation>Dreiecke: die {n} Validierungszeilen.</translation>
    </message>
    <message>
      <source>Two connections (a slice)</source>
      <translation>Zwei Verbindungen (ein Schnitt)</translation>
    </message>
    <message>
      <source>Two random directions (a projection)</source>
      <translation>Zwei zufällige Richtungen (eine Projektion)</translation>
    </message>
    <message>
      <source>Type a number in every input.</source>
      <translation>Geben Sie in jede Eingabe eine Zahl ein.</translation>
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
      <source>Validation</source>
      <translation>Validierung</translation>
    </message>
    <message>
      <source>Validation split</source>
      <translation>Validierungsanteil</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>Werte</translation>
    </message>
    <message>
      <source>Visit the training rows in a new order every epoch</source>
      <translation>Die Trainingszeilen in jeder Epoche in neuer Reihenfolge durchgehen</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>Gewicht</translation>
    </message>
    <message>
      <source>Weight from {name}</source>
      <translation>Gewicht von {name}</translation>
    </message>
    <message>
      <source>Weight from {source} to {target}</source>
      <translation>Gewicht von {source} nach {target}</translation>
    </message>
    <message>
      <source>Weight histograms</source>
      <translation>Gewichtshistogramme</translation>
    </message>
    <message>
      <source>Weight images are drawn for image data (Digits, Shapes, or a table of pixels read as images): each neuron of the first layer sees the pixels.</source>
      <translation>Gewichtsbilder werden für Bilddaten gezeichnet (Ziffern, Formen oder eine als Bilder gelesene Pixeltabelle): jedes Neuron der ersten Schicht sieht die Pixel.</translation>
    </message>
    <message>
      <source>Weight of the connection from {name}</source>
      <translation>Gewicht der Verbindung von {name}</translation>
    </message>
    <message>
      <source>Weight table</source>
      <translation>Gewichtstabelle</translation>
    </message>
    <message>
      <source>Weight timeline</source>
      <translation>Gewichtsverlauf</translation>
    </message>
    <message>
      <source>Weights</source>
      <translation>Gewichte</translation>
    </message>
    <message>
      <source>Weights init</source>
      <translation>Gewichts-Init.</translation>
    </message>
    <message>
      <source>Well done: every check holds. Go on with Next.</source>
      <translation>Gut gemacht: jede Prüfung ist erfüllt. Weiter mit „Weiter“.</translation>
    </message>
    <message>
      <source>Well done: every check holds. That was the last step of this lesson.</source>
      <translation>Gut gemacht: jede Prüfung ist erfüllt. Das war der letzte Schritt dieser Lektion.</translation>
    </message>
    <message>
      <source>What the network sees: the drawing averaged down to the image's pixels</source>
      <translation>Was das Netz sieht: die auf die Pixel des Bildes gemittelte Zeichnung</translation>
    </message>
    <message>
      <source>What the network sees: {image} pixels</source>
      <translation>Was das Netz sieht: {image} Pixel</translation>
    </message>
    <message>
      <source>What the new input computes from the columns</source>
      <translation>Was die neue Eingabe aus den Spalten berechnet</translation>
    </message>
    <message>
      <source>What this step of the lesson asks you to do</source>
      <translation>Was dieser Schritt der Lektion verlangt</translation>
    </message>
    <message>
      <source>Whether this layer adds a trainable bias to each neuron</source>
      <translation>Ob diese Schicht jedem Neuron einen trainierbaren Bias hinzufügt</translation>
    </message>
    <message>
      <source>Which layer's incoming weights to show</source>
      <translation>Welche eingehenden Gewichte einer Schicht gezeigt werden</translation>
    </message>
    <message>
      <source>Which mini-batch (in dataset order)</source>
      <translation>Welches Mini-Batch (in Datensatzreihenfolge)</translation>
    </message>
    <message>
      <source>Which plane of weights the loss is drawn over</source>
      <translation>Über welcher Ebene der Gewichte der Verlust gezeichnet wird</translation>
    </message>
    <message>
      <source>Wipe the pad</source>
      <translation>Die Zeichenfläche leeren</translation>
    </message>
    <message>
      <source>Wrong only</source>
      <translation>Nur falsche</translation>
    </message>
    <message>
      <source>Your answer: a number (Enter checks it)</source>
      <translation>Ihre Antwort: eine Zahl (Eingabe prüft sie)</translation>
    </message>
    <message>
      <source>accuracy</source>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <source>actual</source>
      <translation>tatsächlich</translation>
    </message>
    <message>
      <source>batch size</source>
      <translation>Stapelgröße</translation>
    </message>
    <message>
      <source>bias</source>
      <translation>Bias</translation>
    </message>
    <message>
      <source>bias b</source>
      <translation>Bias b</translation>
    </message>
    <message>
      <source>bias of {name}</source>
      <translation>Bias von {name}</translation>
    </message>
    <message>
      <source>bias {value}
Type a number; paste a tab-separated block from a spreadsheet.</source>
      <translation>Bias {value}
Eine Zahl eingeben oder einen tabulatorgetrennten Block aus einer Tabellenkalkulation einfügen.</translation>
    </message>
    <message>
      <source>changed while training</source>
      <translation>während des Trainings geändert</translation>
    </message>
    <message>
      <source>choose two connections for the plane</source>
      <translation>wählen Sie zwei Verbindungen für die Ebene</translation>
    </message>
    <message>
      <source>class</source>
      <translation>Klasse</translation>
    </message>
    <message>
      <source>column</source>
      <translation>Spalte</translation>
    </message>
    <message>
      <source>column name</source>
      <translation>Spaltenname</translation>
    </message>
    <message>
      <source>columns</source>
      <translation>Spalten</translation>
    </message>
    <message>
      <source>could not write {path}</source>
      <translation>{path} konnte nicht geschrieben werden</translation>
    </message>
    <message>
      <source>data</source>
      <translation>Daten</translation>
    </message>
    <message>
      <source>early stopping patience</source>
      <translation>Geduld für frühen Abbruch</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>Epoche</translation>
    </message>
    <message>
      <source>epoch {epoch}</source>
      <translation>Epoche {epoch}</translation>
    </message>
    <message>
      <source>epoch {n} of {total}</source>
      <translation>Epoche {n} von {total}</translation>
    </message>
    <message>
      <source>epoch {n} of {total} — {time} left</source>
      <translation>Epoche {n} von {total} – noch {time}</translation>
    </message>
    <message>
      <source>epochs</source>
      <translation>Epochen</translation>
    </message>
    <message>
      <source>gradient</source>
      <translation>Gradient</translation>
    </message>
    <message>
      <source>grid </source>
      <translation>Gitter </translation>
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
      <source>inputs</source>
      <translation>Eingaben</translation>
    </message>
    <message>
      <source>layer {n}</source>
      <translation>Schicht {n}</translation>
    </message>
    <message>
      <source>layer {n} weights ({count})</source>
      <translation>Gewichte Schicht {n} ({count})</translation>
    </message>
    <message>
      <source>learning rate</source>
      <translation>Lernrate</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>Verlust</translation>
    </message>
    <message>
      <source>loss = {value}</source>
      <translation>Verlust = {value}</translation>
    </message>
    <message>
      <source>loss change in the epoch</source>
      <translation>Verluständerung in der Epoche</translation>
    </message>
    <message>
      <source>mean absolute error</source>
      <translation>mittlerer absoluter Fehler</translation>
    </message>
    <message>
      <source>misclassified</source>
      <translation>falsch klassifiziert</translation>
    </message>
    <message>
      <source>model's prediction</source>
      <translation>Vorhersage des Modells</translation>
    </message>
    <message>
      <source>model: {name}</source>
      <translation>Modell: {name}</translation>
    </message>
    <message>
      <source>next: {phase}</source>
      <translation>als Nächstes: {phase}</translation>
    </message>
    <message>
      <source>no label</source>
      <translation>keine Bezeichnung</translation>
    </message>
    <message>
      <source>optimizer</source>
      <translation>Optimierer</translation>
    </message>
    <message>
      <source>optimizer params</source>
      <translation>Optimiererparameter</translation>
    </message>
    <message>
      <source>output</source>
      <translation>Ausgabe</translation>
    </message>
    <message>
      <source>paused at epoch {done} of {goal}</source>
      <translation>pausiert bei Epoche {done} von {goal}</translation>
    </message>
    <message>
      <source>predicted (slope · step)</source>
      <translation>vorhergesagt (Steigung · Schritt)</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>bereit</translation>
    </message>
    <message>
      <source>recorded at the kept checkpoints (runs that trained longer than {seconds} s are not replayed here; select fewer runs for every epoch)</source>
      <translation>aufgezeichnet an den gespeicherten Kontrollpunkten (Läufe, die länger als {seconds} s trainiert haben, werden hier nicht nachgespielt; wählen Sie weniger Läufe für jede Epoche)</translation>
    </message>
    <message>
      <source>recorded at the kept checkpoints; replaying every epoch…</source>
      <translation>aufgezeichnet an den gespeicherten Kontrollpunkten; jede Epoche wird nachgespielt…</translation>
    </message>
    <message>
      <source>replayed 1 epoch from the checkpoint at epoch {start}</source>
      <translation>1 Epoche ab dem Kontrollpunkt bei Epoche {start} nachgespielt</translation>
    </message>
    <message>
      <source>replayed {n} epochs from the checkpoint at epoch {start}</source>
      <translation>{n} Epochen ab dem Kontrollpunkt bei Epoche {start} nachgespielt</translation>
    </message>
    <message>
      <source>replayed — every epoch, exact</source>
      <translation>nachgespielt – jede Epoche, exakt</translation>
    </message>
    <message>
      <source>row</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <source>row {row}</source>
      <translation>Zeile {row}</translation>
    </message>
    <message>
      <source>row {row}, column {column}: “{cell}” is not a number</source>
      <translation>Zeile {row}, Spalte {column}: „{cell}“ ist keine Zahl</translation>
    </message>
    <message>
      <source>rows</source>
      <translation>Zeilen</translation>
    </message>
    <message>
      <source>rows: true class · columns: predicted class</source>
      <translation>Zeilen: wahre Klasse · Spalten: vorhergesagte Klasse</translation>
    </message>
    <message>
      <source>seed</source>
      <translation>Seed</translation>
    </message>
    <message>
      <source>shuffle</source>
      <translation>mischen</translation>
    </message>
    <message>
      <source>stopped: diverged</source>
      <translation>angehalten: divergiert</translation>
    </message>
    <message>
      <source>stopped: error</source>
      <translation>angehalten: Fehler</translation>
    </message>
    <message>
      <source>target loss</source>
      <translation>Zielverlust</translation>
    </message>
    <message>
      <source>the clipboard holds no numbers</source>
      <translation>die Zwischenablage enthält keine Zahlen</translation>
    </message>
    <message>
      <source>the current weights</source>
      <translation>die aktuellen Gewichte</translation>
    </message>
    <message>
      <source>the dataset has no rows</source>
      <translation>der Datensatz hat keine Zeilen</translation>
    </message>
    <message>
      <source>the pasted block ({rows} × {columns}) does not fit the {table_rows} × {table_columns} table from the selected cell</source>
      <translation>der eingefügte Block ({rows} × {columns}) passt ab der ausgewählten Zelle nicht in die {table_rows} × {table_columns}-Tabelle</translation>
    </message>
    <message>
      <source>the pasted rows have different numbers of cells</source>
      <translation>die eingefügten Zeilen haben unterschiedlich viele Zellen</translation>
    </message>
    <message>
      <source>the weights changed; the diagram shows the new weights</source>
      <translation>die Gewichte haben sich geändert; das Diagramm zeigt die neuen Gewichte</translation>
    </message>
    <message>
      <source>training</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>training so far</source>
      <translation>bisheriges Training</translation>
    </message>
    <message>
      <source>true {actual}, predicted {predicted} (training rows)</source>
      <translation>wahr {actual}, vorhergesagt {predicted} (Trainingszeilen)</translation>
    </message>
    <message>
      <source>true {actual}, predicted {predicted} (validation rows)</source>
      <translation>wahr {actual}, vorhergesagt {predicted} (Validierungszeilen)</translation>
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
      <source>val. MAE</source>
      <translation>Val.-MAE</translation>
    </message>
    <message>
      <source>val. accuracy</source>
      <translation>Val.-Genauigkeit</translation>
    </message>
    <message>
      <source>val. loss</source>
      <translation>Val.-Verlust</translation>
    </message>
    <message>
      <source>validation</source>
      <translation>Validierung</translation>
    </message>
    <message>
      <source>validation row</source>
      <translation>Validierungszeile</translation>
    </message>
    <message>
      <source>validation split</source>
      <translation>Validierungsanteil</translation>
    </message>
    <message>
      <source>value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>w = {w}: loss {loss} on all training rows</source>
      <translation>w = {w}: Verlust {loss} auf allen Trainingszeilen</translation>
    </message>
    <message>
      <source>w from {name}</source>
      <translation>w von {name}</translation>
    </message>
    <message>
      <source>weight value</source>
      <translation>Gewichtswert</translation>
    </message>
    <message>
      <source>weight {source} → {target} of layer {layer}</source>
      <translation>Gewicht {source} → {target} der Schicht {layer}</translation>
    </message>
    <message>
      <source>weight {value}
Type a number; paste a tab-separated block from a spreadsheet.</source>
      <translation>Gewicht {value}
Eine Zahl eingeben oder einen tabulatorgetrennten Block aus einer Tabellenkalkulation einfügen.</translation>
    </message>
    <message>
      <source>your answer (a number)</source>
      <translation>Ihre Antwort (eine Zahl)</translation>
    </message>
    <message>
      <source>z, a, δ and ∂L/∂b of every neuron in the selected layer (first sample)</source>
      <translation>z, a, δ und ∂L/∂b jedes Neurons der ausgewählten Schicht (erstes Beispiel)</translation>
    </message>
    <message>
      <source>z, a, δ and ∂L/∂b of every neuron of the selected layer</source>
      <translation>z, a, δ und ∂L/∂b jedes Neurons der ausgewählten Schicht</translation>
    </message>
    <message>
      <source>{feature} with</source>
      <translation>{feature} mit</translation>
    </message>
    <message>
      <source>{images}, {wrong} wrong</source>
      <translation>{images}, {wrong} falsch</translation>
    </message>
    <message>
      <source>{inputs}: the dataset's feature columns feed these neurons.</source>
      <translation>{inputs}: die Merkmalsspalten des Datensatzes speisen diese Neuronen.</translation>
    </message>
    <message>
      <source>{layer}: each neuron's weights from the pixels, one colour range for all {n}</source>
      <translation>{layer}: die Gewichte jedes Neurons von den Pixeln, ein Farbbereich für alle {n}</translation>
    </message>
    <message>
      <source>{layer}: each neuron's weights from the pixels, one colour range for all {n} · training</source>
      <translation>{layer}: die Gewichte jedes Neurons von den Pixeln, ein Farbbereich für alle {n} · Training</translation>
    </message>
    <message>
      <source>{names} are computed from these.</source>
      <translation>{names} werden daraus berechnet.</translation>
    </message>
    <message>
      <source>{names} is computed from these.</source>
      <translation>{names} wird daraus berechnet.</translation>
    </message>
    <message>
      <source>{name} (checkpoints)</source>
      <translation>{name} (Kontrollpunkte)</translation>
    </message>
    <message>
      <source>{name} curve</source>
      <translation>Kurve: {name}</translation>
    </message>
    <message>
      <source>{name}: epochs {first}–{last}</source>
      <translation>{name}: Epochen {first}–{last}</translation>
    </message>
    <message>
      <source>{name}: epochs {first}–{last}, a branch of {parent} at epoch {epoch}</source>
      <translation>{name}: Epochen {first}–{last}, ein Zweig von {parent} bei Epoche {epoch}</translation>
    </message>
    <message>
      <source>{n} settings differ</source>
      <translation>{n} Einstellungen unterscheiden sich</translation>
    </message>
    <message>
      <source>{n} validation rows hidden.</source>
      <translation>{n} Validierungszeilen ausgeblendet.</translation>
    </message>
    <message>
      <source>{n} wrong of {total}</source>
      <translation>{n} falsch von {total}</translation>
    </message>
    <message>
      <source>{problem} (and {n} more)</source>
      <translation>{problem} (und {n} weitere)</translation>
    </message>
    <message>
      <source>{rate} epoch/s</source>
      <translation>{rate} Epoche/s</translation>
    </message>
    <message>
      <source>{rate} epochs/s</source>
      <translation>{rate} Epochen/s</translation>
    </message>
    <message>
      <source>{run}, last epoch: {diagnosis}</source>
      <translation>{run}, letzte Epoche: {diagnosis}</translation>
    </message>
    <message>
      <source>{title} (replay failed: {message})</source>
      <translation>{title} (Nachspielen fehlgeschlagen: {message})</translation>
    </message>
    <message>
      <source>{what} ({total} rows): {correct} correct{share}</source>
      <translation>{what} ({total} Zeilen): {correct} richtig{share}</translation>
    </message>
    <message>
      <source>“{value}” is not a number</source>
      <translation>„{value}“ ist keine Zahl</translation>
    </message>
    <message>
      <source>… {n} more in the Weights table</source>
      <translation>… {n} weitere in der Gewichtstabelle</translation>
    </message>
    <message>
      <source>− Column</source>
      <translation>− Spalte</translation>
    </message>
    <message>
      <source>− Row</source>
      <translation>− Zeile</translation>
    </message>
  </context>
</TS>
