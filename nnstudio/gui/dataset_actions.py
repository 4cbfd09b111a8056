"""The Dataset menu and the banner above the diagram: choosing a built-in table or generated data, importing
and exporting CSV, and fitting the network's input and output layers to the data — each one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from nnstudio.core.data import Dataset
from nnstudio.core.project import fit_network_to_dataset, fit_project_to_dataset, network_mismatch
from nnstudio.gui import commands as cmd
from nnstudio.gui.dataset_commands import SetDatasetCommand
from nnstudio.gui.dataset_menu import DatasetMenu, MismatchBanner
from nnstudio.gui.document import Document
from nnstudio.gui.i18n import tr
from nnstudio.gui.panels.dataset_editor import DatasetEditor


class DatasetActions(QObject):
    def __init__(self, document: Document, editor: DatasetEditor, menu: DatasetMenu, banner: MismatchBanner,
                 status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.menu, self.banner, self.status = document, menu, banner, status
        menu.datasetChosen.connect(self.use_dataset)
        menu.importRequested.connect(editor.import_csv_dialog)
        menu.exportRequested.connect(editor.export_csv_dialog)
        banner.resizeRequested.connect(self.fit_network_to_data)
        for signal in (document.projectReplaced, document.datasetChanged):
            signal.connect(self.update_banner)
        document.datasetCellsChanged.connect(lambda _cells: self.update_banner())
        document.networkChanged.connect(lambda structural: structural and self.update_banner())
        self.update_banner()

    @Slot(object, str)
    def use_dataset(self, dataset: Dataset, description: str) -> None:
        """A new dataset (one undo step); when it fits the network, the neurons take its column names."""
        doc = self.document
        stack = doc.undo_stack
        stack.beginMacro(description)
        doc.push(SetDatasetCommand(doc, dataset, description))
        if not network_mismatch(doc.network, dataset):
            renamed = fit_network_to_dataset(doc.network, dataset, doc.rng)  # same sizes: only the names
            if (renamed.input_names, renamed.output_names) != (doc.network.input_names, doc.network.output_names):
                doc.push(cmd.ReplaceNetworkCommand(doc, renamed, tr("Name the neurons after the data")))
        stack.endMacro()
        self.status(description)

    @Slot()
    def fit_network_to_data(self) -> None:
        """Resize the input and output layers to the dataset's columns, with a loss that suits the new output
        (one undo step)."""
        doc = self.document
        if doc.project.dataset is None:
            return
        network, config = fit_project_to_dataset(doc.project, doc.rng)
        doc.push(cmd.FitToDataCommand(doc, network, config, tr("Fit the network to the data")))

    @Slot()
    def update_banner(self) -> None:
        self.banner.update_for(self.document.network, self.document.project.dataset)


__all__ = ["DatasetActions"]
