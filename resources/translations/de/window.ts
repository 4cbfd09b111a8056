<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>NNStudio</name>
    <message>
      <source> epoch</source>
      <translation> Epoche</translation>
    </message>
    <message>
      <source> epochs</source>
      <translation> Epochen</translation>
    </message>
    <message>
      <source>&amp;About NN Studio</source>
      <translation>Ü&amp;ber NN Studio</translation>
    </message>
    <message>
      <source>&amp;Apply Update</source>
      <translation>Änderung &amp;anwenden</translation>
    </message>
    <message>
      <source>&amp;Backward</source>
      <translation>&amp;Rückwärts</translation>
    </message>
    <message>
      <source>&amp;Complete Step</source>
      <translation>Schritt a&amp;bschließen</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Löschen</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <comment>menu</comment>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;Export Model JSON…</source>
      <translation>Modell-JSON &amp;exportieren…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <comment>menu</comment>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;Fit to View</source>
      <translation>&amp;Einpassen</translation>
    </message>
    <message>
      <source>&amp;Forward</source>
      <translation>&amp;Vorwärts</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <comment>menu</comment>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Import Model JSON…</source>
      <translation>Modell-JSON &amp;importieren…</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <source>&amp;Lesson</source>
      <comment>menu</comment>
      <translation>&amp;Lektion</translation>
    </message>
    <message>
      <source>&amp;Lessons</source>
      <translation>&amp;Lektionen</translation>
    </message>
    <message>
      <source>&amp;New Lesson from Current Project…</source>
      <translation>&amp;Neue Lektion aus dem aktuellen Projekt…</translation>
    </message>
    <message>
      <source>&amp;New…</source>
      <translation>&amp;Neu…</translation>
    </message>
    <message>
      <source>&amp;Open Lesson…</source>
      <translation>Lektion ö&amp;ffnen…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
      <source>&amp;Panels</source>
      <comment>menu</comment>
      <translation>Be&amp;reiche</translation>
    </message>
    <message>
      <source>&amp;Pause</source>
      <translation>&amp;Pause</translation>
    </message>
    <message>
      <source>&amp;Presentation</source>
      <translation>&amp;Präsentation</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Redo {command}</source>
      <translation>&amp;Wiederherstellen: {command}</translation>
    </message>
    <message>
      <source>&amp;Reset Progress</source>
      <translation>Fortschritt &amp;zurücksetzen</translation>
    </message>
    <message>
      <source>&amp;Reset Step</source>
      <translation>Schritt zurück&amp;setzen</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Speichern</translation>
    </message>
    <message>
      <source>&amp;Step</source>
      <comment>menu</comment>
      <translation>Sc&amp;hritt</translation>
    </message>
    <message>
      <source>&amp;Stop</source>
      <translation>&amp;Stopp</translation>
    </message>
    <message>
      <source>&amp;Train</source>
      <translation>&amp;Trainieren</translation>
    </message>
    <message>
      <source>&amp;Train</source>
      <comment>menu</comment>
      <translation>&amp;Training</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>&amp;Undo {command}</source>
      <translation>&amp;Rückgängig: {command}</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <comment>menu</comment>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>&lt;h3&gt;NN Studio {version}&lt;/h3&gt;&lt;p&gt;Build, train and step through small neural networks by hand — every number visible.&lt;/p&gt;&lt;p&gt;For learners and teachers.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;NN Studio {version}&lt;/h3&gt;&lt;p&gt;Kleine neuronale Netze bauen, trainieren und Schritt für Schritt von Hand durchrechnen – jede Zahl sichtbar.&lt;/p&gt;&lt;p&gt;Für Lernende und Lehrende.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Model (.json)&lt;/b&gt;: the network (layers, activations, weights), preprocessing and training settings. &lt;b&gt;Project (.nnstudio)&lt;/b&gt;: the model plus the dataset and training history.&lt;/p&gt;&lt;p&gt;Both are JSON files checked against the schema shipped in &lt;i&gt;resources/schema&lt;/i&gt;. Weights have shape (inputs × units), like Keras kernels.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Modell (.json)&lt;/b&gt;: das Netz (Schichten, Aktivierungsfunktionen, Gewichte), die Vorverarbeitung und die Trainingseinstellungen. &lt;b&gt;Projekt (.nnstudio)&lt;/b&gt;: das Modell samt Datensatz und Trainingsverlauf.&lt;/p&gt;&lt;p&gt;Beides sind JSON-Dateien, geprüft gegen das mitgelieferte Schema in &lt;i&gt;resources/schema&lt;/i&gt;. Gewichte haben die Form (Eingaben × Neuronen), wie Keras-Kernels.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>A selected connection's value, gradient and optimizer terms over the epochs of a run</source>
      <translation>Wert, Gradient und Optimierer-Terme einer ausgewählten Verbindung über die Epochen eines Laufs</translation>
    </message>
    <message>
      <source>About NN Studio</source>
      <translation>Über NN Studio</translation>
    </message>
    <message>
      <source>Add a neuron to the selected layer</source>
      <translation>Der ausgewählten Schicht ein Neuron hinzufügen</translation>
    </message>
    <message>
      <source>Arrow keys</source>
      <translation>Pfeiltasten</translation>
    </message>
    <message>
      <source>Back to the start of this step</source>
      <translation>Zurück zum Anfang dieses Schritts</translation>
    </message>
    <message>
      <source>Can't train: {reason}</source>
      <translation>Training nicht möglich: {reason}</translation>
    </message>
    <message>
      <source>Cannot create network</source>
      <translation>Netz kann nicht erstellt werden</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>Das geht nicht</translation>
    </message>
    <message>
      <source>Cannot export</source>
      <translation>Export nicht möglich</translation>
    </message>
    <message>
      <source>Cannot open example</source>
      <translation>Beispiel kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Cannot open file</source>
      <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Cannot open lesson</source>
      <translation>Lektion kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Cannot restore</source>
      <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>Speichern nicht möglich</translation>
    </message>
    <message>
      <source>Cannot step</source>
      <translation>Schritt nicht möglich</translation>
    </message>
    <message>
      <source>Cannot write the lesson</source>
      <translation>Lektion kann nicht geschrieben werden</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>Befehl</translation>
    </message>
    <message>
      <source>Compute the next layer's z and a (then the loss)</source>
      <translation>z und a der nächsten Schicht berechnen (danach den Verlust)</translation>
    </message>
    <message>
      <source>Could not save {name}: {error}</source>
      <translation>{name} konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message>
      <source>Dark Theme</source>
      <translation>Dunkles Design</translation>
    </message>
    <message>
      <source>Dataset</source>
      <translation>Datensatz</translation>
    </message>
    <message>
      <source>Diagram</source>
      <translation>Diagramm</translation>
    </message>
    <message>
      <source>Dismiss the lesson offer</source>
      <translation>Lektionsangebot schließen</translation>
    </message>
    <message>
      <source>Drag the background</source>
      <translation>Hintergrund ziehen</translation>
    </message>
    <message>
      <source>Draw fresh weights for every layer from its initializer (the optimizer starts fresh too)</source>
      <translation>Für jede Schicht neue Gewichte aus ihrem Initialisierer ziehen (auch der Optimierer beginnt neu)</translation>
    </message>
    <message>
      <source>Each command, its menu and its key</source>
      <translation>Jeder Befehl, sein Menü und seine Taste</translation>
    </message>
    <message>
      <source>Edit the selected weight or bias</source>
      <translation>Ausgewähltes Gewicht oder ausgewählten Bias bearbeiten</translation>
    </message>
    <message>
      <source>Epoch {epoch}: {metrics}</source>
      <translation>Epoche {epoch}: {metrics}</translation>
    </message>
    <message>
      <source>Export &amp;Diagram as PNG/SVG…</source>
      <translation>&amp;Diagramm als PNG/SVG exportieren…</translation>
    </message>
    <message>
      <source>Export Diagram</source>
      <translation>Diagramm exportieren</translation>
    </message>
    <message>
      <source>Export Model &amp;As</source>
      <comment>menu</comment>
      <translation>Modell exportieren &amp;als</translation>
    </message>
    <message>
      <source>Export Model JSON</source>
      <translation>Modell-JSON exportieren</translation>
    </message>
    <message>
      <source>Export {format}</source>
      <translation>{format} exportieren</translation>
    </message>
    <message>
      <source>Exported model to {name}</source>
      <translation>Modell nach {name} exportiert</translation>
    </message>
    <message>
      <source>Exported {format} to {name}</source>
      <translation>{format} nach {name} exportiert</translation>
    </message>
    <message>
      <source>F&amp;ull Screen</source>
      <translation>V&amp;ollbild</translation>
    </message>
    <message>
      <source>File &amp;Formats</source>
      <translation>&amp;Dateiformate</translation>
    </message>
    <message>
      <source>File Formats</source>
      <translation>Dateiformate</translation>
    </message>
    <message>
      <source>Fit the network to the data</source>
      <translation>Netz an die Daten anpassen</translation>
    </message>
    <message>
      <source>For a projector: full screen, larger text, the diagram and the plots large (Esc leaves)</source>
      <translation>Für den Beamer: Vollbild, größere Schrift, Diagramm und Grafiken groß (Esc beendet)</translation>
    </message>
    <message>
      <source>For two inputs: draw inside each neuron what it outputs over the input plane</source>
      <translation>Bei zwei Eingaben: in jedem Neuron zeichnen, was es über der Eingabeebene ausgibt</translation>
    </message>
    <message>
      <source>Forget which steps of this lesson are done; start it again</source>
      <translation>Vergessen, welche Schritte dieser Lektion erledigt sind; von vorn beginnen</translation>
    </message>
    <message>
      <source>Guided lessons through the classic tutorials, checked as you work</source>
      <translation>Geführte Lektionen durch die klassischen Tutorials, beim Arbeiten geprüft</translation>
    </message>
    <message>
      <source>Guided lessons: the perceptron, gradient descent by hand, backpropagation…</source>
      <translation>Geführte Lektionen: das Perzeptron, Gradientenabstieg von Hand, Backpropagation…</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Verlauf</translation>
    </message>
    <message>
      <source>Image data: every first-layer neuron's incoming weights as a picture, live while training</source>
      <translation>Bilddaten: die eingehenden Gewichte jedes Neurons der ersten Schicht als Bild, live beim Training</translation>
    </message>
    <message>
      <source>Import Model JSON</source>
      <translation>Modell-JSON importieren</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>Inspektor</translation>
    </message>
    <message>
      <source>Internal error: {kind}: {error}</source>
      <translation>Interner Fehler: {kind}: {error}</translation>
    </message>
    <message>
      <source>Jump to a section</source>
      <translation>Zu einem Abschnitt springen</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <source>Lan&amp;guage</source>
      <comment>menu</comment>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>Verlustlandschaft</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <source>Lesson</source>
      <translation>Lektion</translation>
    </message>
    <message>
      <source>Lesson: {title}</source>
      <translation>Lektion: {title}</translation>
    </message>
    <message>
      <source>Lessons</source>
      <translation>Lektionen</translation>
    </message>
    <message>
      <source>Let the optimizer change the weights</source>
      <translation>Den Optimierer die Gewichte ändern lassen</translation>
    </message>
    <message>
      <source>Light Theme</source>
      <translation>Helles Design</translation>
    </message>
    <message>
      <source>List the keyboard shortcuts</source>
      <translation>Die Tastenkürzel auflisten</translation>
    </message>
    <message>
      <source>Loss &amp;Change</source>
      <translation>Verlust&amp;änderung</translation>
    </message>
    <message>
      <source>Loss &amp;Landscape</source>
      <translation>Verlust&amp;landschaft</translation>
    </message>
    <message>
      <source>Loss Change</source>
      <translation>Verluständerung</translation>
    </message>
    <message>
      <source>Main</source>
      <comment>toolbar</comment>
      <translation>Haupt</translation>
    </message>
    <message>
      <source>Math</source>
      <translation>Mathematik</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>Menü</translation>
    </message>
    <message>
      <source>Model JSON (*.json)</source>
      <translation>Modell-JSON (*.json)</translation>
    </message>
    <message>
      <source>Model JSON (*.json);;All files (*)</source>
      <translation>Modell-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Mouse wheel</source>
      <translation>Mausrad</translation>
    </message>
    <message>
      <source>Move the selection: neurons and layers (Shift: connections)</source>
      <translation>Auswahl bewegen: Neuronen und Schichten (Umschalt: Verbindungen)</translation>
    </message>
    <message>
      <source>NN Studio &amp;User Guide</source>
      <translation>NN-Studio-&amp;Handbuch</translation>
    </message>
    <message>
      <source>NN Studio User Guide</source>
      <translation>NN-Studio-Handbuch</translation>
    </message>
    <message>
      <source>NN Studio did not close cleanly last time. Restore the unsaved changes it kept?</source>
      <translation>NN Studio wurde beim letzten Mal nicht sauber beendet. Die aufbewahrten ungespeicherten Änderungen wiederherstellen?</translation>
    </message>
    <message>
      <source>NN Studio files (*.nnstudio *.json);;Projects (*.nnstudio);;Models (*.json);;All files (*)</source>
      <translation>NN-Studio-Dateien (*.nnstudio *.json);;Projekte (*.nnstudio);;Modelle (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>NN Studio lessons (*.nnlesson);;All files (*)</source>
      <translation>NN-Studio-Lektionen (*.nnlesson);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>NN Studio project (*.nnstudio)</source>
      <translation>NN-Studio-Projekt (*.nnstudio)</translation>
    </message>
    <message>
      <source>NN Studio will use the new language the next time it starts.</source>
      <translation>NN Studio verwendet die neue Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
      <source>Name the neurons after the data</source>
      <translation>Neuronen nach den Daten benennen</translation>
    </message>
    <message>
      <source>New Lesson from Current Project</source>
      <translation>Neue Lektion aus dem aktuellen Projekt</translation>
    </message>
    <message>
      <source>New network {sizes}</source>
      <translation>Neues Netz {sizes}</translation>
    </message>
    <message>
      <source>Next cell (the next row's first at the end of a row)</source>
      <translation>Nächste Zelle (am Zeilenende die erste der nächsten Zeile)</translation>
    </message>
    <message>
      <source>Next row (a new one at the end)</source>
      <translation>Nächste Zeile (am Ende eine neue)</translation>
    </message>
    <message>
      <source>No recent files</source>
      <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
      <source>No thanks (Help ▸ Lessons has them any time)</source>
      <translation>Nein danke (Hilfe ▸ Lektionen hat sie jederzeit)</translation>
    </message>
    <message>
      <source>Only hidden layers can be removed; the input and output layers follow the dataset's columns.</source>
      <translation>Nur verborgene Schichten lassen sich entfernen; Eingabe- und Ausgabeschicht folgen den Spalten des Datensatzes.</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <source>Open &amp;Example</source>
      <comment>menu</comment>
      <translation>Beis&amp;piel öffnen</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <comment>menu</comment>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>Open Lesson</source>
      <translation>Lektion öffnen</translation>
    </message>
    <message>
      <source>Open a lesson file (.nnlesson) a teacher wrote</source>
      <translation>Eine Lektionsdatei (.nnlesson) öffnen, die eine Lehrkraft geschrieben hat</translation>
    </message>
    <message>
      <source>Open a model JSON file</source>
      <translation>Eine Modell-JSON-Datei öffnen</translation>
    </message>
    <message>
      <source>Open a project or model file</source>
      <translation>Eine Projekt- oder Modelldatei öffnen</translation>
    </message>
    <message>
      <source>Opened example “{name}”</source>
      <translation>Beispiel „{name}“ geöffnet</translation>
    </message>
    <message>
      <source>Opened {name}</source>
      <translation>{name} geöffnet</translation>
    </message>
    <message>
      <source>Optimizer &amp;Race…</source>
      <translation>Optimierer-&amp;Wettlauf…</translation>
    </message>
    <message>
      <source>PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
      <source>Palette</source>
      <translation>Palette</translation>
    </message>
    <message>
      <source>Pan</source>
      <translation>Verschieben</translation>
    </message>
    <message>
      <source>Pause at the end of the current epoch</source>
      <translation>Am Ende der aktuellen Epoche pausieren</translation>
    </message>
    <message>
      <source>Paused at epoch {done} of {goal}</source>
      <translation>Pausiert bei Epoche {done} von {goal}</translation>
    </message>
    <message>
      <source>Per epoch: the loss change the gradient predicted against the actual</source>
      <translation>Je Epoche: die vom Gradienten vorhergesagte Verluständerung gegenüber der tatsächlichen</translation>
    </message>
    <message>
      <source>Play every remaining phase of this step</source>
      <translation>Alle übrigen Phasen dieses Schritts abspielen</translation>
    </message>
    <message>
      <source>Plots</source>
      <translation>Grafiken</translation>
    </message>
    <message>
      <source>Predict</source>
      <translation>Vorhersage</translation>
    </message>
    <message>
      <source>Propagate δ one layer back and compute the gradients</source>
      <translation>δ eine Schicht zurückgeben und die Gradienten berechnen</translation>
    </message>
    <message>
      <source>Put every panel back where it starts, sized for this window</source>
      <translation>Jeden Bereich an seinen Anfangsplatz zurücksetzen, passend zu diesem Fenster</translation>
    </message>
    <message>
      <source>Quit NN Studio</source>
      <translation>NN Studio beenden</translation>
    </message>
    <message>
      <source>Re-initialize All Weights</source>
      <translation>Alle Gewichte neu initialisieren</translation>
    </message>
    <message>
      <source>Read the user guide (part of NN Studio: works offline)</source>
      <translation>Das Handbuch lesen (Teil von NN Studio: geht auch offline)</translation>
    </message>
    <message>
      <source>Ready: drag a Neuron or Layer from the palette onto the diagram</source>
      <translation>Bereit: ein Neuron oder eine Schicht aus der Palette auf das Diagramm ziehen</translation>
    </message>
    <message>
      <source>Recovery copy saved</source>
      <translation>Wiederherstellungskopie gespeichert</translation>
    </message>
    <message>
      <source>Redo the last undone edit</source>
      <translation>Die zuletzt rückgängig gemachte Änderung wiederherstellen</translation>
    </message>
    <message>
      <source>Reduce &amp;Motion</source>
      <translation>Be&amp;wegung reduzieren</translation>
    </message>
    <message>
      <source>Remove the selected neuron or layer (a selected connection's weight becomes 0)</source>
      <translation>Ausgewähltes Neuron oder ausgewählte Schicht entfernen (das Gewicht einer ausgewählten Verbindung wird 0)</translation>
    </message>
    <message>
      <source>Remove the selection</source>
      <translation>Auswahl entfernen</translation>
    </message>
    <message>
      <source>Reset &amp;Layout</source>
      <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
      <source>Reset &amp;Optimizer</source>
      <translation>&amp;Optimierer zurücksetzen</translation>
    </message>
    <message>
      <source>Restore unsaved work?</source>
      <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
      <source>Restored unsaved work</source>
      <translation>Ungespeicherte Arbeit wiederhergestellt</translation>
    </message>
    <message>
      <source>Runs</source>
      <translation>Läufe</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
      <source>Save Project</source>
      <translation>Projekt speichern</translation>
    </message>
    <message>
      <source>Save a picture of the diagram</source>
      <translation>Ein Bild des Diagramms speichern</translation>
    </message>
    <message>
      <source>Save the changes to “{name}”?</source>
      <translation>Änderungen an „{name}“ speichern?</translation>
    </message>
    <message>
      <source>Save the project</source>
      <translation>Das Projekt speichern</translation>
    </message>
    <message>
      <source>Save the project under a new name</source>
      <translation>Das Projekt unter einem neuen Namen speichern</translation>
    </message>
    <message>
      <source>Saved diagram to {name}</source>
      <translation>Diagramm als {name} gespeichert</translation>
    </message>
    <message>
      <source>Saved {name}</source>
      <translation>{name} gespeichert</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
      <source>Select a neuron, layer or connection first</source>
      <translation>Zuerst ein Neuron, eine Schicht oder eine Verbindung auswählen</translation>
    </message>
    <message>
      <source>Select the whole layer</source>
      <translation>Die ganze Schicht auswählen</translation>
    </message>
    <message>
      <source>Show &amp;Neuron Maps</source>
      <translation>&amp;Neuronenkarten zeigen</translation>
    </message>
    <message>
      <source>Show &amp;Weight Labels</source>
      <translation>Gewichte beschri&amp;ften</translation>
    </message>
    <message>
      <source>Show activations and gradients at once instead of as a pulse travelling through the diagram</source>
      <translation>Aktivierungen und Gradienten sofort zeigen statt als Impuls, der durch das Diagramm läuft</translation>
    </message>
    <message>
      <source>Show me: {title}</source>
      <translation>Zeig es mir: {title}</translation>
    </message>
    <message>
      <source>Show the weight of each connection as a number (small networks)</source>
      <translation>Das Gewicht jeder Verbindung als Zahl zeigen (kleine Netze)</translation>
    </message>
    <message>
      <source>Show the whole network</source>
      <translation>Das ganze Netz zeigen</translation>
    </message>
    <message>
      <source>Something went wrong: {error}

Your work is kept; the details were written to the log file. Saving your project now is a good idea.</source>
      <translation>Etwas ist schiefgegangen: {error}

Ihre Arbeit bleibt erhalten; die Einzelheiten stehen in der Protokolldatei. Jetzt das Projekt zu speichern, ist eine gute Idee.</translation>
    </message>
    <message>
      <source>Speak this language from the next start of NN Studio</source>
      <translation>Diese Sprache ab dem nächsten Start von NN Studio verwenden</translation>
    </message>
    <message>
      <source>Start a new network</source>
      <translation>Ein neues Netz beginnen</translation>
    </message>
    <message>
      <source>Start the optimizer fresh (Adam's moments, momentum, step count); training again otherwise continues where it stopped</source>
      <translation>Den Optimierer neu starten (Adams Momente, Momentum, Schrittzahl); sonst setzt das Training dort fort, wo es aufgehört hat</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Schritt</translation>
    </message>
    <message>
      <source>Step Bac&amp;k</source>
      <translation>Phase &amp;zurück</translation>
    </message>
    <message>
      <source>Step One &amp;Epoch</source>
      <translation>Eine &amp;Epoche</translation>
    </message>
    <message>
      <source>Step back</source>
      <translation>Schritt zurück</translation>
    </message>
    <message>
      <source>Stop and keep the weights learned so far</source>
      <translation>Anhalten und die bisher gelernten Gewichte behalten</translation>
    </message>
    <message>
      <source>Switch to the dark theme</source>
      <translation>Zum dunklen Design wechseln</translation>
    </message>
    <message>
      <source>Switch to the light theme</source>
      <translation>Zum hellen Design wechseln</translation>
    </message>
    <message>
      <source>System Language</source>
      <translation>Systemsprache</translation>
    </message>
    <message>
      <source>The bundled lessons cannot be read: {error}</source>
      <translation>Die mitgelieferten Lektionen können nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <source>The loss over a plane of weights, with the optimizers' paths</source>
      <translation>Der Verlust über einer Ebene von Gewichten, mit den Pfaden der Optimierer</translation>
    </message>
    <message>
      <source>The network changed outside step mode, so the next phase starts a fresh step from its current weights.</source>
      <translation>Das Netz wurde außerhalb des Schrittmodus geändert; die nächste Phase beginnt daher einen neuen Schritt mit den aktuellen Gewichten.</translation>
    </message>
    <message>
      <source>The recovery copy could not be read: {error}</source>
      <translation>Die Wiederherstellungskopie konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <source>The step “{title}” cannot start: {error}</source>
      <translation>Der Schritt „{title}“ kann nicht beginnen: {error}</translation>
    </message>
    <message>
      <source>Train (or resume) the network</source>
      <translation>Das Netz trainieren (oder weitertrainieren)</translation>
    </message>
    <message>
      <source>Train a few epochs from the current weights under SGD, momentum, RMSprop and Adam and compare their paths on the loss landscape</source>
      <translation>Einige Epochen ab den aktuellen Gewichten mit SGD, Momentum, RMSprop und Adam trainieren und ihre Pfade in der Verlustlandschaft vergleichen</translation>
    </message>
    <message>
      <source>Train one epoch, then pause</source>
      <translation>Eine Epoche trainieren, dann pausieren</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>Training is running: pause or stop it (or wait until it finishes) before editing.</source>
      <translation>Das Training läuft: vor dem Bearbeiten pausieren oder anhalten (oder warten, bis es fertig ist).</translation>
    </message>
    <message>
      <source>Training step (row {row})</source>
      <translation>Trainingsschritt (Zeile {row})</translation>
    </message>
    <message>
      <source>Training step ({count} rows)</source>
      <translation>Trainingsschritt ({count} Zeilen)</translation>
    </message>
    <message>
      <source>Training stopped</source>
      <translation>Training angehalten</translation>
    </message>
    <message>
      <source>Training stopped: the training process could not be started ({error}). The epochs trained since the last pause or save are lost; the project is otherwise unchanged. Press Train to try again.</source>
      <translation>Training angehalten: der Trainingsprozess konnte nicht gestartet werden ({error}). Die seit der letzten Pause oder dem letzten Speichern trainierten Epochen sind verloren; sonst ist das Projekt unverändert. Zum erneuten Versuch auf Trainieren drücken.</translation>
    </message>
    <message>
      <source>Training stopped: the training process ended unexpectedly (exit code {code}). The epochs trained since the last pause or save are lost; the project is otherwise unchanged. Press Train to try again.</source>
      <translation>Training angehalten: der Trainingsprozess endete unerwartet (Exit-Code {code}). Die seit der letzten Pause oder dem letzten Speichern trainierten Epochen sind verloren; sonst ist das Projekt unverändert. Zum erneuten Versuch auf Trainieren drücken.</translation>
    </message>
    <message>
      <source>Training stopped: the training process was ended by the system ({signal}). The epochs trained since the last pause or save are lost; the project is otherwise unchanged. Press Train to try again.</source>
      <translation>Training angehalten: der Trainingsprozess wurde vom System beendet ({signal}). Die seit der letzten Pause oder dem letzten Speichern trainierten Epochen sind verloren; sonst ist das Projekt unverändert. Zum erneuten Versuch auf Trainieren drücken.</translation>
    </message>
    <message>
      <source>Undo the last edit</source>
      <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
      <source>Undo the last phase (over the update: the old weights)</source>
      <translation>Die letzte Phase rückgängig machen (über die Änderung hinweg: die alten Gewichte)</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
      <source>Use the whole screen</source>
      <translation>Den ganzen Bildschirm nutzen</translation>
    </message>
    <message>
      <source>Weight &amp;Images</source>
      <translation>Gewichts&amp;bilder</translation>
    </message>
    <message>
      <source>Weight &amp;Timeline</source>
      <translation>Gewichts&amp;verlauf</translation>
    </message>
    <message>
      <source>Weight Images</source>
      <translation>Gewichtsbilder</translation>
    </message>
    <message>
      <source>Weight Timeline</source>
      <translation>Gewichtsverlauf</translation>
    </message>
    <message>
      <source>Weights</source>
      <translation>Gewichte</translation>
    </message>
    <message>
      <source>What is in a model and a project file</source>
      <translation>Was in einer Modell- und einer Projektdatei steht</translation>
    </message>
    <message>
      <source>Write a lesson file with this project in it, to edit in any text editor</source>
      <translation>Eine Lektionsdatei mit diesem Projekt schreiben, zum Bearbeiten in einem beliebigen Texteditor</translation>
    </message>
    <message>
      <source>Write the network as a model JSON file</source>
      <translation>Das Netz als Modell-JSON-Datei schreiben</translation>
    </message>
    <message>
      <source>Wrote {name}: edit its text and checks in a text editor, then Lesson ▸ Open Lesson</source>
      <translation>{name} geschrieben: Text und Prüfungen in einem Texteditor bearbeiten, dann Lektion ▸ Lektion öffnen</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoomen</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>Ver&amp;größern</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Vergrößern</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Verkleinern</translation>
    </message>
    <message>
      <source>accuracy</source>
      <comment>metric</comment>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <source>loss</source>
      <comment>metric</comment>
      <translation>Verlust</translation>
    </message>
    <message>
      <source>loss {value}</source>
      <translation>Verlust {value}</translation>
    </message>
    <message>
      <source>mae</source>
      <comment>metric</comment>
      <translation>MAE</translation>
    </message>
    <message>
      <source>ready: mini-batch {batch}</source>
      <translation>bereit: Mini-Batch {batch}</translation>
    </message>
    <message>
      <source>ready: sample {row}</source>
      <translation>bereit: Beispiel {row}</translation>
    </message>
    <message>
      <source>signal {number}</source>
      <translation>Signal {number}</translation>
    </message>
    <message>
      <source>val_accuracy</source>
      <comment>metric</comment>
      <translation>Val.-Genauigkeit</translation>
    </message>
    <message>
      <source>val_loss</source>
      <comment>metric</comment>
      <translation>Val.-Verlust</translation>
    </message>
    <message>
      <source>val_mae</source>
      <comment>metric</comment>
      <translation>Val.-MAE</translation>
    </message>
    <message>
      <source>“Show me” cannot be done on this project: {error}</source>
      <translation>„Zeig es mir“ geht bei diesem Projekt nicht: {error}</translation>
    </message>
    <message>
      <source>▶ Start with a lesson</source>
      <translation>▶ Mit einer Lektion beginnen</translation>
    </message>
  </context>
</TS>
