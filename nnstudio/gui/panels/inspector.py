"""The Inspector: the selected neuron's layer, bias and incoming weights, or one connection's weight.

Every edit pushes an undo command on the Document. A form is built the first time the selection needs its
kind (nothing, a connection, an input neuron, a layer's neuron or the layer itself) and kept, hidden, until
the network's structure changes; moving the selection refills a kept form's widgets, so clicking through
neurons and from layer to layer stays cheap and keeps Tab order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.data import parse_number
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.numbers import count
from nnstudio.gui import commands as cmd
from nnstudio.gui.decimal_input import show_in_locale
from nnstudio.gui.document import CONNECTION, NEURON, Document, Selection
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.weight_images import NeuronWeightImage
from nnstudio.gui.text import as_rich, plain, plain_label
from nnstudio.gui.wheel_guard import guard_wheel

MAX_WEIGHT_ROWS = 32  # incoming weights listed for a neuron; the weight table shows all
_FIELDS = ("activation_combo", "param_spins", "use_bias_check", "kernel_init_combo", "bias_init_combo",
           "reinit_button", "name_edit", "bias_spin", "weight_spins", "weight_spin")  # a form's, see _clear_refs


class NumberSpin(QDoubleSpinBox):
    """A spin box for weights: full precision kept, shown compactly (0.5, -1.25e-05); commits on Enter."""

    def __init__(self, value: float = 0.0, tip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(-1e9, 1e9)
        self.setSingleStep(0.1)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setValue(value)
        if tip:
            self.setToolTip(as_rich(tip))  # tips name inputs after the data's columns

    def textFromValue(self, value: float) -> str:
        return show_in_locale(f"{value:.6g}")  # 0,5 under a decimal-comma locale (both are read)

    def valueFromText(self, text: str) -> float:
        number = parse_number(text)
        return self.value() if number is None else number

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if parse_number(stripped) is not None:
            return QValidator.State.Acceptable, text, pos
        if stripped in ("", "-", "+", ".", "-.", "+.", ",", "-,", "+,") or stripped.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def set_value_silently(self, value: float) -> None:
        blocked = self.blockSignals(True)
        self.setValue(value)
        self.blockSignals(blocked)


def _registry_model(registry: object, parent: QWidget) -> QStandardItemModel:
    """A registry's choices (translated label, key as user data) as one model the combo boxes share."""
    model = QStandardItemModel(parent)
    for key in registry:  # type: ignore[attr-defined]
        item = QStandardItem(tr(registry.label(key)))  # type: ignore[attr-defined]
        item.setData(key, Qt.ItemDataRole.UserRole)
        model.appendRow(item)
    return model


