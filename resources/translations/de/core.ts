<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>NNStudio</name>
    <message>
      <source> (sample {sample} of the step)</source>
      <translation> (Stichprobe {sample} des Schritts)</translation>
    </message>
    <message>
      <source> and </source>
      <translation> und </translation>
    </message>
    <message>
      <source> for inputs {inputs}</source>
      <translation> für die Eingaben {inputs}</translation>
    </message>
    <message>
      <source> from input {source} to neuron {to}</source>
      <translation> von Eingabe {source} zu Neuron {to}</translation>
    </message>
    <message>
      <source> from neuron {source} to neuron {to}</source>
      <translation> von Neuron {source} zu Neuron {to}</translation>
    </message>
    <message>
      <source> in layer {layer}</source>
      <translation> in Schicht {layer}</translation>
    </message>
    <message>
      <source> of neuron {neuron}</source>
      <translation> von Neuron {neuron}</translation>
    </message>
    <message>
      <source> of the current weights</source>
      <translation> der aktuellen Gewichte</translation>
    </message>
    <message>
      <source> of the last epoch</source>
      <translation> der letzten Epoche</translation>
    </message>
    <message>
      <source> or </source>
      <translation> oder </translation>
    </message>
    <message>
      <source>(top level)</source>
      <translation>(oberste Ebene)</translation>
    </message>
    <message>
      <source>(top level): expected a JSON object, got {json_kind}</source>
      <translation>(oberste Ebene): JSON-Objekt erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>16x16 generated images of four shapes.</source>
      <translation>16x16 erzeugte Bilder von vier Formen.</translation>
    </message>
    <message>
      <source>16×16 grey outlines of circles, squares, triangles and crosses of random size, position, thickness and turn, with noise: 256 pixel inputs, 4 classes.</source>
      <translation>16×16 graue Umrisse von Kreisen, Quadraten, Dreiecken und Kreuzen mit zufälliger Größe, Lage, Strichstärke und Drehung, mit Rauschen: 256 Pixeleingaben, 4 Klassen.</translation>
    </message>
    <message>
      <source>1797 handwritten digits as 8×8 images: 64 pixel columns with values 0..16 and the digit 0..9.</source>
      <translation>1797 handgeschriebene Ziffern als 8×8-Bilder: 64 Pixelspalten mit Werten 0..16 und die Ziffer 0..9.</translation>
    </message>
    <message>
      <source>2-3-1 sigmoid learns XOR.</source>
      <translation>2-3-1 sigmoid lernt XOR.</translation>
    </message>
    <message>
      <source>2-4-1 tanh, full-batch SGD.</source>
      <translation>2-4-1 tanh, SGD mit dem ganzen Datensatz als Stapel.</translation>
    </message>
    <message>
      <source>392 cars from the Auto MPG data: engine horsepower and fuel economy in miles per gallon. A curved one-input regression.</source>
      <translation>392 Autos aus den Auto-MPG-Daten: Motorleistung in PS und Verbrauch in Meilen pro Gallone. Eine gekrümmte Regression mit einer Eingabe.</translation>
    </message>
    <message>
      <source>8x8 handwritten digits.</source>
      <translation>8x8 handgeschriebene Ziffern.</translation>
    </message>
    <message>
      <source>A mini-batch of {n} rows: neuron values are those of its first row; gradients add up all {n}.</source>
      <translation>Ein Mini-Batch aus {n} Zeilen: Die Neuronenwerte sind die seiner ersten Zeile; die Gradienten summieren alle {n}.</translation>
    </message>
    <message>
      <source>A real target that is a linear function of x1 and x2 plus noise.</source>
      <translation>Ein reelles Ziel, das eine lineare Funktion von x1 und x2 plus Rauschen ist.</translation>
    </message>
    <message>
      <source>A single step neuron with hand-set weights.</source>
      <translation>Ein einzelnes Stufen-Neuron mit von Hand gesetzten Gewichten.</translation>
    </message>
    <message>
      <source>A step activation has zero slope everywhere, so backpropagation cannot train through it. Use the perceptron rule on a single-layer step network, or pick sigmoid/tanh/relu.</source>
      <translation>Eine Stufen-Aktivierung hat überall die Steigung null, daher kann Backpropagation nicht durch sie trainieren. Verwenden Sie die Perzeptron-Regel für ein einschichtiges Stufen-Netz oder wählen Sie sigmoid/tanh/relu.</translation>
    </message>
    <message>
      <source>AND truth table</source>
      <translation>UND-Wahrheitstabelle</translation>
    </message>
    <message>
      <source>An inner disc surrounded by a ring.</source>
      <translation>Eine innere Scheibe, umgeben von einem Ring.</translation>
    </message>
    <message>
      <source>Binary crossentropy</source>
      <translation>Binäre Kreuzentropie</translation>
    </message>
    <message>
      <source>Buy a laptop? The TensorFlow.js tutorial network.</source>
      <translation>Einen Laptop kaufen? Das Netz aus dem TensorFlow.js-Tutorial.</translation>
    </message>
    <message>
      <source>Car MPG</source>
      <translation>Auto-MPG</translation>
    </message>
    <message>
      <source>Car MPG (deep)</source>
      <translation>Auto-MPG (tief)</translation>
    </message>
    <message>
      <source>Car horsepower → MPG</source>
      <translation>Auto-PS → MPG</translation>
    </message>
    <message>
      <source>Categorical crossentropy</source>
      <translation>Kategoriale Kreuzentropie</translation>
    </message>
    <message>
      <source>Circle</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <source>Circle (disc inside a ring)</source>
      <translation>Kreis (Scheibe in einem Ring)</translation>
    </message>
    <message>
      <source>Constant</source>
      <translation>Konstant</translation>
    </message>
    <message>
      <source>Digits (64-32-10)</source>
      <translation>Ziffern (64-32-10)</translation>
    </message>
    <message>
      <source>Exclusive OR of two bits (4 rows). Not linearly separable: needs a hidden layer.</source>
      <translation>Exklusives ODER zweier Bits (4 Zeilen). Nicht linear trennbar: braucht eine verborgene Schicht.</translation>
    </message>
    <message>
      <source>Fisher's 150 iris flowers: sepal and petal length and width in cm, and the species (setosa, versicolor, virginica; 50 each).</source>
      <translation>Fishers 150 Schwertlilien: Länge und Breite von Kelch- und Kronblatt in cm und die Art (setosa, versicolor, virginica; je 50).</translation>
    </message>
    <message>
      <source>Four days of infection counts and affected countries, with the next day's infections: a tiny two-input regression small enough to follow by hand.</source>
      <translation>Vier Tage mit Infektionszahlen und betroffenen Ländern, dazu die Infektionen des nächsten Tages: eine winzige Regression mit zwei Eingaben, klein genug, um sie von Hand nachzuvollziehen.</translation>
    </message>
    <message>
      <source>Glorot normal</source>
      <translation>Glorot normal</translation>
    </message>
    <message>
      <source>Glorot uniform</source>
      <translation>Glorot gleichverteilt</translation>
    </message>
    <message>
      <source>Handwritten digits (8×8 pixels → digit)</source>
      <translation>Handgeschriebene Ziffern (8×8 Pixel → Ziffer)</translation>
    </message>
    <message>
      <source>He normal</source>
      <translation>He normal</translation>
    </message>
    <message>
      <source>He uniform</source>
      <translation>He gleichverteilt</translation>
    </message>
    <message>
      <source>Horsepower → MPG with a hidden layer.</source>
      <translation>PS → MPG mit einer verborgenen Schicht.</translation>
    </message>
    <message>
      <source>Horsepower → MPG, 1-1-1 linear.</source>
      <translation>PS → MPG, 1-1-1 linear.</translation>
    </message>
    <message>
      <source>Infections (deep)</source>
      <translation>Infektionen (tief)</translation>
    </message>
    <message>
      <source>Infections (linear)</source>
      <translation>Infektionen (linear)</translation>
    </message>
    <message>
      <source>Infections (today, countries → tomorrow)</source>
      <translation>Infektionen (heute, Länder → morgen)</translation>
    </message>
    <message>
      <source>Inner disc vs ring, 2-8-8-1 tanh.</source>
      <translation>Innere Scheibe gegen Ring, 2-8-8-1 tanh.</translation>
    </message>
    <message>
      <source>Iris flowers (4 measurements → species)</source>
      <translation>Schwertlilien (4 Maße → Art)</translation>
    </message>
    <message>
      <source>L = {loss} + L1/L2 penalty = {data} + {penalty} = {total}</source>
      <translation>L = {loss} + L1/L2-Strafterm = {data} + {penalty} = {total}</translation>
    </message>
    <message>
      <source>Laptop (2-3-2)</source>
      <translation>Laptop (2-3-2)</translation>
    </message>
    <message>
      <source>Laptop (pink, small → buy)</source>
      <translation>Laptop (pink, klein → kaufen)</translation>
    </message>
    <message>
      <source>LeCun normal</source>
      <translation>LeCun normal</translation>
    </message>
    <message>
      <source>Logical AND of two bits (4 rows). Linearly separable.</source>
      <translation>Logisches UND zweier Bits (4 Zeilen). Linear trennbar.</translation>
    </message>
    <message>
      <source>Logical OR of two bits (4 rows). Linearly separable.</source>
      <translation>Logisches ODER zweier Bits (4 Zeilen). Linear trennbar.</translation>
    </message>
    <message>
      <source>Mean absolute error</source>
      <translation>Mittlerer absoluter Fehler</translation>
    </message>
    <message>
      <source>Mean squared error</source>
      <translation>Mittlerer quadratischer Fehler</translation>
    </message>
    <message>
      <source>NN Studio model JSON</source>
      <translation>NN-Studio-Modell (JSON)</translation>
    </message>
    <message>
      <source>Nine laptops rated by how pink and how small they are (0..1), and whether the buyer takes them (1) or not (0). Linearly separable: a single perceptron learns it.</source>
      <translation>Neun Laptops, bewertet danach, wie pink und wie klein sie sind (0..1), und ob der Käufer sie nimmt (1) oder nicht (0). Linear trennbar: ein einzelnes Perzeptron lernt es.</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Keine</translation>
    </message>
    <message>
      <source>ONNX export does not know the activation {key!r}</source>
      <translation>Der ONNX-Export kennt die Aktivierung {key!r} nicht</translation>
    </message>
    <message>
      <source>ONNX export does not know the derived feature {op!r}</source>
      <translation>Der ONNX-Export kennt das abgeleitete Merkmal {op!r} nicht</translation>
    </message>
    <message>
      <source>ONNX export needs opset {OPSET} or later, got {opset}</source>
      <translation>Der ONNX-Export braucht Opset {OPSET} oder neuer, erhalten: {opset}</translation>
    </message>
    <message>
      <source>ONNX export needs the 'onnx' package ({exc}); {hint}</source>
      <translation>Der ONNX-Export braucht das Paket 'onnx' ({exc}); {hint}</translation>
    </message>
    <message>
      <source>ONNX model</source>
      <translation>ONNX-Modell</translation>
    </message>
    <message>
      <source>OR truth table</source>
      <translation>ODER-Wahrheitstabelle</translation>
    </message>
    <message>
      <source>One linear neuron, per-sample SGD.</source>
      <translation>Ein lineares Neuron, SGD pro Stichprobe.</translation>
    </message>
    <message>
      <source>Ones</source>
      <translation>Einsen</translation>
    </message>
    <message>
      <source>Opposite-sign quadrants against same-sign quadrants.</source>
      <translation>Quadranten mit ungleichen Vorzeichen gegen Quadranten mit gleichen Vorzeichen.</translation>
    </message>
    <message>
      <source>Perceptron</source>
      <translation>Perzeptron</translation>
    </message>
    <message>
      <source>Perceptron rule</source>
      <translation>Perzeptron-Regel</translation>
    </message>
    <message>
      <source>Plane (linear regression)</source>
      <translation>Ebene (lineare Regression)</translation>
    </message>
    <message>
      <source>PyTorch code</source>
      <translation>PyTorch-Code</translation>
    </message>
    <message>
      <source>PyTorch export does not know the activation {key!r}</source>
      <translation>Der PyTorch-Export kennt die Aktivierung {key!r} nicht</translation>
    </message>
    <message>
      <source>Python export does not know the activation {key!r}</source>
      <translation>Der Python-Export kennt die Aktivierung {key!r} nicht</translation>
    </message>
    <message>
      <source>Python script (NumPy)</source>
      <translation>Python-Skript (NumPy)</translation>
    </message>
    <message>
      <source>Random normal</source>
      <translation>Zufällig normalverteilt</translation>
    </message>
    <message>
      <source>Random uniform</source>
      <translation>Zufällig gleichverteilt</translation>
    </message>
    <message>
      <source>Replaying diverged where the recorded run did not ({exc}).</source>
      <translation>Die Wiedergabe ist divergiert, wo der aufgezeichnete Lauf es nicht tat ({exc}).</translation>
    </message>
    <message>
      <source>Replaying stopped early where the recorded run went on.</source>
      <translation>Die Wiedergabe hat früh angehalten, wo der aufgezeichnete Lauf weiterlief.</translation>
    </message>
    <message>
      <source>Shapes (16×16 images)</source>
      <translation>Formen (16×16-Bilder)</translation>
    </message>
    <message>
      <source>Shapes (256-32-4)</source>
      <translation>Formen (256-32-4)</translation>
    </message>
    <message>
      <source>Sigmoid neuron</source>
      <translation>Sigmoid-Neuron</translation>
    </message>
    <message>
      <source>Spiral</source>
      <translation>Spirale</translation>
    </message>
    <message>
      <source>Spiral (two arms)</source>
      <translation>Spirale (zwei Arme)</translation>
    </message>
    <message>
      <source>Step (Heaviside)</source>
      <translation>Stufe (Heaviside)</translation>
    </message>
    <message>
      <source>The gradient is practically zero: the weights sit at a minimum or on a flat stretch, and no learning rate moves them from here.</source>
      <translation>Der Gradient ist praktisch null: Die Gewichte liegen in einem Minimum oder auf einem flachen Stück, und keine Lernrate bewegt sie von hier weg.</translation>
    </message>
    <message>
      <source>The loss changed by {actual:.3g}, close to the predicted {predicted:.3g}: the step follows the slope. The learning rate suits this stage of training.</source>
      <translation>Der Verlust hat sich um {actual:.3g} geändert, nahe an den vorhergesagten {predicted:.3g}: Der Schritt folgt der Steigung. Die Lernrate passt zu dieser Phase des Trainings.</translation>
    </message>
    <message>
      <source>The loss changed by {actual:.3g}, the slope predicted {predicted:.3g} ({rises} of {steps} steps raised the loss): the step is long enough that the curve of the loss matters. The learning rate is large; a smaller one follows the slope more closely.</source>
      <translation>Der Verlust hat sich um {actual:.3g} geändert, die Steigung sagte {predicted:.3g} vorher ({rises} von {steps} Schritten erhöhten den Verlust): Der Schritt ist so lang, dass die Krümmung des Verlusts zählt. Die Lernrate ist groß; eine kleinere folgt der Steigung genauer.</translation>
    </message>
    <message>
      <source>The loss changed by {actual:.3g}, the slope predicted {predicted:.3g}: the step is long enough that the curve of the loss matters. The learning rate is large; a smaller one follows the slope more closely.</source>
      <translation>Der Verlust hat sich um {actual:.3g} geändert, die Steigung sagte {predicted:.3g} vorher: Der Schritt ist so lang, dass die Krümmung des Verlusts zählt. Die Lernrate ist groß; eine kleinere folgt der Steigung genauer.</translation>
    </message>
    <message>
      <source>The loss changes by only {per_step:.3g} per step ({share:.1e} of the loss), as the slope predicts: the learning rate is probably too small; try ten times more.</source>
      <translation>Der Verlust ändert sich nur um {per_step:.3g} pro Schritt ({share:.1e} des Verlusts), wie die Steigung vorhersagt: Die Lernrate ist wahrscheinlich zu klein; versuchen Sie das Zehnfache.</translation>
    </message>
    <message>
      <source>The loss is no longer a finite number: the learning rate is far too large.</source>
      <translation>Der Verlust ist keine endliche Zahl mehr: Die Lernrate ist viel zu groß.</translation>
    </message>
    <message>
      <source>The loss rose by {actual:.3g} although the slope predicted a fall of {fall:.3g}: the step jumped past the valley. The learning rate is too large; try about a tenth of it.</source>
      <translation>Der Verlust ist um {actual:.3g} gestiegen, obwohl die Steigung einen Rückgang um {fall:.3g} vorhersagte: Der Schritt ist über das Tal hinausgesprungen. Die Lernrate ist zu groß; versuchen Sie etwa ein Zehntel davon.</translation>
    </message>
    <message>
      <source>The model has exactly these two parameters: the surface is its whole loss.</source>
      <translation>Das Modell hat genau diese zwei Parameter: Die Fläche ist sein gesamter Verlust.</translation>
    </message>
    <message>
      <source>The perceptron rule trains a single layer only (inputs straight to outputs). Remove the hidden layers or choose another optimizer.</source>
      <translation>Die Perzeptron-Regel trainiert nur eine einzige Schicht (Eingaben direkt zu Ausgaben). Entfernen Sie die verborgenen Schichten oder wählen Sie einen anderen Optimierer.</translation>
    </message>
    <message>
      <source>The perceptron's weights with a sigmoid.</source>
      <translation>Die Gewichte des Perzeptrons mit einer Sigmoid-Funktion.</translation>
    </message>
    <message>
      <source>The {count} columns {first} … {last} look like grey images of {size} pixels (blank {low:g}, ink {high:g}).</source>
      <translation>Die {count} Spalten {first} … {last} sehen aus wie Graustufenbilder mit {size} Pixeln (leer {low:g}, Tinte {high:g}).</translation>
    </message>
    <message>
      <source>This lesson step keeps the network's layers, neurons and activations as they are.</source>
      <translation>Dieser Lektionsschritt lässt die Schichten, Neuronen und Aktivierungen des Netzes, wie sie sind.</translation>
    </message>
    <message>
      <source>This lesson step keeps the training settings as they are.</source>
      <translation>Dieser Lektionsschritt lässt die Trainingseinstellungen, wie sie sind.</translation>
    </message>
    <message>
      <source>This lesson step keeps the weights and biases as they are.</source>
      <translation>Dieser Lektionsschritt lässt die Gewichte und Biases, wie sie sind.</translation>
    </message>
    <message>
      <source>This network uses step activations, whose slope is zero everywhere, so gradient descent gets no signal. Train a single-layer step network with the perceptron rule, or use sigmoid/tanh/relu instead of step.</source>
      <translation>Dieses Netz verwendet Stufen-Aktivierungen, deren Steigung überall null ist, daher bekommt das Gradientenverfahren kein Signal. Trainieren Sie ein einschichtiges Stufen-Netz mit der Perzeptron-Regel oder verwenden Sie sigmoid/tanh/relu statt step.</translation>
    </message>
    <message>
      <source>Trained {epochs}: {reason}</source>
      <translation>{epochs} trainiert: {reason}</translation>
    </message>
    <message>
      <source>Training could not start: {exc}</source>
      <translation>Das Training konnte nicht starten: {exc}</translation>
    </message>
    <message>
      <source>Training diverged in epoch {epoch}: the loss became NaN or infinite. The last finite weights were kept. Try a lower learning rate.</source>
      <translation>Das Training ist in Epoche {epoch} divergiert: Der Verlust wurde NaN oder unendlich. Die letzten endlichen Gewichte wurden behalten. Versuchen Sie eine kleinere Lernrate.</translation>
    </message>
    <message>
      <source>Training diverged in epoch {epoch}: the loss grew to {loss:.3g} (it was {start:.3g} at the start). The weights from the start of epoch {epoch} were kept. Try a lower learning rate.</source>
      <translation>Das Training ist in Epoche {epoch} divergiert: Der Verlust wuchs auf {loss:.3g} (zu Beginn war er {start:.3g}). Die Gewichte vom Beginn der Epoche {epoch} wurden behalten. Versuchen Sie eine kleinere Lernrate.</translation>
    </message>
    <message>
      <source>Training failed with an internal error: {kind}: {exc}</source>
      <translation>Das Training ist mit einem internen Fehler abgebrochen: {kind}: {exc}</translation>
    </message>
    <message>
      <source>Two Gaussian clouds</source>
      <translation>Zwei Gauß-Wolken</translation>
    </message>
    <message>
      <source>Two chosen weights; every other weight is held at its current value (a slice of the loss). The path shows the two weights' values, while the other weights moved too.</source>
      <translation>Zwei gewählte Gewichte; jedes andere Gewicht bleibt auf seinem aktuellen Wert (ein Schnitt durch den Verlust). Der Pfad zeigt die Werte der beiden Gewichte, während sich auch die anderen Gewichte bewegt haben.</translation>
    </message>
    <message>
      <source>Two interleaved spiral arms: hard, needs several hidden neurons.</source>
      <translation>Zwei ineinander verschlungene Spiralarme: schwer, braucht mehrere verborgene Neuronen.</translation>
    </message>
    <message>
      <source>Two interleaved spirals, 2-8-8-1 tanh.</source>
      <translation>Zwei ineinander verschlungene Spiralen, 2-8-8-1 tanh.</translation>
    </message>
    <message>
      <source>Two interlocking half-moons.</source>
      <translation>Zwei ineinandergreifende Halbmonde.</translation>
    </message>
    <message>
      <source>Two moons</source>
      <translation>Zwei Monde</translation>
    </message>
    <message>
      <source>Two random directions, each neuron's part scaled to that neuron's weights (Li et al. 2018). The path is projected onto this plane: its points are the nearest points of the plane.</source>
      <translation>Zwei zufällige Richtungen, der Anteil jedes Neurons auf dessen Gewichte skaliert (Li et al. 2018). Der Pfad ist auf diese Ebene projiziert: Seine Punkte sind die nächstgelegenen Punkte der Ebene.</translation>
    </message>
    <message>
      <source>Two round clouds, linearly separable.</source>
      <translation>Zwei runde Wolken, linear trennbar.</translation>
    </message>
    <message>
      <source>XOR</source>
      <translation>XOR</translation>
    </message>
    <message>
      <source>XOR (quadrants)</source>
      <translation>XOR (Quadranten)</translation>
    </message>
    <message>
      <source>XOR truth table</source>
      <translation>XOR-Wahrheitstabelle</translation>
    </message>
    <message>
      <source>Zeros</source>
      <translation>Nullen</translation>
    </message>
    <message>
      <source>a (output)</source>
      <translation>a (Ausgabe)</translation>
    </message>
    <message>
      <source>a bias of a layer without bias is not trained; choose a connection</source>
      <translation>ein Bias einer Schicht ohne Bias wird nicht trainiert; wählen Sie eine Verbindung</translation>
    </message>
    <message>
      <source>a column holds {numeric} or {categorical} cells, not {kind!r}</source>
      <translation>eine Spalte enthält {numeric}- oder {categorical}-Zellen, nicht {kind!r}</translation>
    </message>
    <message>
      <source>a column's role is one of {names}, not {role!r}</source>
      <translation>die Rolle einer Spalte ist eine von {names}, nicht {role!r}</translation>
    </message>
    <message>
      <source>a confusion matrix is made for classification data</source>
      <translation>eine Konfusionsmatrix gibt es nur für Klassifikationsdaten</translation>
    </message>
    <message>
      <source>a confusion matrix needs class labels</source>
      <translation>eine Konfusionsmatrix braucht Klassenbezeichnungen</translation>
    </message>
    <message>
      <source>a derived feature needs an op and its sources, got {kind}</source>
      <translation>ein abgeleitetes Merkmal braucht eine Operation (op) und ihre Quellen (sources), erhalten: {kind}</translation>
    </message>
    <message>
      <source>a device</source>
      <translation>ein Gerät</translation>
    </message>
    <message>
      <source>a drawing is a 2-D array, got shape {shape}</source>
      <translation>eine Zeichnung ist ein 2-D-Array, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>a drawing is a non-empty 2-D array, got shape {shape}</source>
      <translation>eine Zeichnung ist ein nicht leeres 2-D-Array, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>a grid has 1 to {MAX_GRID} points per side</source>
      <translation>ein Raster hat 1 bis {MAX_GRID} Punkte pro Seite</translation>
    </message>
    <message>
      <source>a hidden layer goes between the inputs and the output layer</source>
      <translation>eine verborgene Schicht liegt zwischen den Eingaben und der Ausgabeschicht</translation>
    </message>
    <message>
      <source>a layer needs at least one neuron; remove the layer instead</source>
      <translation>eine Schicht braucht mindestens ein Neuron; entfernen Sie stattdessen die Schicht</translation>
    </message>
    <message>
      <source>a list</source>
      <translation>eine Liste</translation>
    </message>
    <message>
      <source>a network needs at least one layer (the output layer)</source>
      <translation>ein Netz braucht mindestens eine Schicht (die Ausgabeschicht)</translation>
    </message>
    <message>
      <source>a new layer needs its fan_in (the size of the layer before it)</source>
      <translation>eine neue Schicht braucht ihr fan_in (die Größe der Schicht davor)</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>eine Zahl</translation>
    </message>
    <message>
      <source>a pipe</source>
      <translation>eine Pipe</translation>
    </message>
    <message>
      <source>a plane is drawn over two input features; the data has {count}</source>
      <translation>eine Ebene wird über zwei Eingabemerkmale gezeichnet; die Daten haben {count}</translation>
    </message>
    <message>
      <source>a prediction curve is drawn over one input feature; the data has {count}</source>
      <translation>eine Vorhersagekurve wird über ein Eingabemerkmal gezeichnet; die Daten haben {count}</translation>
    </message>
    <message>
      <source>a race has 1 to {MAX_RACERS} racers</source>
      <translation>ein Rennen hat 1 bis {MAX_RACERS} Teilnehmer</translation>
    </message>
    <message>
      <source>a race needs at least one epoch</source>
      <translation>ein Rennen braucht mindestens eine Epoche</translation>
    </message>
    <message>
      <source>a socket</source>
      <translation>ein Socket</translation>
    </message>
    <message>
      <source>a special file</source>
      <translation>eine Spezialdatei</translation>
    </message>
    <message>
      <source>a standalone NumPy script with the weights that predicts like nnstudio predict, from the command line or predict(rows)</source>
      <translation>ein eigenständiges NumPy-Skript mit den Gewichten, das wie nnstudio predict vorhersagt, von der Kommandozeile oder mit predict(rows)</translation>
    </message>
    <message>
      <source>a trace follows one sample, got an array of shape {shape}</source>
      <translation>eine Verfolgung folgt einer Stichprobe, erhalten: ein Array der Form {shape}</translation>
    </message>
    <message>
      <source>above {value}</source>
      <translation>über {value}</translation>
    </message>
    <message>
      <source>accuracy</source>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <source>accuracy is measured for classification only; this network predicts numbers</source>
      <translation>die Genauigkeit wird nur bei Klassifikation gemessen; dieses Netz sagt Zahlen vorher</translation>
    </message>
    <message>
      <source>action {n} ({kind}): {exc}</source>
      <translation>Aktion {n} ({kind}): {exc}</translation>
    </message>
    <message>
      <source>activation</source>
      <translation>Aktivierung</translation>
    </message>
    <message>
      <source>all columns need the same number of rows, got {lengths}</source>
      <translation>alle Spalten brauchen gleich viele Zeilen, erhalten: {lengths}</translation>
    </message>
    <message>
      <source>an image names each pixel column once</source>
      <translation>ein Bild nennt jede Pixelspalte einmal</translation>
    </message>
    <message>
      <source>an image of {width}x{height} is too large: {why}</source>
      <translation>ein Bild mit {width}x{height} ist zu groß: {why}</translation>
    </message>
    <message>
      <source>an image of {width}x{height} needs {pixels} pixel columns, got {count}</source>
      <translation>ein Bild mit {width}x{height} braucht {pixels} Pixelspalten, erhalten: {count}</translation>
    </message>
    <message>
      <source>an image's blank (low) and ink (high) values must differ</source>
      <translation>die Werte für leer (low) und Tinte (high) eines Bildes müssen sich unterscheiden</translation>
    </message>
    <message>
      <source>an image's {what} must be a whole number of pixels from 1 up, got {side!r}</source>
      <translation>{what} eines Bildes muss eine ganze Pixelzahl ab 1 sein, erhalten: {side!r}</translation>
    </message>
    <message>
      <source>an image's {what} value must be a finite number, got {value!r}</source>
      <translation>der Wert {what} eines Bildes muss eine endliche Zahl sein, erhalten: {value!r}</translation>
    </message>
    <message>
      <source>an nn.Sequential with the weights loaded (build_model()) that takes the raw inputs predict takes; torch is needed to run it</source>
      <translation>ein nn.Sequential mit geladenen Gewichten (build_model()), das die Roheingaben nimmt, die predict nimmt; zum Ausführen wird torch gebraucht</translation>
    </message>
    <message>
      <source>an object</source>
      <translation>ein Objekt</translation>
    </message>
    <message>
      <source>any</source>
      <translation>beliebig</translation>
    </message>
    <message>
      <source>as the seed</source>
      <translation>als Startwert (seed)</translation>
    </message>
    <message>
      <source>at least {value}</source>
      <translation>mindestens {value}</translation>
    </message>
    <message>
      <source>at most {value}</source>
      <translation>höchstens {value}</translation>
    </message>
    <message>
      <source>backward</source>
      <translation>Rückwärts</translation>
    </message>
    <message>
      <source>backward: layer {layer}</source>
      <translation>Rückwärts: Schicht {layer}</translation>
    </message>
    <message>
      <source>batch_size is {actual}; it should hold every row ({rows})</source>
      <translation>batch_size ist {actual}; er sollte alle Zeilen umfassen ({rows})</translation>
    </message>
    <message>
      <source>below {value}</source>
      <translation>unter {value}</translation>
    </message>
    <message>
      <source>bias</source>
      <translation>Bias</translation>
    </message>
    <message>
      <source>bias must have {units} values, got shape {shape}</source>
      <translation>der Bias muss {units} Werte haben, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>bias of {name}</source>
      <translation>Bias von {name}</translation>
    </message>
    <message>
      <source>built-in table</source>
      <translation>eingebaute Tabelle</translation>
    </message>
    <message>
      <source>cannot compute {name}: {sources} is not a number in this row</source>
      <translation>{name} kann nicht berechnet werden: {sources} ist in dieser Zeile keine Zahl</translation>
    </message>
    <message>
      <source>cannot save {exc}</source>
      <translation>Speichern nicht möglich: {exc}</translation>
    </message>
    <message>
      <source>cannot save {name}: it holds a number that is not finite (NaN or infinity)</source>
      <translation>{name} kann nicht gespeichert werden: es enthält eine Zahl, die nicht endlich ist (NaN oder unendlich)</translation>
    </message>
    <message>
      <source>cannot save {name}: {problem}</source>
      <translation>{name} kann nicht gespeichert werden: {problem}</translation>
    </message>
    <message>
      <source>cannot write {path}: the text has a character UTF-8 cannot store ({reason})</source>
      <translation>{path} kann nicht geschrieben werden: der Text enthält ein Zeichen, das UTF-8 nicht speichern kann ({reason})</translation>
    </message>
    <message>
      <source>cannot write {path}: {reason}</source>
      <translation>{path} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
      <source>cannot write {shown!r}: give a file name</source>
      <translation>{shown!r} kann nicht geschrieben werden: geben Sie einen Dateinamen an</translation>
    </message>
    <message>
      <source>cannot write {shown}: cannot tell which file it refers to</source>
      <translation>{shown} kann nicht geschrieben werden: es ist nicht erkennbar, welche Datei gemeint ist</translation>
    </message>
    <message>
      <source>cannot write {shown}: column {column} has no name</source>
      <translation>{shown} kann nicht geschrieben werden: Spalte {column} hat keinen Namen</translation>
    </message>
    <message>
      <source>cannot write {shown}: it is a folder; give a file name</source>
      <translation>{shown} kann nicht geschrieben werden: es ist ein Ordner; geben Sie einen Dateinamen an</translation>
    </message>
    <message>
      <source>cannot write {shown}: it is {kind}, not a regular file; NN Studio writes only to regular files</source>
      <translation>{shown} kann nicht geschrieben werden: es ist {kind}, keine gewöhnliche Datei; NN Studio schreibt nur in gewöhnliche Dateien</translation>
    </message>
    <message>
      <source>cannot write {shown}: row {row} of column {name!r} is longer than {max_cell_text:,} characters</source>
      <translation>{shown} kann nicht geschrieben werden: Zeile {row} der Spalte {name!r} ist länger als {max_cell_text:,} Zeichen</translation>
    </message>
    <message>
      <source>cannot write {shown}: the file is read-only</source>
      <translation>{shown} kann nicht geschrieben werden: die Datei ist schreibgeschützt</translation>
    </message>
    <message>
      <source>cannot write {shown}: the folder {parent} does not exist</source>
      <translation>{shown} kann nicht geschrieben werden: der Ordner {parent} existiert nicht</translation>
    </message>
    <message>
      <source>cannot write {shown}: the table has no rows (a CSV file needs a header and data rows)</source>
      <translation>{shown} kann nicht geschrieben werden: die Tabelle hat keine Zeilen (eine CSV-Datei braucht eine Kopfzeile und Datenzeilen)</translation>
    </message>
    <message>
      <source>cannot write {shown}: the table would take {size:.0f} MB; CSV files are limited to {limit} MB</source>
      <translation>{shown} kann nicht geschrieben werden: die Tabelle bräuchte {size:.0f} MB; CSV-Dateien sind auf {limit} MB begrenzt</translation>
    </message>
    <message>
      <source>cannot write {shown}: {reason}</source>
      <translation>{shown} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
      <source>cells (rows x columns)</source>
      <translation>Zellen (Zeilen x Spalten)</translation>
    </message>
    <message>
      <source>changed while training</source>
      <translation>während des Trainings geändert</translation>
    </message>
    <message>
      <source>choose two different connections</source>
      <translation>wählen Sie zwei verschiedene Verbindungen</translation>
    </message>
    <message>
      <source>column</source>
      <translation>Spalte</translation>
    </message>
    <message>
      <source>column names must be unique; repeated: {names}</source>
      <translation>Spaltennamen müssen eindeutig sein; wiederholt: {names}</translation>
    </message>
    <message>
      <source>column {column} ({name!r}) is an input but holds text such as {example!r}; inputs must be numbers (text can be the target, or be ignored)</source>
      <translation>Spalte {column} ({name!r}) ist eine Eingabe, enthält aber Text wie {example!r}; Eingaben müssen Zahlen sein (Text kann das Ziel sein oder ignoriert werden)</translation>
    </message>
    <message>
      <source>column {name!r}</source>
      <translation>Spalte {name!r}</translation>
    </message>
    <message>
      <source>column {name!r} has labels the model does not know: {names}</source>
      <translation>Spalte {name!r} hat Bezeichnungen, die das Modell nicht kennt: {names}</translation>
    </message>
    <message>
      <source>column {name!r} has {actual} values; it should have {wanted}</source>
      <translation>Spalte {name!r} hat {actual} Werte; sie sollte {wanted} haben</translation>
    </message>
    <message>
      <source>column {name!r} is computed, so it must hold numbers</source>
      <translation>Spalte {name!r} wird berechnet, also muss sie Zahlen enthalten</translation>
    </message>
    <message>
      <source>column {name!r} is computed, so its kind must be numeric</source>
      <translation>Spalte {name!r} wird berechnet, also muss ihre Art numerisch sein</translation>
    </message>
    <message>
      <source>column {name!r} is normalized with {actual}; it should be {wanted}</source>
      <translation>Spalte {name!r} ist mit {actual} normalisiert; es sollte {wanted} sein</translation>
    </message>
    <message>
      <source>column {name!r} should hold numbers</source>
      <translation>Spalte {name!r} sollte Zahlen enthalten</translation>
    </message>
    <message>
      <source>column {name!r}, row {row} is {actual}; it should be {wanted}</source>
      <translation>Spalte {name!r}, Zeile {row} ist {actual}; es sollte {wanted} sein</translation>
    </message>
    <message>
      <source>column {name!r}: kind must be one of {names}, got {kind!r}</source>
      <translation>Spalte {name!r}: die Art muss eine von {names} sein, erhalten: {kind!r}</translation>
    </message>
    <message>
      <source>column {name!r}: role must be one of {names}, got {role!r}</source>
      <translation>Spalte {name!r}: die Rolle muss eine von {names} sein, erhalten: {role!r}</translation>
    </message>
    <message>
      <source>columns</source>
      <translation>Spalten</translation>
    </message>
    <message>
      <source>confidence</source>
      <translation>Konfidenz</translation>
    </message>
    <message>
      <source>correct</source>
      <translation>richtig</translation>
    </message>
    <message>
      <source>dataset's columns</source>
      <translation>Spalten des Datensatzes</translation>
    </message>
    <message>
      <source>derived feature</source>
      <translation>abgeleitetes Merkmal</translation>
    </message>
    <message>
      <source>direction {n}</source>
      <translation>Richtung {n}</translation>
    </message>
    <message>
      <source>diverged</source>
      <translation>divergiert</translation>
    </message>
    <message>
      <source>embedded project {name!r}</source>
      <translation>eingebettetes Projekt {name!r}</translation>
    </message>
    <message>
      <source>embedded projects</source>
      <translation>eingebettete Projekte</translation>
    </message>
    <message>
      <source>empty</source>
      <translation>leer</translation>
    </message>
    <message>
      <source>empty cell</source>
      <translation>leere Zelle</translation>
    </message>
    <message>
      <source>empty label</source>
      <translation>leere Bezeichnung</translation>
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
      <source>epochs of patience</source>
      <translation>Epochen Geduld</translation>
    </message>
    <message>
      <source>epochs trained</source>
      <translation>trainierte Epochen</translation>
    </message>
    <message>
      <source>epochs_per_second must be between {low:g} and {high:g} (or null for as fast as possible), got {epochs_per_second!r}</source>
      <translation>epochs_per_second muss zwischen {low:g} und {high:g} liegen (oder null für so schnell wie möglich), erhalten: {epochs_per_second!r}</translation>
    </message>
    <message>
      <source>error</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <source>every input needs a number</source>
      <translation>jede Eingabe braucht eine Zahl</translation>
    </message>
    <message>
      <source>every layer should have a bias</source>
      <translation>jede Schicht sollte einen Bias haben</translation>
    </message>
    <message>
      <source>every layer should have no bias</source>
      <translation>keine Schicht sollte einen Bias haben</translation>
    </message>
    <message>
      <source>example</source>
      <translation>Beispiel</translation>
    </message>
    <message>
      <source>example {name!r}</source>
      <translation>Beispiel {name!r}</translation>
    </message>
    <message>
      <source>expected (n, height, width) images, got shape {shape}</source>
      <translation>Bilder der Form (n, Höhe, Breite) erwartet, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>expected a non-empty 2-D array, got shape {shape}</source>
      <translation>ein nicht leeres 2-D-Array erwartet, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>expected weights for {layers} layers, got {got}</source>
      <translation>Gewichte für {layers} Schichten erwartet, erhalten: {got}</translation>
    </message>
    <message>
      <source>expected {count} values per row ({names}), got {got}</source>
      <translation>{count} Werte pro Zeile erwartet ({names}), erhalten: {got}</translation>
    </message>
    <message>
      <source>expected {count} values per row, got {shape}</source>
      <translation>{count} Werte pro Zeile erwartet, erhalten: {shape}</translation>
    </message>
    <message>
      <source>expected {n} names, got {count}</source>
      <translation>{n} Namen erwartet, erhalten: {count}</translation>
    </message>
    <message>
      <source>export does not know the derived feature {op!r}</source>
      <translation>der Export kennt das abgeleitete Merkmal {op!r} nicht</translation>
    </message>
    <message>
      <source>export format</source>
      <translation>Exportformat</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>fehlgeschlagen</translation>
    </message>
    <message>
      <source>file {name!r}</source>
      <translation>Datei {name!r}</translation>
    </message>
    <message>
      <source>finished all epochs</source>
      <translation>alle Epochen abgeschlossen</translation>
    </message>
    <message>
      <source>format: expected {LESSON_FORMAT!r}, got {found!r}</source>
      <translation>format: {LESSON_FORMAT!r} erwartet, erhalten: {found!r}</translation>
    </message>
    <message>
      <source>forward</source>
      <translation>Vorwärts</translation>
    </message>
    <message>
      <source>forward: layer {layer} of {layers}</source>
      <translation>Vorwärts: Schicht {layer} von {layers}</translation>
    </message>
    <message>
      <source>from epoch {epoch}: {settings}</source>
      <translation>ab Epoche {epoch}: {settings}</translation>
    </message>
    <message>
      <source>generator</source>
      <translation>Generator</translation>
    </message>
    <message>
      <source>give at least an input size and an output size, e.g. 2,1</source>
      <translation>geben Sie mindestens eine Eingabe- und eine Ausgabegröße an, z. B. 2,1</translation>
    </message>
    <message>
      <source>height</source>
      <translation>die Höhe</translation>
    </message>
    <message>
      <source>hidden layer</source>
      <translation>verborgene Schicht</translation>
    </message>
    <message>
      <source>hidden layers</source>
      <translation>verborgene Schichten</translation>
    </message>
    <message>
      <source>history.epoch: epoch numbers must be whole numbers from 1 up, in increasing order</source>
      <translation>history.epoch: Epochennummern müssen ganze Zahlen ab 1 sein, aufsteigend</translation>
    </message>
    <message>
      <source>history: all columns need the same length</source>
      <translation>history: alle Spalten brauchen dieselbe Länge</translation>
    </message>
    <message>
      <source>image generator</source>
      <translation>Bildgenerator</translation>
    </message>
    <message>
      <source>initializer</source>
      <translation>Initialisierer</translation>
    </message>
    <message>
      <source>input</source>
      <translation>Eingabe</translation>
    </message>
    <message>
      <source>input column</source>
      <translation>Eingabespalte</translation>
    </message>
    <message>
      <source>input columns</source>
      <translation>Eingabespalten</translation>
    </message>
    <message>
      <source>input of this layer</source>
      <translation>Eingabe dieser Schicht</translation>
    </message>
    <message>
      <source>input size</source>
      <translation>Eingabegröße</translation>
    </message>
    <message>
      <source>input {name}: x = {value} (after normalization)</source>
      <translation>Eingabe {name}: x = {value} (nach der Normalisierung)</translation>
    </message>
    <message>
      <source>inputs</source>
      <translation>Eingaben</translation>
    </message>
    <message>
      <source>install the export extra: pip install 'nnstudio[export]'</source>
      <translation>installieren Sie das Export-Extra: pip install 'nnstudio[export]'</translation>
    </message>
    <message>
      <source>it has no column {names}</source>
      <translation>er hat keine Spalte {names}</translation>
    </message>
    <message>
      <source>it has {rows} rows; it should have at least {wanted}</source>
      <translation>er hat {rows} Zeilen; er sollte mindestens {wanted} haben</translation>
    </message>
    <message>
      <source>it has {rows} rows; it should have {wanted}</source>
      <translation>er hat {rows} Zeilen; er sollte {wanted} haben</translation>
    </message>
    <message>
      <source>it should have at least {layers}</source>
      <translation>es sollte mindestens {layers} haben</translation>
    </message>
    <message>
      <source>it would train {epochs:,} epochs on {rows:,} rows; a lesson trains at most {max_lesson_epochs:,} epochs and {max_lesson_train_rows:,} rows in all at once</source>
      <translation>es würde {epochs:,} Epochen auf {rows:,} Zeilen trainieren; eine Lektion trainiert höchstens {max_lesson_epochs:,} Epochen und insgesamt {max_lesson_train_rows:,} Zeilen auf einmal</translation>
    </message>
    <message>
      <source>its activations are {actual}; they should be {wanted}</source>
      <translation>seine Aktivierungen sind {actual}; sie sollten {wanted} sein</translation>
    </message>
    <message>
      <source>its inputs are {actual}; they should be {wanted}</source>
      <translation>seine Eingaben sind {actual}; sie sollten {wanted} sein</translation>
    </message>
    <message>
      <source>its layers are {shape}; they should be {wanted}</source>
      <translation>seine Schichten sind {shape}; sie sollten {wanted} sein</translation>
    </message>
    <message>
      <source>its share of the next neuron's z:</source>
      <translation>sein Anteil am z des nächsten Neurons:</translation>
    </message>
    <message>
      <source>its target is {actual}; it should be {wanted!r}</source>
      <translation>sein Ziel ist {actual}; es sollte {wanted!r} sein</translation>
    </message>
    <message>
      <source>itself</source>
      <translation>sich selbst</translation>
    </message>
    <message>
      <source>layer</source>
      <translation>Schicht</translation>
    </message>
    <message>
      <source>layer size</source>
      <translation>Schichtgröße</translation>
    </message>
    <message>
      <source>layer {i} expects {count} but the layer before has {fan_in}</source>
      <translation>Schicht {i} erwartet {count}, aber die Schicht davor hat {fan_in}</translation>
    </message>
    <message>
      <source>layer {i}: expected weights {weights} and bias {bias}, got {got_weights} and {got_bias}</source>
      <translation>Schicht {i}: Gewichte {weights} und Bias {bias} erwartet, erhalten: {got_weights} und {got_bias}</translation>
    </message>
    <message>
      <source>layer {layer} has neurons 1 to {count}</source>
      <translation>Schicht {layer} hat die Neuronen 1 bis {count}</translation>
    </message>
    <message>
      <source>layer {layer} has no bias</source>
      <translation>Schicht {layer} hat keinen Bias</translation>
    </message>
    <message>
      <source>layer {layer} is not fed by an image</source>
      <translation>Schicht {layer} wird nicht von einem Bild gespeist</translation>
    </message>
    <message>
      <source>layer {layer} needs {fan_in} rows of {units} weights, got shape {shape}</source>
      <translation>Schicht {layer} braucht {fan_in} Zeilen mit {units} Gewichten, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>layer {layer} needs {units} biases, got {size}</source>
      <translation>Schicht {layer} braucht {units} Biases, erhalten: {size}</translation>
    </message>
    <message>
      <source>layers</source>
      <translation>Schichten</translation>
    </message>
    <message>
      <source>learning rate must be a positive number, got {learning_rate!r}</source>
      <translation>die Lernrate muss eine positive Zahl sein, erhalten: {learning_rate!r}</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>Verlust</translation>
    </message>
    <message>
      <source>metrics</source>
      <translation>Metriken</translation>
    </message>
    <message>
      <source>model's inputs</source>
      <translation>Eingaben des Modells</translation>
    </message>
    <message>
      <source>n_samples must be a whole number from 1 to {MAX_SAMPLES}, got {n_samples!r}</source>
      <translation>n_samples muss eine ganze Zahl von 1 bis {MAX_SAMPLES} sein, erhalten: {n_samples!r}</translation>
    </message>
    <message>
      <source>n_samples must be from 1 to {MAX_SAMPLES}, got {n}</source>
      <translation>n_samples muss zwischen 1 und {MAX_SAMPLES} liegen, erhalten: {n}</translation>
    </message>
    <message>
      <source>names</source>
      <translation>Namen</translation>
    </message>
    <message>
      <source>neuron in this layer</source>
      <translation>Neuron in dieser Schicht</translation>
    </message>
    <message>
      <source>neurons</source>
      <translation>Neuronen</translation>
    </message>
    <message>
      <source>no bundled lesson named {key!r}; the lessons are {names}</source>
      <translation>keine mitgelieferte Lektion namens {key!r}; die Lektionen sind {names}</translation>
    </message>
    <message>
      <source>no column named {name!r}; the columns are: {names}</source>
      <translation>keine Spalte namens {name!r}; die Spalten sind: {names}</translation>
    </message>
    <message>
      <source>no example named {key!r}; the examples are: {names}</source>
      <translation>kein Beispiel namens {key!r}; die Beispiele sind: {names}</translation>
    </message>
    <message>
      <source>no input columns: set the role of at least one column to input</source>
      <translation>keine Eingabespalten: setzen Sie die Rolle mindestens einer Spalte auf Eingabe</translation>
    </message>
    <message>
      <source>no step in step mode yet: play a phase first</source>
      <translation>noch kein Schritt im Schrittmodus: spielen Sie zuerst eine Phase ab</translation>
    </message>
    <message>
      <source>no target column: set the role of at least one column to target</source>
      <translation>keine Zielspalte: setzen Sie die Rolle mindestens einer Spalte auf Ziel</translation>
    </message>
    <message>
      <source>noise must be a finite number &gt;= 0, got {noise!r}</source>
      <translation>noise muss eine endliche Zahl &gt;= 0 sein, erhalten: {noise!r}</translation>
    </message>
    <message>
      <source>noise must be a number &gt;= 0, got {noise!r}</source>
      <translation>noise muss eine Zahl &gt;= 0 sein, erhalten: {noise!r}</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <source>normalization</source>
      <translation>Normalisierung</translation>
    </message>
    <message>
      <source>normalization needs a finite offset and a non-zero scale, got {offset}, {scale}</source>
      <translation>die Normalisierung braucht einen endlichen Versatz und eine Skala ungleich null, erhalten: {offset}, {scale}</translation>
    </message>
    <message>
      <source>not chosen</source>
      <translation>nicht gewählt</translation>
    </message>
    <message>
      <source>not trained yet</source>
      <translation>noch nicht trainiert</translation>
    </message>
    <message>
      <source>only hidden layers can be removed (the output layer must stay)</source>
      <translation>nur verborgene Schichten können entfernt werden (die Ausgabeschicht muss bleiben)</translation>
    </message>
    <message>
      <source>opset 13, float32; takes the raw inputs predict takes (derived inputs and normalization inside); runs in onnxruntime and friends</source>
      <translation>Opset 13, float32; nimmt die Roheingaben, die predict nimmt (abgeleitete Eingaben und Normalisierung inklusive); läuft in onnxruntime und Verwandten</translation>
    </message>
    <message>
      <source>optimizer</source>
      <translation>Optimierer</translation>
    </message>
    <message>
      <source>output</source>
      <translation>Ausgabe</translation>
    </message>
    <message>
      <source>outputs</source>
      <translation>Ausgaben</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>pausiert</translation>
    </message>
    <message>
      <source>pixels</source>
      <translation>Pixel</translation>
    </message>
    <message>
      <source>predicted class</source>
      <translation>vorhergesagte Klasse</translation>
    </message>
    <message>
      <source>prediction</source>
      <translation>Vorhersage</translation>
    </message>
    <message>
      <source>prediction ŷ = {prediction}, target y = {target}</source>
      <translation>Vorhersage ŷ = {prediction}, Ziel y = {target}</translation>
    </message>
    <message>
      <source>random_uniform needs minval &lt;= maxval, got {minval} &gt; {maxval}</source>
      <translation>random_uniform braucht minval &lt;= maxval, erhalten: {minval} &gt; {maxval}</translation>
    </message>
    <message>
      <source>reached the target loss</source>
      <translation>Zielverlust erreicht</translation>
    </message>
    <message>
      <source>row</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <source>row {row} has an empty or bad cell in an input column</source>
      <translation>Zeile {row} hat eine leere oder ungültige Zelle in einer Eingabespalte</translation>
    </message>
    <message>
      <source>row {row}, column {column}: {message}</source>
      <translation>Zeile {row}, Spalte {column}: {message}</translation>
    </message>
    <message>
      <source>rows</source>
      <translation>Zeilen</translation>
    </message>
    <message>
      <source>rows per batch</source>
      <translation>Zeilen pro Stapel</translation>
    </message>
    <message>
      <source>sample in this step</source>
      <translation>Stichprobe in diesem Schritt</translation>
    </message>
    <message>
      <source>seed must be &gt;= 0, got {seed!r}</source>
      <translation>seed muss &gt;= 0 sein, erhalten: {seed!r}</translation>
    </message>
    <message>
      <source>seed must be a whole number or a numpy.random.Generator, got {seed!r}</source>
      <translation>seed muss eine ganze Zahl oder ein numpy.random.Generator sein, erhalten: {seed!r}</translation>
    </message>
    <message>
      <source>shuffle must be true or false, got {shuffle!r}</source>
      <translation>shuffle muss true oder false sein, erhalten: {shuffle!r}</translation>
    </message>
    <message>
      <source>step mode has no phase {describe} for this network</source>
      <translation>der Schrittmodus hat für dieses Netz keine Phase {describe}</translation>
    </message>
    <message>
      <source>step mode has not reached the {phase} phase yet</source>
      <translation>der Schrittmodus hat die Phase {phase} noch nicht erreicht</translation>
    </message>
    <message>
      <source>step mode reached the {phase} phase</source>
      <translation>der Schrittmodus hat die Phase {phase} erreicht</translation>
    </message>
    <message>
      <source>step {step} ({title!r}) has no project to start from (name one, so the lesson starts the same for everyone)</source>
      <translation>Schritt {step} ({title!r}) hat kein Projekt, mit dem er beginnt (nennen Sie eines, damit die Lektion für alle gleich beginnt)</translation>
    </message>
    <message>
      <source>step {title!r} changes the learner's project, but there is no project yet</source>
      <translation>Schritt {title!r} ändert das Projekt der Lernenden, aber es gibt noch kein Projekt</translation>
    </message>
    <message>
      <source>steps</source>
      <translation>Schritte</translation>
    </message>
    <message>
      <source>stopped</source>
      <translation>angehalten</translation>
    </message>
    <message>
      <source>stopped early: validation loss stopped improving</source>
      <translation>früh angehalten: der Validierungsverlust verbesserte sich nicht mehr</translation>
    </message>
    <message>
      <source>targets</source>
      <translation>Zielwerte</translation>
    </message>
    <message>
      <source>text</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>the column name {name!r}... is {why}</source>
      <translation>der Spaltenname {name!r}... ist {why}</translation>
    </message>
    <message>
      <source>the data has no column for the model input(s) {names}; its columns are {names2}</source>
      <translation>die Daten haben keine Spalte für die Modelleingabe(n) {names}; ihre Spalten sind {names2}</translation>
    </message>
    <message>
      <source>the data has no rows</source>
      <translation>die Daten haben keine Zeilen</translation>
    </message>
    <message>
      <source>the dataset does not declare an image</source>
      <translation>der Datensatz erklärt kein Bild</translation>
    </message>
    <message>
      <source>the dataset has no row {row}</source>
      <translation>der Datensatz hat keine Zeile {row}</translation>
    </message>
    <message>
      <source>the dataset has no rows</source>
      <translation>der Datensatz hat keine Zeilen</translation>
    </message>
    <message>
      <source>the dataset has no rows to train on</source>
      <translation>der Datensatz hat keine Zeilen zum Trainieren</translation>
    </message>
    <message>
      <source>the dataset has rows 1 to {n_rows}</source>
      <translation>der Datensatz hat die Zeilen 1 bis {n_rows}</translation>
    </message>
    <message>
      <source>the dataset has {columns} but the network has {inputs}</source>
      <translation>der Datensatz hat {columns}, aber das Netz hat {inputs}</translation>
    </message>
    <message>
      <source>the dataset has {count} but the network has {count2}</source>
      <translation>der Datensatz hat {count}, aber das Netz hat {count2}</translation>
    </message>
    <message>
      <source>the dataset has {rows}</source>
      <translation>der Datensatz hat {rows}</translation>
    </message>
    <message>
      <source>the dataset has {rows} as it should</source>
      <translation>der Datensatz hat {rows}, wie er soll</translation>
    </message>
    <message>
      <source>the dataset needs a column with the role target</source>
      <translation>der Datensatz braucht eine Spalte mit der Rolle Ziel</translation>
    </message>
    <message>
      <source>the dataset's targets need {count} but the network has {n_outputs}</source>
      <translation>die Ziele des Datensatzes brauchen {count}, aber das Netz hat {n_outputs}</translation>
    </message>
    <message>
      <source>the dataset: {problems}</source>
      <translation>der Datensatz: {problems}</translation>
    </message>
    <message>
      <source>the drawing holds a value that is not a number</source>
      <translation>die Zeichnung enthält einen Wert, der keine Zahl ist</translation>
    </message>
    <message>
      <source>the drawing is too large: {why}</source>
      <translation>die Zeichnung ist zu groß: {why}</translation>
    </message>
    <message>
      <source>the exported ONNX model did not pass onnx.checker: {exc}</source>
      <translation>das exportierte ONNX-Modell hat onnx.checker nicht bestanden: {exc}</translation>
    </message>
    <message>
      <source>the first layer's weights are {rows} x {columns}, got {got}</source>
      <translation>die Gewichte der ersten Schicht sind {rows} x {columns}, erhalten: {got}</translation>
    </message>
    <message>
      <source>the image's pixel column {name!r} holds text, not numbers</source>
      <translation>die Pixelspalte {name!r} des Bildes enthält Text, keine Zahlen</translation>
    </message>
    <message>
      <source>the image's pixel column {name!r} is computed; pixels must be plain columns</source>
      <translation>die Pixelspalte {name!r} des Bildes wird berechnet; Pixel müssen einfache Spalten sein</translation>
    </message>
    <message>
      <source>the image's pixel column {name!r} is not an input column</source>
      <translation>die Pixelspalte {name!r} des Bildes ist keine Eingabespalte</translation>
    </message>
    <message>
      <source>the image's pixel column {name!r} is not in the table</source>
      <translation>die Pixelspalte {name!r} des Bildes ist nicht in der Tabelle</translation>
    </message>
    <message>
      <source>the image's pixel {missing!r} is not an input of the network</source>
      <translation>das Pixel {missing!r} des Bildes ist keine Eingabe des Netzes</translation>
    </message>
    <message>
      <source>the image's pixel {name!r} is not an input of the network</source>
      <translation>das Pixel {name!r} des Bildes ist keine Eingabe des Netzes</translation>
    </message>
    <message>
      <source>the input column has no numbers</source>
      <translation>die Eingabespalte enthält keine Zahlen</translation>
    </message>
    <message>
      <source>the last epoch's {key}</source>
      <translation>{key} der letzten Epoche</translation>
    </message>
    <message>
      <source>the loss</source>
      <translation>der Verlust</translation>
    </message>
    <message>
      <source>the loss is large because {name} is in its own units ({low} to {high}) and is not normalized; --normalize z_score (or min_max) trains on normalized columns and keeps the normalization with the model, so predictions stay in raw units</source>
      <translation>der Verlust ist groß, weil {name} in eigenen Einheiten vorliegt ({low} bis {high}) und nicht normalisiert ist; --normalize z_score (oder min_max) trainiert auf normalisierten Spalten und speichert die Normalisierung mit dem Modell, sodass Vorhersagen in den Rohwerten bleiben</translation>
    </message>
    <message>
      <source>the model file NN Studio reads back (network, preprocessing, training settings)</source>
      <translation>die Modelldatei, die NN Studio wieder einliest (Netz, Vorverarbeitung, Trainingseinstellungen)</translation>
    </message>
    <message>
      <source>the network expects {width} {what} per row, the data has {got}</source>
      <translation>das Netz erwartet {width} {what} pro Zeile, die Daten haben {got}</translation>
    </message>
    <message>
      <source>the network has no layer {i} (it has {n})</source>
      <translation>das Netz hat keine Schicht {i} (es hat {n})</translation>
    </message>
    <message>
      <source>the network has {count} but the data has {count2}</source>
      <translation>das Netz hat {count}, aber die Daten haben {count2}</translation>
    </message>
    <message>
      <source>the network has {count} but the targets have shape {shape}</source>
      <translation>das Netz hat {count}, aber die Ziele haben die Form {shape}</translation>
    </message>
    <message>
      <source>the network is {shape} ({activations})</source>
      <translation>das Netz ist {shape} ({activations})</translation>
    </message>
    <message>
      <source>the network's inputs do not form an image</source>
      <translation>die Eingaben des Netzes bilden kein Bild</translation>
    </message>
    <message>
      <source>the network's inputs do not form an image, so there is nothing to draw</source>
      <translation>die Eingaben des Netzes bilden kein Bild, also gibt es nichts zu zeichnen</translation>
    </message>
    <message>
      <source>the network: {problems}</source>
      <translation>das Netz: {problems}</translation>
    </message>
    <message>
      <source>the new bias</source>
      <translation>der neue Bias</translation>
    </message>
    <message>
      <source>the new weight</source>
      <translation>das neue Gewicht</translation>
    </message>
    <message>
      <source>the output</source>
      <translation>die Ausgabe</translation>
    </message>
    <message>
      <source>the prediction for {inputs} is not a class (this network predicts numbers, or its output is not a finite number)</source>
      <translation>die Vorhersage für {inputs} ist keine Klasse (dieses Netz sagt Zahlen vorher, oder seine Ausgabe ist keine endliche Zahl)</translation>
    </message>
    <message>
      <source>the prediction for {inputs} is {name!r}</source>
      <translation>die Vorhersage für {inputs} ist {name!r}</translation>
    </message>
    <message>
      <source>the prediction for {inputs} is {name!r}; it should be {wanted!r}</source>
      <translation>die Vorhersage für {inputs} ist {name!r}; sie sollte {wanted!r} sein</translation>
    </message>
    <message>
      <source>the prediction for {inputs}: {exc}</source>
      <translation>die Vorhersage für {inputs}: {exc}</translation>
    </message>
    <message>
      <source>the project has no dataset</source>
      <translation>das Projekt hat keinen Datensatz</translation>
    </message>
    <message>
      <source>the step's loss</source>
      <translation>der Verlust des Schritts</translation>
    </message>
    <message>
      <source>the table is too large: {problem}</source>
      <translation>die Tabelle ist zu groß: {problem}</translation>
    </message>
    <message>
      <source>the table would be too large: {problem}</source>
      <translation>die Tabelle wäre zu groß: {problem}</translation>
    </message>
    <message>
      <source>the target needs {outputs} but the network has {have}</source>
      <translation>das Ziel braucht {outputs}, aber das Netz hat {have}</translation>
    </message>
    <message>
      <source>the training data changed since this run (other rows, values or normalization)</source>
      <translation>die Trainingsdaten haben sich seit diesem Lauf geändert (andere Zeilen, Werte oder Normalisierung)</translation>
    </message>
    <message>
      <source>the training history has no {key}</source>
      <translation>der Trainingsverlauf hat kein {key}</translation>
    </message>
    <message>
      <source>the two input features have no row with two numbers</source>
      <translation>die beiden Eingabemerkmale haben keine Zeile mit zwei Zahlen</translation>
    </message>
    <message>
      <source>the updated bias</source>
      <translation>der aktualisierte Bias</translation>
    </message>
    <message>
      <source>the updated weight</source>
      <translation>das aktualisierte Gewicht</translation>
    </message>
    <message>
      <source>the {what} contain NaN or infinite values</source>
      <translation>die {what} enthalten NaN oder unendliche Werte</translation>
    </message>
    <message>
      <source>there is already a column named {name!r}; choose another name</source>
      <translation>es gibt schon eine Spalte namens {name!r}; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
      <source>there is no dataset to normalize</source>
      <translation>es gibt keinen Datensatz zum Normalisieren</translation>
    </message>
    <message>
      <source>there is no dataset yet</source>
      <translation>es gibt noch keinen Datensatz</translation>
    </message>
    <message>
      <source>there is no layer {index}; the network has {count} layers</source>
      <translation>es gibt keine Schicht {index}; das Netz hat {count} Schichten</translation>
    </message>
    <message>
      <source>there is no neuron {unit} in that layer (it has {size})</source>
      <translation>in dieser Schicht gibt es kein Neuron {unit} (sie hat {size})</translation>
    </message>
    <message>
      <source>there is no target column named {target!r}; the columns are {names}</source>
      <translation>es gibt keine Zielspalte namens {target!r}; die Spalten sind {names}</translation>
    </message>
    <message>
      <source>there is no {what} {i} (there are {size})</source>
      <translation>{what} {i} gibt es nicht (es gibt {size})</translation>
    </message>
    <message>
      <source>there is no {what} {n} (there are {size})</source>
      <translation>{what} {n} gibt es nicht (es gibt {size})</translation>
    </message>
    <message>
      <source>there is no {what} {n} (there is 1)</source>
      <translation>{what} {n} gibt es nicht (es gibt nur 1)</translation>
    </message>
    <message>
      <source>this project has no dataset</source>
      <translation>dieses Projekt hat keinen Datensatz</translation>
    </message>
    <message>
      <source>this project has no dataset to fit the network to</source>
      <translation>dieses Projekt hat keinen Datensatz, an den das Netz angepasst werden kann</translation>
    </message>
    <message>
      <source>this project has no dataset; load or type one first</source>
      <translation>dieses Projekt hat keinen Datensatz; laden oder tippen Sie zuerst einen</translation>
    </message>
    <message>
      <source>this step has no phase {describe}</source>
      <translation>dieser Schritt hat keine Phase {describe}</translation>
    </message>
    <message>
      <source>training settings: {settings}</source>
      <translation>Trainingseinstellungen: {settings}</translation>
    </message>
    <message>
      <source>type your answer</source>
      <translation>geben Sie Ihre Antwort ein</translation>
    </message>
    <message>
      <source>unknown derived feature {op!r}; choose one of: {names}</source>
      <translation>unbekanntes abgeleitetes Merkmal {op!r}; wählen Sie eines von: {names}</translation>
    </message>
    <message>
      <source>unknown {kind} {key!r}; choose one of: {names}</source>
      <translation>unbekannt als {kind}: {key!r}; zur Wahl stehen: {names}</translation>
    </message>
    <message>
      <source>update</source>
      <translation>Aktualisierung</translation>
    </message>
    <message>
      <source>validation_split leaves no rows for training</source>
      <translation>validation_split lässt keine Zeilen für das Training übrig</translation>
    </message>
    <message>
      <source>validation_split must be in [0, 1), got {validation_split}</source>
      <translation>validation_split muss in [0, 1) liegen, erhalten: {validation_split}</translation>
    </message>
    <message>
      <source>version: this lesson is version {version}, written for a newer NN Studio; this one reads up to version {LESSON_VERSION}</source>
      <translation>version: diese Lektion hat Version {version}, geschrieben für ein neueres NN Studio; dieses liest bis Version {LESSON_VERSION}</translation>
    </message>
    <message>
      <source>weight</source>
      <translation>Gewicht</translation>
    </message>
    <message>
      <source>weights and biases</source>
      <translation>Gewichte und Biases</translation>
    </message>
    <message>
      <source>weights must be fan_in x {units}, got shape {shape}</source>
      <translation>die Gewichte müssen fan_in x {units} sein, erhalten: Form {shape}</translation>
    </message>
    <message>
      <source>width</source>
      <translation>die Breite</translation>
    </message>
    <message>
      <source>z (total input)</source>
      <translation>z (Gesamteingabe)</translation>
    </message>
    <message>
      <source>{answer} is not right yet</source>
      <translation>{answer} stimmt noch nicht</translation>
    </message>
    <message>
      <source>{answer} is right</source>
      <translation>{answer} ist richtig</translation>
    </message>
    <message>
      <source>{count:,} {what} (the limit is {limit:,})</source>
      <translation>{count:,} {what} (die Grenze ist {limit:,})</translation>
    </message>
    <message>
      <source>{format_path}: the number is too large</source>
      <translation>{format_path}: die Zahl ist zu groß</translation>
    </message>
    <message>
      <source>{format} export needs the {package!r} package, which this build of NN Studio does not include; export with the pip-installed nnstudio instead ({hint})</source>
      <translation>Der Export als {format} braucht das Paket {package!r}, das dieser Build von NN Studio nicht enthält; exportieren Sie stattdessen mit dem per pip installierten nnstudio ({hint})</translation>
    </message>
    <message>
      <source>{format} export needs the {package!r} package; {hint}</source>
      <translation>Der Export als {format} braucht das Paket {package!r}; {hint}</translation>
    </message>
    <message>
      <source>{here}.name: two columns are named {col!r}</source>
      <translation>{here}.name: zwei Spalten heißen {col!r}</translation>
    </message>
    <message>
      <source>{here}.{key}: expected up to 32 hexadecimal digits</source>
      <translation>{here}.{key}: bis zu 32 Hexadezimalziffern erwartet</translation>
    </message>
    <message>
      <source>{here}: expected a PCG64 generator state</source>
      <translation>{here}: Zustand eines PCG64-Generators erwartet</translation>
    </message>
    <message>
      <source>{inputs} input rows but {targets} target rows</source>
      <translation>{inputs} Eingabezeilen, aber {targets} Zielzeilen</translation>
    </message>
    <message>
      <source>{kind} {key!r} has no parameter {name!r} (allowed: {allowed})</source>
      <translation>{kind} {key!r} hat keinen Parameter {name!r} (erlaubt: {allowed})</translation>
    </message>
    <message>
      <source>{kind} {key!r} parameter {name!r} must be a finite number, got {value!r}</source>
      <translation>{kind} {key!r}: der Parameter {name!r} muss eine endliche Zahl sein, erhalten: {value!r}</translation>
    </message>
    <message>
      <source>{label} in {bands} bands</source>
      <translation>{label} in {bands} Stufen</translation>
    </message>
    <message>
      <source>{label} trained no epoch, so there is no run to keep</source>
      <translation>{label} hat keine Epoche trainiert, also gibt es keinen Lauf zum Behalten</translation>
    </message>
    <message>
      <source>{label}: choose SGD, RMSprop, Adagrad or Adam</source>
      <translation>{label}: wählen Sie SGD, RMSprop, Adagrad oder Adam</translation>
    </message>
    <message>
      <source>{layers} layers need {layers} activations, got {count}</source>
      <translation>{layers} Schichten brauchen {layers} Aktivierungen, erhalten: {count}</translation>
    </message>
    <message>
      <source>{length:,} characters long (the limit is {limit:,})</source>
      <translation>{length:,} Zeichen lang (die Grenze ist {limit:,})</translation>
    </message>
    <message>
      <source>{name!r}, which is computed too</source>
      <translation>{name!r}, das selbst berechnet wird</translation>
    </message>
    <message>
      <source>{names} are computed from {name}, so it must hold numbers; remove {first} first</source>
      <translation>{names} werden aus {name} berechnet, also muss sie Zahlen enthalten; entfernen Sie zuerst {first}</translation>
    </message>
    <message>
      <source>{names} is computed from {name}, so it must hold numbers; remove {first} first</source>
      <translation>{names} wird aus {name} berechnet, also muss sie Zahlen enthalten; entfernen Sie zuerst {first}</translation>
    </message>
    <message>
      <source>{name} = {formula} over {n} samples{extra} = {total}</source>
      <translation>{name} = {formula} über {n} Stichproben{extra} = {total}</translation>
    </message>
    <message>
      <source>{name} cannot be replayed: {problem}.</source>
      <translation>{name} kann nicht wiedergegeben werden: {problem}.</translation>
    </message>
    <message>
      <source>{name} is computed from {sources}; edit {choices} instead</source>
      <translation>{name} wird aus {sources} berechnet; bearbeiten Sie stattdessen {choices}</translation>
    </message>
    <message>
      <source>{name} is computed, so it holds numbers</source>
      <translation>{name} wird berechnet, also enthält sie Zahlen</translation>
    </message>
    <message>
      <source>{name} must be a finite number, got {value!r}</source>
      <translation>{name} muss eine endliche Zahl sein, erhalten: {value!r}</translation>
    </message>
    <message>
      <source>{name} must be a number of at least 0, got {value!r}</source>
      <translation>{name} muss eine Zahl von mindestens 0 sein, erhalten: {value!r}</translation>
    </message>
    <message>
      <source>{name} must be a whole number of at least {minimum}, got {value!r}</source>
      <translation>{name} muss eine ganze Zahl von mindestens {minimum} sein, erhalten: {value!r}</translation>
    </message>
    <message>
      <source>{name} must be in [0, 1), got {resolved}</source>
      <translation>{name} muss in [0, 1) liegen, erhalten: {resolved}</translation>
    </message>
    <message>
      <source>{name} trained epochs {start_epoch} to {end_epoch}; there is no epoch {epoch} in it</source>
      <translation>{name} hat die Epochen {start_epoch} bis {end_epoch} trainiert; Epoche {epoch} ist nicht darin</translation>
    </message>
    <message>
      <source>{name}: a column name in the header row is longer than {max_name} characters</source>
      <translation>{name}: ein Spaltenname in der Kopfzeile ist länger als {max_name} Zeichen</translation>
    </message>
    <message>
      <source>{name}: a line is longer than {millions} million characters</source>
      <translation>{name}: eine Zeile ist länger als {millions} Millionen Zeichen</translation>
    </message>
    <message>
      <source>{name}: a setting changed while epoch {epoch} was near, and the checkpoint of that moment was not kept, so this epoch cannot be replayed exactly</source>
      <translation>{name}: eine Einstellung hat sich um Epoche {epoch} herum geändert, und der Prüfpunkt dieses Moments wurde nicht behalten, daher kann diese Epoche nicht exakt wiedergegeben werden</translation>
    </message>
    <message>
      <source>{name}: column {column} ({column_name!r}) must hold numbers, got text such as {first!r}</source>
      <translation>{name}: Spalte {column} ({column_name!r}) muss Zahlen enthalten, erhalten: Text wie {first!r}</translation>
    </message>
    <message>
      <source>{name}: column {column} has no name in the header row</source>
      <translation>{name}: Spalte {column} hat keinen Namen in der Kopfzeile</translation>
    </message>
    <message>
      <source>{name}: its first checkpoint was not kept, so it cannot be replayed</source>
      <translation>{name}: sein erster Prüfpunkt wurde nicht behalten, daher kann er nicht wiedergegeben werden</translation>
    </message>
    <message>
      <source>{name}: its optimizer state at epoch {epoch} does not fit its settings</source>
      <translation>{name}: sein Optimiererzustand in Epoche {epoch} passt nicht zu seinen Einstellungen</translation>
    </message>
    <message>
      <source>{name}: no checkpoint before epoch {epoch} was kept, so it cannot be replayed</source>
      <translation>{name}: vor Epoche {epoch} wurde kein Prüfpunkt behalten, daher kann er nicht wiedergegeben werden</translation>
    </message>
    <message>
      <source>{name}: no column named {names}</source>
      <translation>{name}: keine Spalte namens {names}</translation>
    </message>
    <message>
      <source>{name}: no data arrived for {read_idle_seconds:g} seconds; save the data to a file and open that</source>
      <translation>{name}: {read_idle_seconds:g} Sekunden lang kamen keine Daten an; speichern Sie die Daten in einer Datei und öffnen Sie diese</translation>
    </message>
    <message>
      <source>{name}: not UTF-8 text (byte {byte}); save the file as UTF-8</source>
      <translation>{name}: kein UTF-8-Text (Byte {byte}); speichern Sie die Datei als UTF-8</translation>
    </message>
    <message>
      <source>{name}: not a readable CSV file: {exc}</source>
      <translation>{name}: keine lesbare CSV-Datei: {exc}</translation>
    </message>
    <message>
      <source>{name}: repeated column name(s) in the header: {names}</source>
      <translation>{name}: wiederholte Spaltennamen in der Kopfzeile: {names}</translation>
    </message>
    <message>
      <source>{name}: row {row} (line {line_num}) has {count} fields but the header has {width}</source>
      <translation>{name}: Zeile {row} (Dateizeile {line_num}) hat {count} Felder, aber die Kopfzeile hat {width}</translation>
    </message>
    <message>
      <source>{name}: row {row} (line {line_num}): a cell is longer than {field_size_limit:,} characters</source>
      <translation>{name}: Zeile {row} (Dateizeile {line_num}): eine Zelle ist länger als {field_size_limit:,} Zeichen</translation>
    </message>
    <message>
      <source>{name}: row {row}, column {column} ({column_name!r})</source>
      <translation>{name}: Zeile {row}, Spalte {column} ({column_name!r})</translation>
    </message>
    <message>
      <source>{name}: row {row}, column {column} ({header!r})</source>
      <translation>{name}: Zeile {row}, Spalte {column} ({header!r})</translation>
    </message>
    <message>
      <source>{name}: row {row}, column {column} ({header!r}) is empty</source>
      <translation>{name}: Zeile {row}, Spalte {column} ({header!r}) ist leer</translation>
    </message>
    <message>
      <source>{name}: still sending after {read_total_seconds:g} seconds; save the data to a file and open that</source>
      <translation>{name}: sendet nach {read_total_seconds:g} Sekunden immer noch; speichern Sie die Daten in einer Datei und öffnen Sie diese</translation>
    </message>
    <message>
      <source>{name}: the checkpoint where a setting changed (epoch {stretch_end}) was not kept</source>
      <translation>{name}: der Prüfpunkt, an dem sich eine Einstellung änderte (Epoche {stretch_end}), wurde nicht behalten</translation>
    </message>
    <message>
      <source>{name}: the data has only the model's input columns; add a target column named {names} (or one column of class labels)</source>
      <translation>{name}: die Daten haben nur die Eingabespalten des Modells; fügen Sie eine Zielspalte namens {names} hinzu (oder eine Spalte mit Klassenbezeichnungen)</translation>
    </message>
    <message>
      <source>{name}: the file has a header but no data rows</source>
      <translation>{name}: die Datei hat eine Kopfzeile, aber keine Datenzeilen</translation>
    </message>
    <message>
      <source>{name}: the file is empty or has no header row</source>
      <translation>{name}: die Datei ist leer oder hat keine Kopfzeile</translation>
    </message>
    <message>
      <source>{name}: the header row is not readable: {exc}</source>
      <translation>{name}: die Kopfzeile ist nicht lesbar: {exc}</translation>
    </message>
    <message>
      <source>{name}: the header row is too long (the column names of a table take at most {MAX_HEADER_CHARS:,} characters)</source>
      <translation>{name}: die Kopfzeile ist zu lang (die Spaltennamen einer Tabelle umfassen höchstens {MAX_HEADER_CHARS:,} Zeichen)</translation>
    </message>
    <message>
      <source>{name}: the name of column {column} is {why}</source>
      <translation>{name}: der Name der Spalte {column} ist {why}</translation>
    </message>
    <message>
      <source>{name}: too large (more than {limit}, the limit)</source>
      <translation>{name}: zu groß (mehr als {limit}, die Grenze)</translation>
    </message>
    <message>
      <source>{name}: too large ({size}; the limit is {limit})</source>
      <translation>{name}: zu groß ({size}; die Grenze ist {limit})</translation>
    </message>
    <message>
      <source>{name}: too large: {table_problem}</source>
      <translation>{name}: zu groß: {table_problem}</translation>
    </message>
    <message>
      <source>{name}: too many columns: {count:,} (the limit is {max_columns:,})</source>
      <translation>{name}: zu viele Spalten: {count:,} (die Grenze ist {max_columns:,})</translation>
    </message>
    <message>
      <source>{name}: too many lines ({lines:,}; the limit is {max_csv_lines:,}, for at most {max_rows:,} rows)</source>
      <translation>{name}: zu viele Zeilen ({lines:,}; die Grenze ist {max_csv_lines:,}, für höchstens {max_rows:,} Datenzeilen)</translation>
    </message>
    <message>
      <source>{op} needs {arity} source column name(s), got {sources!r}</source>
      <translation>{op} braucht {arity} Quellspaltennamen, erhalten: {sources!r}</translation>
    </message>
    <message>
      <source>{path}: cannot read: {reason}</source>
      <translation>{path}: kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
      <source>{path}: is a folder, not a file</source>
      <translation>{path}: ist ein Ordner, keine Datei</translation>
    </message>
    <message>
      <source>{path}: no data came through this pipe (is anything writing to it?)</source>
      <translation>{path}: durch diese Pipe kamen keine Daten (schreibt etwas hinein?)</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path}: keine solche Datei</translation>
    </message>
    <message>
      <source>{phase} through layer {layer}</source>
      <translation>{phase} durch Schicht {layer}</translation>
    </message>
    <message>
      <source>{problem} (and {more} more)</source>
      <translation>{problem} (und {more} weitere)</translation>
    </message>
    <message>
      <source>{p}outputs: the last layer has {fan_in} units but {count} output names are given</source>
      <translation>{p}outputs: die letzte Schicht hat {fan_in} Einheiten, aber {count} Ausgabenamen sind angegeben</translation>
    </message>
    <message>
      <source>{p}preprocessing.classes: expected {n_out} class names, got {count}</source>
      <translation>{p}preprocessing.classes: {n_out} Klassennamen erwartet, erhalten: {count}</translation>
    </message>
    <message>
      <source>{p}preprocessing.{key}: expected {n} entries, got {count}</source>
      <translation>{p}preprocessing.{key}: {n} Einträge erwartet, erhalten: {count}</translation>
    </message>
    <message>
      <source>{p}preprocessing.{key}[{i}]: contains a value too large to represent</source>
      <translation>{p}preprocessing.{key}[{i}]: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{p}training.loss: unknown loss {data!r}; choose one of: {names}</source>
      <translation>{p}training.loss: unbekannter Verlust {data!r}; wählen Sie einen von: {names}</translation>
    </message>
    <message>
      <source>{p}training.target_loss: contains a value too large to represent</source>
      <translation>{p}training.target_loss: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{relative!r}: no such file beside the lesson</source>
      <translation>{relative!r}: keine solche Datei neben der Lektion</translation>
    </message>
    <message>
      <source>{relative!r}: only files inside the lesson's folder can be shown</source>
      <translation>{relative!r}: nur Dateien im Ordner der Lektion können gezeigt werden</translation>
    </message>
    <message>
      <source>{relative!r}: too large to show</source>
      <translation>{relative!r}: zu groß zum Anzeigen</translation>
    </message>
    <message>
      <source>{source}: a number with too many digits is too long</source>
      <translation>{source}: eine Zahl mit zu vielen Ziffern ist zu lang</translation>
    </message>
    <message>
      <source>{source}: a number with {digits} digits is too long</source>
      <translation>{source}: eine Zahl mit {digits} Ziffern ist zu lang</translation>
    </message>
    <message>
      <source>{source}: cannot tell which column is the target: it could be {names}; choose one</source>
      <translation>{source}: es ist nicht erkennbar, welche Spalte das Ziel ist: es könnte {names} sein; wählen Sie eine</translation>
    </message>
    <message>
      <source>{source}: expected a JSON object with a "format" field, got {kind}</source>
      <translation>{source}: ein JSON-Objekt mit einem Feld "format" erwartet, erhalten: {kind}</translation>
    </message>
    <message>
      <source>{source}: format: expected {MODEL_FORMAT!r} or {PROJECT_FORMAT!r}, got {fmt!r}</source>
      <translation>{source}: format: {MODEL_FORMAT!r} oder {PROJECT_FORMAT!r} erwartet, erhalten: {fmt!r}</translation>
    </message>
    <message>
      <source>{source}: nested too deeply</source>
      <translation>{source}: zu tief verschachtelt</translation>
    </message>
    <message>
      <source>{source}: nested too deeply (more than {depth} levels)</source>
      <translation>{source}: zu tief verschachtelt (mehr als {depth} Ebenen)</translation>
    </message>
    <message>
      <source>{source}: not UTF-8 text (byte {start})</source>
      <translation>{source}: kein UTF-8-Text (Byte {start})</translation>
    </message>
    <message>
      <source>{source}: not valid JSON: {msg} at line {lineno}, column {colno}</source>
      <translation>{source}: kein gültiges JSON: {msg} in Zeile {lineno}, Spalte {colno}</translation>
    </message>
    <message>
      <source>{source}: the file is empty</source>
      <translation>{source}: die Datei ist leer</translation>
    </message>
    <message>
      <source>{source}: the key {key!r} appears twice in one object; keep one of them</source>
      <translation>{source}: der Schlüssel {key!r} kommt in einem Objekt zweimal vor; behalten Sie einen davon</translation>
    </message>
    <message>
      <source>{source}: too large ({size:,} bytes; the limit is {limit} MB)</source>
      <translation>{source}: zu groß ({size:,} Bytes; die Grenze ist {limit} MB)</translation>
    </message>
    <message>
      <source>{source}: too many JSON objects (more than {objects:,}); an NN Studio file has a few per layer, input and column</source>
      <translation>{source}: zu viele JSON-Objekte (mehr als {objects:,}); eine NN-Studio-Datei hat einige pro Schicht, Eingabe und Spalte</translation>
    </message>
    <message>
      <source>{source}: too many values (more than {values:,} numbers, names and lists); NN Studio files are smaller</source>
      <translation>{source}: zu viele Werte (mehr als {values:,} Zahlen, Namen und Listen); NN-Studio-Dateien sind kleiner</translation>
    </message>
    <message>
      <source>{source}: {constant} at line {line}, column {column} is not allowed in NN Studio files (numbers must be finite)</source>
      <translation>{source}: {constant} in Zeile {line}, Spalte {column} ist in NN-Studio-Dateien nicht erlaubt (Zahlen müssen endlich sein)</translation>
    </message>
    <message>
      <source>{source}: {constant} is not allowed in NN Studio files (numbers must be finite)</source>
      <translation>{source}: {constant} ist in NN-Studio-Dateien nicht erlaubt (Zahlen müssen endlich sein)</translation>
    </message>
    <message>
      <source>{target!r} is an input of the model, so it cannot be the target</source>
      <translation>{target!r} ist eine Eingabe des Modells, also kann es nicht das Ziel sein</translation>
    </message>
    <message>
      <source>{text!r} is not a number</source>
      <translation>{text!r} ist keine Zahl</translation>
    </message>
    <message>
      <source>{title}: a step names the file {file!r} but the lesson has no folder</source>
      <translation>{title}: ein Schritt nennt die Datei {file!r}, aber die Lektion hat keinen Ordner</translation>
    </message>
    <message>
      <source>{title}: the lesson's file {file!r} is missing</source>
      <translation>{title}: die Datei {file!r} der Lektion fehlt</translation>
    </message>
    <message>
      <source>{what} cannot be computed from {name}, which is computed itself; use {names} instead</source>
      <translation>{what} kann nicht aus {name} berechnet werden, das selbst berechnet wird; verwenden Sie stattdessen {names}</translation>
    </message>
    <message>
      <source>{what} is computed from {name!r}, but there is no column of that name; the columns are: {names}</source>
      <translation>{what} wird aus {name!r} berechnet, aber es gibt keine Spalte dieses Namens; die Spalten sind: {names}</translation>
    </message>
    <message>
      <source>{what} is not a finite number</source>
      <translation>{what} ist keine endliche Zahl</translation>
    </message>
    <message>
      <source>{what} is {actual}</source>
      <translation>{what} ist {actual}</translation>
    </message>
    <message>
      <source>{what} is {actual}; it should be {wanted}</source>
      <translation>{what} ist {actual}; es sollte {wanted} sein</translation>
    </message>
    <message>
      <source>{what} must be a whole number from 1 to {limit:,}, got {units!r}</source>
      <translation>{what} muss eine ganze Zahl von 1 bis {limit:,} sein, erhalten: {units!r}</translation>
    </message>
    <message>
      <source>{what} needs numbers, but {name} holds class labels</source>
      <translation>{what} braucht Zahlen, aber {name} enthält Klassenbezeichnungen</translation>
    </message>
    <message>
      <source>{where}.activations: one per layer after the inputs ({layers}), got {count}</source>
      <translation>{where}.activations: eine pro Schicht nach den Eingaben ({layers}), erhalten: {count}</translation>
    </message>
    <message>
      <source>{where}.best_val_loss: expected a number or null</source>
      <translation>{where}.best_val_loss: Zahl oder null erwartet</translation>
    </message>
    <message>
      <source>{where}.bias: expected {units} values, got {count}</source>
      <translation>{where}.bias: {units} Werte erwartet, erhalten: {count}</translation>
    </message>
    <message>
      <source>{where}.bias: the layer has use_bias false, so its bias must be all zeros</source>
      <translation>{where}.bias: die Schicht hat use_bias false, also muss ihr Bias aus lauter Nullen bestehen</translation>
    </message>
    <message>
      <source>{where}.checks: two quizzes have the id {repeated!r}; give each its own</source>
      <translation>{where}.checks: zwei Quizfragen haben die id {repeated!r}; geben Sie jeder eine eigene</translation>
    </message>
    <message>
      <source>{where}.columns: all columns need the same number of rows, got {lengths}</source>
      <translation>{where}.columns: alle Spalten brauchen gleich viele Zeilen, erhalten: {lengths}</translation>
    </message>
    <message>
      <source>{where}.columns: every column needs the same number of rows, got {lengths}</source>
      <translation>{where}.columns: jede Spalte braucht gleich viele Zeilen, erhalten: {lengths}</translation>
    </message>
    <message>
      <source>{where}.columns: more than {max_cells:,} cells</source>
      <translation>{where}.columns: mehr als {max_cells:,} Zellen</translation>
    </message>
    <message>
      <source>{where}.columns: one column needs "role": "target"</source>
      <translation>{where}.columns: eine Spalte braucht "role": "target"</translation>
    </message>
    <message>
      <source>{where}.columns[{i}]: {shown!r} is not one of the {what}</source>
      <translation>{where}.columns[{i}]: {shown!r} gehört nicht zu den {what}</translation>
    </message>
    <message>
      <source>{where}.dtype: expected 'float64' or 'float32'</source>
      <translation>{where}.dtype: 'float64' oder 'float32' erwartet</translation>
    </message>
    <message>
      <source>{where}.dtype: expected 'float64' or 'float32', got {dtype!r}</source>
      <translation>{where}.dtype: 'float64' oder 'float32' erwartet, erhalten: {dtype!r}</translation>
    </message>
    <message>
      <source>{where}.embedded: the lesson has no project named {spec!r} (its projects: {known})</source>
      <translation>{where}.embedded: die Lektion hat kein Projekt namens {spec!r} (ihre Projekte: {known})</translation>
    </message>
    <message>
      <source>{where}.epoch: epoch numbers must increase</source>
      <translation>{where}.epoch: Epochennummern müssen steigen</translation>
    </message>
    <message>
      <source>{where}.epochs: epochs must increase, got {epoch} after {last}</source>
      <translation>{where}.epochs: Epochen müssen steigen, erhalten: {epoch} nach {last}</translation>
    </message>
    <message>
      <source>{where}.epochs: expected a list of at most {MAX_CHECKPOINTS} epochs</source>
      <translation>{where}.epochs: Liste mit höchstens {MAX_CHECKPOINTS} Epochen erwartet</translation>
    </message>
    <message>
      <source>{where}.example: no example named {spec!r}; the examples are {names}</source>
      <translation>{where}.example: kein Beispiel namens {spec!r}; die Beispiele sind {names}</translation>
    </message>
    <message>
      <source>{where}.file: {spec!r} must be a path inside the lesson's folder, written with / (for example "data/start.nnstudio")</source>
      <translation>{where}.file: {spec!r} muss ein Pfad im Ordner der Lektion sein, mit / geschrieben (zum Beispiel "data/start.nnstudio")</translation>
    </message>
    <message>
      <source>{where}.fingerprint: expected 64 hexadecimal digits</source>
      <translation>{where}.fingerprint: 64 Hexadezimalziffern erwartet</translation>
    </message>
    <message>
      <source>{where}.head: expected an object or null</source>
      <translation>{where}.head: Objekt oder null erwartet</translation>
    </message>
    <message>
      <source>{where}.layer: only the forward and backward phases go through a layer</source>
      <translation>{where}.layer: nur die Vorwärts- und Rückwärtsphasen laufen durch eine Schicht</translation>
    </message>
    <message>
      <source>{where}.layers: expected 1 to {MAX_LAYERS} layers</source>
      <translation>{where}.layers: 1 bis {MAX_LAYERS} Schichten erwartet</translation>
    </message>
    <message>
      <source>{where}.layers: {parameters:,} weights and biases (the limit is {MAX_PARAMETERS:,})</source>
      <translation>{where}.layers: {parameters:,} Gewichte und Biases (die Grenze ist {MAX_PARAMETERS:,})</translation>
    </message>
    <message>
      <source>{where}.layers[{i}]: expected a layer's settings</source>
      <translation>{where}.layers[{i}]: Einstellungen einer Schicht erwartet</translation>
    </message>
    <message>
      <source>{where}.name: expected text of at most {MAX_NAME} characters</source>
      <translation>{where}.name: Text mit höchstens {MAX_NAME} Zeichen erwartet</translation>
    </message>
    <message>
      <source>{where}.optimizer: unknown optimizer {name!r}</source>
      <translation>{where}.optimizer: unbekannter Optimierer {name!r}</translation>
    </message>
    <message>
      <source>{where}.optimizer: unknown optimizer {optimizer!r}</source>
      <translation>{where}.optimizer: unbekannter Optimierer {optimizer!r}</translation>
    </message>
    <message>
      <source>{where}.optimizer_params: expected an object of numbers</source>
      <translation>{where}.optimizer_params: Objekt aus Zahlen erwartet</translation>
    </message>
    <message>
      <source>{where}.parameters: the optimizer state is for {parameters} parameters, the network has {flat_size}</source>
      <translation>{where}.parameters: der Optimiererzustand gilt für {parameters} Parameter, das Netz hat {flat_size}</translation>
    </message>
    <message>
      <source>{where}.pinned: expected epochs of the list 'epochs'</source>
      <translation>{where}.pinned: Epochen aus der Liste 'epochs' erwartet</translation>
    </message>
    <message>
      <source>{where}.runs: {count:,} runs (the limit is {MAX_RUNS:,})</source>
      <translation>{where}.runs: {count:,} Läufe (die Grenze ist {MAX_RUNS:,})</translation>
    </message>
    <message>
      <source>{where}.runs[{i}].id: run {id} appears twice</source>
      <translation>{where}.runs[{i}].id: Lauf {id} kommt zweimal vor</translation>
    </message>
    <message>
      <source>{where}.shuffle[{i}]: expected [state, inc, has_uint32, uinteger] or null</source>
      <translation>{where}.shuffle[{i}]: [state, inc, has_uint32, uinteger] oder null erwartet</translation>
    </message>
    <message>
      <source>{where}.slots: expected an object with at most {MAX_SLOTS} entries</source>
      <translation>{where}.slots: Objekt mit höchstens {MAX_SLOTS} Einträgen erwartet</translation>
    </message>
    <message>
      <source>{where}.slots: {name!r} is not a slot name</source>
      <translation>{where}.slots: {name!r} ist kein Slot-Name</translation>
    </message>
    <message>
      <source>{where}.table: no built-in table named {key!r}; the tables are {names}</source>
      <translation>{where}.table: keine eingebaute Tabelle namens {key!r}; die Tabellen sind {names}</translation>
    </message>
    <message>
      <source>{where}.weights: expected rows of numbers, one row per input of the layer</source>
      <translation>{where}.weights: Zeilen aus Zahlen erwartet, eine Zeile pro Eingabe der Schicht</translation>
    </message>
    <message>
      <source>{where}.weights[{i}]: contains a value too large to represent</source>
      <translation>{where}.weights[{i}]: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{where}.{key}: expected a list of {n} items, one per epoch</source>
      <translation>{where}.{key}: Liste mit {n} Einträgen erwartet, einer pro Epoche</translation>
    </message>
    <message>
      <source>{where}.{key}: expected the cell's text, got {json_kind}</source>
      <translation>{where}.{key}: Text der Zelle erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}.{key}: more than {MAX_RUN_HISTORY_POINTS:,} rows</source>
      <translation>{where}.{key}: mehr als {MAX_RUN_HISTORY_POINTS:,} Zeilen</translation>
    </message>
    <message>
      <source>{where}.{key}: row {key} holds a number, so it cannot be a bad cell</source>
      <translation>{where}.{key}: Zeile {key} enthält eine Zahl, also kann sie keine ungültige Zelle sein</translation>
    </message>
    <message>
      <source>{where}.{name}: contains a value too large to represent</source>
      <translation>{where}.{name}: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{where}: a metric name is too long</source>
      <translation>{where}: ein Metrikname ist zu lang</translation>
    </message>
    <message>
      <source>{where}: a prediction check takes either class or a comparison of one output</source>
      <translation>{where}: eine Vorhersageprüfung nimmt entweder class oder einen Vergleich einer Ausgabe</translation>
    </message>
    <message>
      <source>{where}: a step is on one row or on one mini-batch, not both</source>
      <translation>{where}: ein Schritt läuft auf einer Zeile oder auf einem Mini-Batch, nicht auf beidem</translation>
    </message>
    <message>
      <source>{where}: a tolerance goes with equals</source>
      <translation>{where}: eine Toleranz gehört zu equals</translation>
    </message>
    <message>
      <source>{where}: a {kind} check needs equals, below, at_most, above or at_least</source>
      <translation>{where}: eine Prüfung {kind} braucht equals, below, at_most, above oder at_least</translation>
    </message>
    <message>
      <source>{where}: all columns need the same length</source>
      <translation>{where}: alle Spalten brauchen dieselbe Länge</translation>
    </message>
    <message>
      <source>{where}: contains a value too large to represent</source>
      <translation>{where}: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{where}: expected a JSON object, got {kind}</source>
      <translation>{where}: JSON-Objekt erwartet, erhalten: {kind}</translation>
    </message>
    <message>
      <source>{where}: expected a list of at most {MAX_RUN_CHANGES:,} changes</source>
      <translation>{where}: Liste mit höchstens {MAX_RUN_CHANGES:,} Änderungen erwartet</translation>
    </message>
    <message>
      <source>{where}: expected a list of numbers, got {json_kind}</source>
      <translation>{where}: Liste von Zahlen erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}: expected a list of rows of numbers, got {json_kind}</source>
      <translation>{where}: Liste von Zeilen aus Zahlen erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}: expected a list of text, got {json_kind}</source>
      <translation>{where}: Liste von Texten erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}: expected a list of {length} numbers, got {count}</source>
      <translation>{where}: Liste mit {length} Zahlen erwartet, erhalten: {count}</translation>
    </message>
    <message>
      <source>{where}: expected a number of at least 0</source>
      <translation>{where}: Zahl von mindestens 0 erwartet</translation>
    </message>
    <message>
      <source>{where}: expected a whole number from {minimum} to {maximum}, got {value!r}</source>
      <translation>{where}: ganze Zahl von {minimum} bis {maximum} erwartet, erhalten: {value!r}</translation>
    </message>
    <message>
      <source>{where}: expected an object</source>
      <translation>{where}: Objekt erwartet</translation>
    </message>
    <message>
      <source>{where}: expected an object of at most {MAX_HISTORY_METRICS} metric lists with 'epoch'</source>
      <translation>{where}: Objekt mit höchstens {MAX_HISTORY_METRICS} Metriklisten mit 'epoch' erwartet</translation>
    </message>
    <message>
      <source>{where}: expected an object with 'inputs', 'dtype' and 'layers'</source>
      <translation>{where}: Objekt mit 'inputs', 'dtype' und 'layers' erwartet</translation>
    </message>
    <message>
      <source>{where}: expected an object with a list 'runs'</source>
      <translation>{where}: Objekt mit einer Liste 'runs' erwartet</translation>
    </message>
    <message>
      <source>{where}: expected lists 'epochs' and 'weights' of the same length</source>
      <translation>{where}: Listen 'epochs' und 'weights' gleicher Länge erwartet</translation>
    </message>
    <message>
      <source>{where}: expected text of at most {MAX_NAME} characters</source>
      <translation>{where}: Text mit höchstens {MAX_NAME} Zeichen erwartet</translation>
    </message>
    <message>
      <source>{where}: expected {rows} x {cols}, got {shape}</source>
      <translation>{where}: {rows} x {cols} erwartet, erhalten: {shape}</translation>
    </message>
    <message>
      <source>{where}: expected {wanted} entries (one per input), got {got}</source>
      <translation>{where}: {wanted} Einträge erwartet (einer pro Eingabe), erhalten: {got}</translation>
    </message>
    <message>
      <source>{where}: give a built-in table or columns</source>
      <translation>{where}: geben Sie eine eingebaute Tabelle oder Spalten an</translation>
    </message>
    <message>
      <source>{where}: give epochs or until_epoch, not both</source>
      <translation>{where}: geben Sie epochs oder until_epoch an, nicht beides</translation>
    </message>
    <message>
      <source>{where}: give tolerance or relative_tolerance, not both</source>
      <translation>{where}: geben Sie tolerance oder relative_tolerance an, nicht beides</translation>
    </message>
    <message>
      <source>{where}: is empty</source>
      <translation>{where}: ist leer</translation>
    </message>
    <message>
      <source>{where}: missing {names}</source>
      <translation>{where}: es fehlt {names}</translation>
    </message>
    <message>
      <source>{where}: more than {MAX_RUN_CHANGES:,} changes</source>
      <translation>{where}: mehr als {MAX_RUN_CHANGES:,} Änderungen</translation>
    </message>
    <message>
      <source>{where}: the change from epoch {epoch}: {exc}</source>
      <translation>{where}: die Änderung ab Epoche {epoch}: {exc}</translation>
    </message>
    <message>
      <source>{where}: the checkpoints hold {numbers:,} numbers (the limit is {RUN_CHECKPOINT_NUMBERS:,})</source>
      <translation>{where}: die Prüfpunkte enthalten {numbers:,} Zahlen (die Grenze ist {RUN_CHECKPOINT_NUMBERS:,})</translation>
    </message>
    <message>
      <source>{where}: the runs' curves hold {numbers:,} numbers (the limit is {RUN_HISTORY_NUMBERS:,})</source>
      <translation>{where}: die Kurven der Läufe enthalten {numbers:,} Zahlen (die Grenze ist {RUN_HISTORY_NUMBERS:,})</translation>
    </message>
    <message>
      <source>{where}: too many snapshots ({count} of {size} weights each)</source>
      <translation>{where}: zu viele Schnappschüsse ({count} mit je {size} Gewichten)</translation>
    </message>
    <message>
      <source>{where}: unknown setting {unknown!r}</source>
      <translation>{where}: unbekannte Einstellung {unknown!r}</translation>
    </message>
    <message>
      <source>{where}: unknown {kind} {key!r}; choose one of: {choices}</source>
      <translation>{where}: unbekannt als {kind}: {key!r}; zur Wahl stehen: {choices}</translation>
    </message>
    <message>
      <source>{where}: {names} cannot be both shown and hidden</source>
      <translation>{where}: {names} kann nicht zugleich gezeigt und verborgen werden</translation>
    </message>
    <message>
      <source>{where}: {shown!r} is not a row of this column</source>
      <translation>{where}: {shown!r} ist keine Zeile dieser Spalte</translation>
    </message>
    <message>
      <source>{where}: {text!r} is not a number</source>
      <translation>{where}: {text!r} ist keine Zahl</translation>
    </message>
    <message>
      <source>{where}: {unknown!r} is not a training setting; the settings are {names}</source>
      <translation>{where}: {unknown!r} ist keine Trainingseinstellung; die Einstellungen sind {names}</translation>
    </message>
    <message>
      <source>{where}[{bad_row}]: expected a list of numbers, got {json_kind}</source>
      <translation>{where}[{bad_row}]: Liste von Zahlen erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}[{infinite}]: contains a value too large to represent</source>
      <translation>{where}[{infinite}]: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{where}[{i}].sources[{k}]: a source name cannot be empty</source>
      <translation>{where}[{i}].sources[{k}]: ein Quellname darf nicht leer sein</translation>
    </message>
    <message>
      <source>{where}[{i}].sources[{k}]: input {name!r} cannot be computed from {what}; sources must be base features</source>
      <translation>{where}[{i}].sources[{k}]: Eingabe {name!r} kann nicht aus {what} berechnet werden; Quellen müssen Basismerkmale sein</translation>
    </message>
    <message>
      <source>{where}[{i}]: expected [from_epoch, setting, value]</source>
      <translation>{where}[{i}]: [from_epoch, setting, value] erwartet</translation>
    </message>
    <message>
      <source>{where}[{i}]: expected a number or null, got {json_kind}</source>
      <translation>{where}[{i}]: Zahl oder null erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}[{i}]: expected a number, got {json_kind}</source>
      <translation>{where}[{i}]: Zahl erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}[{i}]: expected text, got {json_kind}</source>
      <translation>{where}[{i}]: Text erwartet, erhalten: {json_kind}</translation>
    </message>
    <message>
      <source>{where}[{r}][{c}]: contains a value too large to represent</source>
      <translation>{where}[{r}][{c}]: enthält einen Wert, der zu groß zum Darstellen ist</translation>
    </message>
    <message>
      <source>{where}format: expected {expected_format!r}, got {found!r}</source>
      <translation>{where}format: {expected_format!r} erwartet, erhalten: {found!r}</translation>
    </message>
    <message>
      <source>{where}version: this file is version {version}, written by a newer NN Studio; this one reads up to version {MODEL_VERSION}</source>
      <translation>{where}version: diese Datei hat Version {version}, geschrieben von einem neueren NN Studio; dieses liest bis Version {MODEL_VERSION}</translation>
    </message>
  </context>
</TS>