def _registry_combo(model: QStandardItemModel, current: str, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setModel(model)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setToolTip(tip)
    return combo


class Inspector(QScrollArea):
    """Shows and edits whatever the Document's selection points at."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setMinimumWidth(260)
        self.weight_image = NeuronWeightImage(document)  # image data: the selected neuron's weights as a picture
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields it shows
        self.title: QLabel | None = None
        self._activation_model = _registry_model(ACTIVATIONS, self)  # made once, not for every form
        self._initializer_model = _registry_model(INITIALIZERS, self)
        self._shown: Selection | None = None  # what the form's edits apply to
        document.selectionChanged.connect(self.show_selection)
        document.networkChanged.connect(self._on_network_changed)
        document.projectReplaced.connect(self.rebuild)
        self.rebuild()

    def _clear_refs(self) -> None:
        """The fields of the form on screen (tests and the window reach them by these names)."""
        self.activation_combo: QComboBox | None = None
        self.param_spins: dict[str, NumberSpin] = {}
        self.use_bias_check: QCheckBox | None = None
        self.kernel_init_combo: QComboBox | None = None
        self.bias_init_combo: QComboBox | None = None
        self.reinit_button: QPushButton | None = None
        self.name_edit: QLineEdit | None = None
        self.bias_spin: NumberSpin | None = None
        self.weight_spins: list[NumberSpin] = []
        self.weight_spin: NumberSpin | None = None

    # -- building -----------------------------------------------------------------------------------
    def _on_network_changed(self, structural: bool) -> None:
        if structural:
            self.rebuild()
        else:
            self.refresh_values()

    @staticmethod
    def _form_key(sel: Selection | None) -> object:
        """Selections with equal keys are shown by the same form (only texts and numbers differ)."""
        if sel is None:
            return None
        if sel.kind == CONNECTION:
            return CONNECTION
        return sel.kind, sel.layer  # a layer's neurons have the same rows

    def rebuild(self) -> None:
        """A new page for the network as it is now (its forms are made as the selection needs them)."""
        self._commit_pending_edit()
        self._clear_refs()
        self._forms: dict[object, tuple[QWidget, dict[str, object]]] = {}  # form key: (form, its fields)
        self._shown_key: object = ()  # no form on screen yet
        page = QWidget()
        box = self._page_box = QVBoxLayout(page)
        box.setContentsMargins(8, 6, 8, 6)  # compact: a 3-input neuron fits a short dock
        box.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        plain(self.title)
        box.addWidget(self.title)
        self.weight_image.place_in(box)
        box.addStretch(1)
        old = self.takeWidget()
        if old is not None:  # may be the sender of the edit that triggered this rebuild: delete later
            for field in old.findChildren(QWidget):  # its edits would apply to the new selection
                field.blockSignals(True)
            old.hide()
            old.deleteLater()
        self.setWidget(page)
        self.show_selection()

    def show_selection(self, *_args: object) -> None:
        """Show the Document's selection in the form made for its kind (made now if it is the first)."""
        if self.widget() is None:
            self.rebuild()
            return
        self._commit_pending_edit()  # typed but not applied yet: it belongs to the selection shown so far
        sel = self.document.selection
        key = self._form_key(sel)
        if key != self._shown_key:
            if self._shown_key in self._forms:
                self._forms[self._shown_key][0].hide()
            self._clear_refs()
            if key in self._forms:
                form, fields = self._forms[key]
                self.__dict__.update(fields)
                form.show()
            else:
                form = self._build_form(sel)
                fields = {name: getattr(self, name) for name in _FIELDS}
                self._forms[key] = form, fields
            self._shown_key = key
        self._shown = sel
        self._fill(sel)

    def _build_form(self, sel: Selection | None) -> QWidget:
        form = QWidget()
        box = QVBoxLayout(form)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        net = self.document.network
        if sel is None:
            hint = QLabel(tr("Click a neuron, a connection or a layer title in the diagram to see and edit its "
                             "weights, bias and activation."))
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            box.addWidget(hint)
        elif sel.kind == CONNECTION:
            self._build_connection(box, sel)
        else:
            if sel.kind == NEURON:
                self._build_neuron(box, sel)
            if sel.layer >= 0:
                self._build_layer(box, sel.layer, with_activation=sel.kind != NEURON)
            else:
                info = QLabel(tr("{inputs}: the dataset's feature columns feed these neurons.").format(
                    inputs=count(net.input_size, tr("input"), tr("inputs"))))
                info.setObjectName("hint")
                info.setWordWrap(True)
                box.addWidget(info)
        guard_wheel(form)
        self._page_box.insertWidget(self._page_box.count() - 1, form)  # above the stretch
        form.show()  # now, not when the event loop gets to it (the page may be on screen already)
        return form

    def _fill(self, sel: Selection | None) -> None:
        """The texts and numbers of ``sel`` in the form on screen."""
        if sel is None:
            self.title.setText(tr("Nothing selected"))
        elif sel.kind == CONNECTION:
            self._fill_connection(sel)
        elif sel.kind == NEURON:
            self.title.setText(self._neuron_title(sel))
            if self.name_edit is not None:
                self.name_edit.setText(self._neuron_names(sel.layer)[sel.unit])
        else:
            self.title.setText(cmd.layer_title(self.document.network, sel.layer).capitalize())
        self.refresh_values()

    def _commit_pending_edit(self) -> None:
        """What a rebuild did when it hid the focused field: apply the number or name being typed."""
        focused = QApplication.focusWidget()
        if focused is None or self.widget() is None or not self.widget().isAncestorOf(focused):
            return
        spin = focused if isinstance(focused, NumberSpin) else focused.parent()
        if isinstance(spin, NumberSpin):
            spin.interpretText()  # emits valueChanged if the text changed the value
        elif focused is self.name_edit:
            self._rename()

    def _neuron_title(self, sel: Selection) -> str:
        net = self.document.network
        if sel.layer == -1:
            return tr("Input “{name}”").format(name=net.input_names[sel.unit])
        if sel.layer == len(net.layers) - 1:
            return tr("Output “{name}”").format(name=net.output_names[sel.unit])
        return tr("Hidden layer {layer} · neuron {neuron}").format(layer=sel.layer + 1, neuron=sel.unit + 1)

    def _source_names(self, layer: int) -> list[str]:
        net = self.document.network
        if layer == 0:
            return list(net.input_names)
        prev = net.layers[layer - 1]
        return [f"h{layer}.{i + 1}" for i in range(prev.units)]

    def _target_name(self, layer: int, unit: int) -> str:
        net = self.document.network
        return net.output_names[unit] if layer == len(net.layers) - 1 else f"h{layer + 1}.{unit + 1}"

    def _build_connection(self, box: QVBoxLayout, sel: Selection) -> None:
        group = QGroupBox(tr("Weight"))
        form = QFormLayout(group)
        self.weight_spin = NumberSpin()
        self.weight_spin.valueChanged.connect(lambda v: self.document.execute(
            cmd.SetWeightCommand, self._shown.layer, self._shown.source, self._shown.unit, v))
        form.addRow("w", self.weight_spin)
        box.addWidget(group)

    def _fill_connection(self, sel: Selection) -> None:
        source = self._source_names(sel.layer)[sel.source]
        target = self._target_name(sel.layer, sel.unit)
        self.title.setText(tr("Connection {source} → {target}").format(source=source, target=target))
        spin = self.weight_spin
        spin.set_value_silently(float(self.document.network.layers[sel.layer].weights[sel.source, sel.unit]))
        spin.setToolTip(as_rich(tr("The weight from {source} to {target}; Enter applies").format(
            source=source, target=target)))
        spin.setAccessibleName(tr("Weight from {source} to {target}").format(source=source, target=target))

    def _build_neuron(self, box: QVBoxLayout, sel: Selection) -> None:
        net = self.document.network
        layer, unit = sel.layer, sel.unit
        if layer == -1:
            group = QGroupBox(tr("Name"))
            form = QFormLayout(group)
            form.addRow(tr("Name"), self._name_edit(layer, unit))
            box.addWidget(group)
            return
        lay = net.layers[layer]
        group = QGroupBox(tr("Activation, bias and incoming weights"))
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long translation: field under label
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(4)
        if layer == len(net.layers) - 1:  # one group, so a 3-input neuron's numbers fit a short dock
            form.addRow(tr("Name"), self._name_edit(layer, unit))
        # the activation belongs to the layer; it comes first because it is what a neuron does with z
        self._add_activation_rows(form, layer, tr("The activation of this neuron's layer (all its neurons)"))
        self.bias_spin = NumberSpin(float(lay.bias[unit]), tr("This neuron's bias b (z = Σ wᵢ·xᵢ + b)"))
        self.bias_spin.setEnabled(lay.use_bias)
        self.bias_spin.setAccessibleName(tr("Bias"))
        self.bias_spin.valueChanged.connect(
            lambda v: self.document.execute(cmd.SetBiasCommand, layer, self._shown.unit, v))
        form.addRow(tr("bias b"), self.bias_spin)
        names = self._source_names(layer)
        for i in range(min(lay.fan_in, MAX_WEIGHT_ROWS)):
            spin = NumberSpin(float(lay.weights[i, unit]),
                              tr("Weight of the connection from {name}").format(name=names[i]))
            spin.valueChanged.connect(
                lambda v, i=i: self.document.execute(cmd.SetWeightCommand, layer, i, self._shown.unit, v))
            spin.setAccessibleName(tr("Weight from {name}").format(name=names[i]))
            self.weight_spins.append(spin)
            form.addRow(plain_label(tr("w from {name}").format(name=names[i])), spin)
        if lay.fan_in > MAX_WEIGHT_ROWS:
            more = QLabel(tr("… {n} more in the Weights table").format(n=lay.fan_in - MAX_WEIGHT_ROWS))
            more.setObjectName("hint")
            form.addRow("", more)
        box.addWidget(group)

    def _neuron_names(self, layer: int) -> list[str]:
        net = self.document.network
        return net.input_names if layer == -1 else net.output_names

    def _name_edit(self, layer: int, unit: int) -> QLineEdit:
        edit = self.name_edit = QLineEdit(self._neuron_names(layer)[unit])
        edit.setToolTip(tr("The neuron's name (a dataset column name); Enter renames"))
        edit.editingFinished.connect(self._rename)
        return edit

    def _rename(self) -> None:
        sel, edit = self._shown, self.name_edit
        if edit is not None and edit.text().strip() != self._neuron_names(sel.layer)[sel.unit]:
            self.document.execute(cmd.RenameNeuronCommand, sel.layer, sel.unit, edit.text())

    def _add_activation_rows(self, form: QFormLayout, index: int, tip: str) -> None:
        lay = self.document.network.layers[index]
        combo = self.activation_combo = _registry_combo(self._activation_model, lay.activation, tip)
        combo.currentIndexChanged.connect(
            lambda _i: self.document.execute(cmd.SetActivationCommand, index, combo.currentData()))
        form.addRow(tr("Activation"), combo)
        for name, value in lay.resolved_activation_params.items():
            spin = NumberSpin(value, tr("Activation parameter {name}").format(name=name))
            spin.setAccessibleName(tr("Activation parameter {name}").format(name=name))
            spin.valueChanged.connect(lambda v, n=name: self._set_activation_param(index, n, v))
            self.param_spins[name] = spin
            form.addRow(plain_label(name), spin)

    def _build_layer(self, box: QVBoxLayout, index: int, with_activation: bool = True) -> None:
        lay = self.document.network.layers[index]
        group = QGroupBox(tr("Layer · {units}").format(units=count(lay.units, tr("unit"), tr("units"))))
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(4)
        if with_activation:
            self._add_activation_rows(form, index, tr("The layer's activation function"))
        self.use_bias_check = QCheckBox(tr("Use bias"))
        self.use_bias_check.setChecked(lay.use_bias)
        self.use_bias_check.setToolTip(tr("Whether this layer adds a trainable bias to each neuron"))
        self.use_bias_check.toggled.connect(lambda on: self.document.execute(cmd.SetUseBiasCommand, index, on))
        form.addRow("", self.use_bias_check)
        self.kernel_init_combo = _registry_combo(self._initializer_model, lay.kernel_initializer,
                                                 tr("How Re-initialize draws this layer's weights"))
        self.kernel_init_combo.currentIndexChanged.connect(
            lambda _i: self.document.execute(cmd.SetInitializersCommand, index,
                                             kernel=self.kernel_init_combo.currentData()))
        form.addRow(tr("Weights init"), self.kernel_init_combo)
        self.bias_init_combo = _registry_combo(self._initializer_model, lay.bias_initializer,
                                               tr("How Re-initialize draws this layer's biases"))
        self.bias_init_combo.currentIndexChanged.connect(
            lambda _i: self.document.execute(cmd.SetInitializersCommand, index,
                                             bias=self.bias_init_combo.currentData()))
        form.addRow(tr("Bias init"), self.bias_init_combo)
        self.reinit_button = QPushButton(tr("Re-initialize"))
        self.reinit_button.setToolTip(tr("Draw fresh weights and biases for this layer from its initializers "
                                         "(one undo step)"))
        self.reinit_button.clicked.connect(lambda: self.document.execute(cmd.ReinitializeCommand, index))
        form.addRow("", self.reinit_button)
        box.addWidget(group)

    def _set_activation_param(self, index: int, name: str, value: float) -> None:
        lay = self.document.network.layers[index]
        params = dict(lay.activation_params)
        params[name] = value
        self.document.execute(cmd.SetActivationCommand, index, lay.activation, params)

    # -- refreshing values without rebuilding (keeps keyboard focus) --------------------------------------
    def refresh_values(self) -> None:
        sel = self.document.selection
        if sel is None:
            return
        net = self.document.network
        if sel.kind == CONNECTION and self.weight_spin is not None:
            self.weight_spin.set_value_silently(float(net.layers[sel.layer].weights[sel.source, sel.unit]))
        if sel.kind == NEURON and sel.layer >= 0:
            lay = net.layers[sel.layer]
            if self.bias_spin is not None:
                self.bias_spin.set_value_silently(float(lay.bias[sel.unit]))
            for i, spin in enumerate(self.weight_spins):
                spin.set_value_silently(float(lay.weights[i, sel.unit]))


