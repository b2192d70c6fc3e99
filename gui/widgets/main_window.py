"""The main window: model picker, generated form, task list and preview."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import ModelSpec
from gui.core.curl_import import ImportedCurl
from gui.core.engine import MissingKeyError, RequestRejected
from gui.core.explain import ErrorCatalog
from gui.core.exports import FORMATS, ExportError, export_request
from gui.core.library import TaskRecord, TaskStatus
from gui.core.regions import REGIONS
from gui.core.request import ApiRequest, ValidationIssue, build_request, read_body, validate_body
from gui.core.services import Services
from gui.core.spend import FREE_QUOTA_REGION, priced_region, requested_image_count, unit_price
from gui.core.uploads import failed_image_reference, local_references
from gui.widgets.batch_dialog import BatchDialog
from gui.widgets.bridge import EngineBridge
from gui.widgets.form import RequestForm
from gui.widgets.gallery import install_gallery
from gui.widgets.i18n import LANGUAGES, LanguageManager
from gui.widgets.image_field import ImageFieldContext, local_file_context
from gui.widgets.import_dialog import ImportCurlDialog
from gui.widgets.inspector import InspectorDock
from gui.widgets.key_dialog import KeyDialog
from gui.widgets.limits_dialog import LimitsDialog, read_override, settings_limits
from gui.widgets.preview import PreviewPanel
from gui.widgets.raw_json import BodyError, RawJsonEditor
from gui.widgets.saved_work import install_saved_work
from gui.widgets.task_list import TaskTableModel
from gui.widgets.task_panel import TaskPanel
from gui.widgets.texts import issue_text
from gui.widgets.translate import tr

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """PixelPost's main window. It renders core state and calls core services."""

    task_submitted = Signal(object)
    """Payload: the TaskRecord saved for a request the user sent."""

    closed = Signal()

    def __init__(
        self,
        services: Services,
        errors: ErrorCatalog,
        languages: LanguageManager,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._services = services
        self._languages = languages
        self._settings = settings
        self._extra: dict[str, Any] = {}
        # The model id as the user wrote it (an alias or snapshot); None means the
        # catalog id of the selected entry.
        self._model_name: str | None = None
        self._pending_model_name: str | None = None
        self._notice_action: tuple[str, str] | None = None
        services.engine.set_limits_resolver(settings_limits(settings, services.engine))
        self.bridge = EngineBridge(services, self)
        self.bridge.task_changed.connect(self._on_bridge_task_changed)

        central = QWidget(self)
        root = QVBoxLayout(central)
        root.addLayout(self._build_toolbar())
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self._build_request_panel())
        self._errors = errors
        self.task_model = TaskTableModel(self, services.engine.remaining, self._explain_task)
        splitter.addWidget(self._build_task_panel(splitter))
        self.preview = PreviewPanel(errors, splitter)
        self.preview.error_panel.action_requested.connect(self._on_error_action_requested)
        self.preview.error_panel.region_switch_requested.connect(self.switch_region_and_resend)
        splitter.addWidget(self.preview)
        splitter.setSizes([430, 510, 380])
        root.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.inspector_dock = InspectorDock(services.catalog, services.library, self, errors)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.inspector_dock)
        self.addAction(self.inspector_dock.toggleViewAction())  # Ctrl+I shows and hides it
        self.inspector_dock.hide()
        self.bridge.exchange_recorded.connect(self.inspector_dock.panel.add_exchange)
        self.bridge.task_changed.connect(self.inspector_dock.panel.update_task)
        # Called at the end of retranslate(), for texts that feature modules own.
        self.translation_hooks: list[Callable[[], None]] = []
        self._build_menus()
        # Feature modules add their menu actions, docks and hooks here.
        # Image fields reach the results folder, the inputs folder and the URL check here.
        self.image_context: ImageFieldContext = local_file_context(services)
        self.gallery_dock = install_gallery(self, services)
        self.saved_work = install_saved_work(self, services, settings)
        self.resize(1320, 780)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(self.send)

        self.add_quit_action()
        self.form: RequestForm | None = None
        self._fill_regions()
        self._fill_models()
        self._restore_choices()
        self.task_model.set_records(services.library.tasks())
        for record in services.library.tasks():
            self.inspector_dock.panel.update_task(record)
        self.retranslate()

    # Layout

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.region_label = QLabel(self)
        self.region_combo = QComboBox(self)
        self.region_combo.setObjectName("regionCombo")
        self.region_label.setBuddy(self.region_combo)
        self.model_label = QLabel(self)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("modelCombo")
        self.model_combo.setMinimumContentsLength(24)
        # Editable, so any model id can be typed (snapshots such as
        # qwen-image-2.0-pro-2026-04-22); the list offers the catalog's models.
        self.model_combo.setEditable(True)
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.model_combo.completer()
        assert completer is not None
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line_edit = self.model_combo.lineEdit()
        assert line_edit is not None
        line_edit.setObjectName("modelEdit")
        line_edit.editingFinished.connect(self._on_model_text_entered)
        self.model_label.setBuddy(self.model_combo)
        self.retired_check = QCheckBox(self)
        self.retired_check.setObjectName("showRetiredCheck")
        self.retired_check.toggled.connect(self._on_retired_check_toggled)
        self.mode_label = QLabel(self)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("modeCombo")
        self.mode_label.setBuddy(self.mode_combo)
        self.keys_button = QPushButton(self)
        self.keys_button.setObjectName("keysButton")
        self.keys_button.clicked.connect(self.open_key_dialog)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.setCurrentIndex(LANGUAGES.index(self._languages.language))
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)
        for widget in (
            self.region_label,
            self.region_combo,
            self.model_label,
            self.model_combo,
            self.mode_label,
            self.mode_combo,
            self.retired_check,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.inspector_button = QPushButton(self)
        self.inspector_button.setObjectName("inspectorButton")
        self.inspector_button.clicked.connect(self._on_inspector_button_clicked)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importCurlButton")
        self.import_button.clicked.connect(self.open_import_dialog)
        bar.addWidget(self.import_button)
        bar.addWidget(self.inspector_button)
        bar.addWidget(self.keys_button)
        bar.addWidget(self.language_combo)
        self.region_combo.currentIndexChanged.connect(self._on_region_combo_changed)
        self.model_combo.currentIndexChanged.connect(self._on_model_combo_changed)
        self.mode_combo.currentIndexChanged.connect(self._update_endpoint)
        return bar

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        self.file_menu = bar.addMenu("")
        self.file_menu.setObjectName("fileMenu")
        self.view_menu = bar.addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.tools_menu = bar.addMenu("")
        self.tools_menu.setObjectName("toolsMenu")
        self.import_action = QAction(self)
        self.import_action.setObjectName("importCurlAction")
        self.import_action.triggered.connect(self.open_import_dialog)
        self.file_menu.addAction(self.import_action)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.view_menu.addAction(self.inspector_dock.toggleViewAction())
        self.keys_action = QAction(self)
        self.keys_action.setObjectName("keysAction")
        self.keys_action.triggered.connect(self.open_key_dialog)
        self.tools_menu.addAction(self.keys_action)

    def add_quit_action(self) -> None:
        """Put Quit last in the File menu, after the actions feature modules added."""
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

    def _build_request_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("requestPanel")
        layout = QVBoxLayout(panel)
        self.endpoint_label = QLabel(panel)
        self.endpoint_label.setObjectName("endpointLabel")
        self.endpoint_label.setWordWrap(True)
        self.endpoint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.endpoint_label)
        self.limits_button = QPushButton(panel)
        self.limits_button.setObjectName("limitsButton")
        self.limits_button.clicked.connect(self.open_limits_dialog)
        layout.addWidget(self.limits_button)
        notice_row = QHBoxLayout()
        self.notice_label = QLabel(panel)
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #8a4b00;")
        self.notice_button = QPushButton(panel)
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.clicked.connect(self._on_notice_button_clicked)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.notice_button)
        layout.addLayout(notice_row)
        self.notice_label.hide()
        self.notice_button.hide()
        self.request_tabs = QTabWidget(panel)
        self.request_tabs.setObjectName("requestTabs")
        self.form_scroll = QScrollArea(panel)
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.raw_json = RawJsonEditor(panel)
        self.request_tabs.addTab(self.form_scroll, "")
        self.request_tabs.addTab(self.raw_json, "")
        self.request_tabs.currentChanged.connect(self._on_request_tabs_changed)
        layout.addWidget(self.request_tabs, 1)
        self.message_label = QLabel(panel)
        self.message_label.setObjectName("sendMessageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.message_label)
        send_row = QHBoxLayout()
        self.send_button = QPushButton(panel)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.batch_button = QPushButton(panel)
        self.batch_button.setObjectName("batchButton")
        self.batch_button.clicked.connect(self.open_batch_dialog)
        self.copy_as_button = QPushButton(panel)
        self.copy_as_button.setObjectName("copyAsButton")
        self.copy_as_menu = QMenu(self.copy_as_button)
        self.copy_as_menu.setObjectName("copyAsMenu")
        self.copy_as_actions: dict[str, QAction] = {}
        for export_format in FORMATS:
            action = self.copy_as_menu.addAction(export_format)
            action.setObjectName(f"copyAs_{export_format}")
            action.triggered.connect(
                lambda _checked=False, chosen=export_format: self.copy_request_as(chosen)
            )
            self.copy_as_actions[export_format] = action
        self.copy_as_button.setMenu(self.copy_as_menu)
        send_row.addWidget(self.send_button, 1)
        send_row.addWidget(self.batch_button)
        send_row.addWidget(self.copy_as_button)
        layout.addLayout(send_row)
        return panel

    def _build_task_panel(self, parent: QWidget) -> TaskPanel:
        panel = TaskPanel(
            self._services.engine,
            self.task_model,
            lambda: (self.region, self.region_combo.currentText()),
            parent,
        )
        panel.selection_changed.connect(self._on_task_panel_selection_changed)
        panel.resend_requested.connect(self.resend)
        # Short names for the panel's controls, used by the window and its tests.
        self.task_panel = panel
        self.task_view = panel.view
        self.cancel_button = panel.cancel_button
        self.resend_button = panel.resend_button
        self.track_edit = panel.track_edit
        self.track_button = panel.track_button
        self.task_message = panel.message
        return panel

    def _fill_regions(self) -> None:
        self.region_combo.blockSignals(True)
        self.region_combo.clear()
        language = self._languages.language
        for region in REGIONS.values():
            self.region_combo.addItem(region.name(language), region.id)
        self.region_combo.blockSignals(False)

    def _fill_models(self) -> None:
        current = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        catalog = self._services.catalog
        models = list(catalog) if self.retired_check.isChecked() else catalog.active()
        for model in models:
            label = model.id
            if model.is_retired():
                label += " " + tr("(retired)")
            self.model_combo.addItem(label, model.id)
            self.model_combo.setItemData(
                self.model_combo.count() - 1,
                model.family.title.get(self._languages.language),
                Qt.ItemDataRole.ToolTipRole,
            )
        if current is not None:
            self.model_combo.setCurrentIndex(max(self.model_combo.findData(current), 0))
        self.model_combo.blockSignals(False)

    def _restore_choices(self) -> None:
        region = str(self._settings.value("request/region", "sandbox"))
        model = str(self._settings.value("request/model", "wan2.6-t2i"))
        self.select_region(region)
        index = self.model_combo.findData(model)
        self.model_combo.setCurrentIndex(index if index >= 0 else 0)
        self._on_model_combo_changed(self.model_combo.currentIndex())

    # State

    @property
    def region(self) -> str:
        return str(self.region_combo.currentData())

    @property
    def model(self) -> ModelSpec | None:
        return self._services.catalog.get(self.model_name)

    @property
    def model_name(self) -> str:
        """Return the model id the request will carry, as the user wrote it."""
        return self._model_name or str(self.model_combo.currentData())

    @property
    def mode(self) -> str | None:
        data = self.mode_combo.currentData()
        return str(data) if data else None

    def select_region(self, region: str) -> None:
        index = self.region_combo.findData(region)
        if index >= 0:
            self.region_combo.setCurrentIndex(index)

    def select_model(self, model_id: str) -> bool:
        """Select a model by id, alias or snapshot id; return False if the catalog lacks it."""
        model = self._services.catalog.get(model_id)
        if model is None:
            return False
        if model.is_retired() and not self.retired_check.isChecked():
            self.retired_check.setChecked(True)
        index = self.model_combo.findData(model.id)
        if index < 0:
            return False
        typed = model_id if model_id != model.id else None
        # _on_model_combo_changed picks the typed id up from here.
        self._pending_model_name = typed
        if index == self.model_combo.currentIndex():
            self._on_model_combo_changed(index)
        else:
            self.model_combo.setCurrentIndex(index)
        if typed:
            self.model_combo.setEditText(typed)
        return True

    # Sending

    def send(self) -> TaskRecord | None:
        """Validate the form (or the raw JSON) and hand the request to the engine."""
        if self.request_tabs.currentWidget() is self.raw_json:
            return self._send_raw_json()
        model, form = self.model, self.form
        if model is None or form is None:
            return None
        form.reveal_issues()
        if form.issues:
            first = form.issues[0]
            self.message_label.setText(
                tr("Not sent: {problem}").format(problem=issue_text(first, form.label(first.field)))
            )
            form.focus_field(first.field)
            return None
        mode = self.mode
        if mode is None:
            self.message_label.setText(self._region_problem(model))
            return None
        request = build_request(model, form.values(), mode, self._extra, self.model_name)
        return self._submit(request)

    def _send_raw_json(self) -> TaskRecord | None:
        try:
            body = self.raw_json.body()
        except BodyError as error:
            self.raw_json.show_error(str(error))
            self.message_label.setText(tr("Not sent: {problem}").format(problem=str(error)))
            return None
        model_name = body.get("model")
        model = self._services.catalog.get(model_name) if isinstance(model_name, str) else None
        if model is None or not isinstance(model_name, str):
            problem = tr('the model {model} is not in the catalog; check the "model" member.')
            self.message_label.setText(
                tr("Not sent: {problem}").format(problem=problem.format(model=model_name))
            )
            return None
        issues = validate_body(model, body)
        mode = self.mode if model is self.model else model.preferred_mode(self.region)
        if issues or mode is None:
            if issues:
                self._show_rejection(issues[0], model)
            else:
                self.message_label.setText(self._region_problem(model))
            return None
        self.raw_json.show_error(None)
        return self._submit(ApiRequest(model_name, mode, model.path(mode), body))

    def resend(self, record: TaskRecord) -> TaskRecord | None:
        """Send a task's own request again, to its own region, whatever the form holds."""
        request = ApiRequest(record.model, record.mode, record.path, record.body)
        return self._submit(request, record.region)

    def _submit(self, request: ApiRequest, region: str | None = None) -> TaskRecord | None:
        region = region or self.region
        try:
            record = self._services.engine.submit(request, region)
        except RequestRejected as rejected:
            self._show_rejection(rejected.issues[0], self.model)
            return None
        except MissingKeyError:
            region_name = REGIONS[region].name(self._languages.language)
            self.message_label.setText(
                tr("No API key is set for {region}. Add one to send requests there.").format(
                    region=region_name
                )
            )
            self.open_key_dialog()
            return None
        self.message_label.clear()
        self._select_task(record.id)
        self.task_submitted.emit(record)
        return record

    def _show_rejection(self, issue: ValidationIssue, model: ModelSpec | None) -> None:
        label = issue.field
        if model is not None and model.field(issue.field) is not None:
            spec = model.field(issue.field)
            assert spec is not None
            label = spec.label.get(self._languages.language)
        problem = issue_text(issue, label)
        self.message_label.setText(tr("Not sent: {problem}").format(problem=problem))
        if self.request_tabs.currentWidget() is self.raw_json:
            self.raw_json.show_error(problem)
        elif self.form is not None:
            self.form.focus_field(issue.field)

    def _region_problem(self, model: ModelSpec) -> str:
        offered = [REGIONS[r].name(self._languages.language) for r in model.regions]
        return tr("{model} is not offered in {region}. Regions that offer it: {regions}.").format(
            model=model.id, region=self.region_combo.currentText(), regions=", ".join(offered)
        )

    # Slots

    def _on_region_combo_changed(self, _index: int) -> None:
        self._settings.setValue("request/region", self.region)
        self._fill_modes()

    def _on_model_combo_changed(self, _index: int) -> None:
        self._model_name = self._pending_model_name
        self._pending_model_name = None
        model = self.model
        if model is None:
            return
        self._settings.setValue("request/model", model.id)
        previous = self.form.values() if self.form else {}
        form = RequestForm(model, self._languages.language, image_context=self.image_context)
        shared = {
            name: value
            for name, value in previous.items()
            if name in form.editors and name in ("prompt", "negative_prompt", "seed")
        }
        form.set_values(shared)
        form.changed.connect(self._on_form_changed)
        self.form = form
        self._extra = {}
        self.form_scroll.setWidget(form)
        if self.request_tabs.currentWidget() is self.raw_json:
            self.raw_json.set_body(self._current_body())
        self._fill_modes()

    def _fill_modes(self) -> None:
        model = self.model
        self.mode_combo.blockSignals(True)
        self.mode_combo.clear()
        if model is not None:
            for mode in model.modes(self.region):
                label = tr("Task (async)") if mode == "async" else tr("Direct call (sync)")
                self.mode_combo.addItem(label, mode)
            preferred = model.preferred_mode(self.region)
            if preferred:
                self.mode_combo.setCurrentIndex(self.mode_combo.findData(preferred))
        self.mode_combo.blockSignals(False)
        self._update_endpoint()

    def _on_model_text_entered(self) -> None:
        typed = self.model_combo.currentText().strip()
        selected = self.model_combo.itemText(self.model_combo.currentIndex())
        if not typed or typed == selected or typed == self.model_name:
            return
        if not self.select_model(typed):
            self.message_label.setText(
                tr(
                    "The model {model} is not in the catalog. Check the id, or pick one "
                    "from the list."
                ).format(model=typed)
            )

    def _on_retired_check_toggled(self, _checked: bool) -> None:
        self._fill_models()

    def _on_request_tabs_changed(self, _index: int) -> None:
        if self.request_tabs.currentWidget() is self.raw_json:
            self.raw_json.set_body(self._current_body())
            return
        # Back to the form: the JSON decides the model and the values, and members
        # the form does not know are kept for the next request.
        try:
            body = self.raw_json.body()
        except BodyError as error:
            self.raw_json.show_error(str(error))
            self.request_tabs.blockSignals(True)
            self.request_tabs.setCurrentWidget(self.raw_json)
            self.request_tabs.blockSignals(False)
            return
        model_name = body.get("model")
        unknown = (
            isinstance(model_name, str)
            and model_name != self.model_name
            and not self.select_model(model_name)
        )
        if unknown:
            self.raw_json.show_error(
                tr("The model {model} is not in the catalog; the form cannot show it.").format(
                    model=model_name
                )
            )
            self.request_tabs.blockSignals(True)
            self.request_tabs.setCurrentWidget(self.raw_json)
            self.request_tabs.blockSignals(False)
            return
        model = self.model
        if model is None or self.form is None:
            return
        values, extra = read_body(model, body)
        self.form.set_values({name: values.get(name) for name in self.form.editors})
        self._extra = extra

    def request_body(self) -> dict[str, Any]:
        """Return the body of the request being edited; raise BodyError for invalid JSON."""
        if self.request_tabs.currentWidget() is self.raw_json:
            return self.raw_json.body()
        return self._current_body()

    def _current_body(self) -> dict[str, Any]:
        model = self.model
        if model is None or self.form is None:
            return {}
        return build_request(
            model, self.form.values(), self.mode or "async", self._extra, self.model_name
        ).body

    def _update_notice(self) -> None:
        model = self.model
        self._notice_action = None
        text = ""
        button = ""
        language = self._languages.language
        if model is not None and model.is_retired() and model.retired is not None:
            text = tr("{model} was retired on {date}; the service no longer accepts it.").format(
                model=self.model_name, date=model.retired.isoformat()
            )
            if model.replacement:
                button = tr("Use {model}").format(model=model.replacement)
                self._notice_action = ("model", model.replacement)
        elif model is not None and not model.modes(self.region):
            offered = model.regions_offering()
            text = self._region_problem(model)
            if offered:
                button = tr("Switch to {region}").format(region=REGIONS[offered[0]].name(language))
                self._notice_action = ("region", offered[0])
        elif model is not None and model.family.notes is not None:
            text = model.family.notes.get(language)
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        self.notice_button.setText(button)
        self.notice_button.setAccessibleName(button)
        self.notice_button.setVisible(bool(button))

    def _on_notice_button_clicked(self) -> None:
        if self._notice_action is None:
            return
        kind, value = self._notice_action
        if kind == "model":
            self.select_model(value)
        elif kind == "region":
            self.select_region(value)

    def _update_endpoint(self, *_args: Any) -> None:
        model, mode = self.model, self.mode
        self._update_notice()
        if model is None:
            self.send_button.setEnabled(False)
            return
        if mode is None:
            self.endpoint_label.setText(self._region_problem(model))
            self.send_button.setEnabled(False)
            return
        # A retired model's form stays readable, but the service would reject it.
        self.send_button.setEnabled(not model.is_retired())
        base_url, workspace = self._services.target(self.region)
        if base_url and self.region != "sandbox" and base_url != REGIONS[self.region].base_url:
            lines = [f"POST {base_url}/{model.path(mode)}"]
        else:
            lines = [f"POST …/api/v1/{model.path(mode)}"]
        if workspace:
            text = tr("Header X-DashScope-WorkSpace: {workspace}")
            lines.append(text.format(workspace=workspace))
        if mode == "async":
            lines.append(tr("Header X-DashScope-Async: enable; the result is polled."))
        # The sandbox costs nothing; it shows the Beijing figures for reference.
        price_region = priced_region(self.region)
        price = unit_price(model, self.region)
        if self.region == "sandbox":
            lines.append(tr("Sandbox requests are free and stay on this computer."))
        if price is not None and self.form is not None:
            count = requested_image_count(model, self.form.values())
            text = tr("Price in {region}: ¥{price:g} per image; this request up to ¥{total:.2f}.")
            lines.append(
                text.format(
                    region=REGIONS[price_region].name(self._languages.language),
                    price=round(price, 4),
                    total=price * count,
                )
            )
        if model.free_quota and price_region == FREE_QUOTA_REGION:
            lines.append(
                tr("Free quota: {count} images in Beijing, shared by the whole account.").format(
                    count=model.free_quota
                )
            )
        limits = read_override(self._settings, self.region, model.id) or (
            self._services.engine.catalog_limits(self.region, model.id, "async")
        )
        if limits is not None:
            text = tr("Limits: up to {rate:g} submissions/s; running at once: {running}.")
            lines.append(text.format(rate=limits[0], running=limits[1] or "∞"))
        self.endpoint_label.setText("\n".join(lines))

    def _on_form_changed(self) -> None:
        self.message_label.clear()
        self._update_endpoint()

    def _on_bridge_task_changed(self, record: TaskRecord) -> None:
        self.task_model.upsert(record)
        selected = self.preview.record
        if selected is not None and selected.id == record.id:
            self.preview.show_task(record)
            self._show_region_hint(record)
            self.task_panel.update_buttons()

    def _on_task_panel_selection_changed(self, record: TaskRecord | None) -> None:
        self.preview.show_task(record)
        if record is not None:
            self._show_region_hint(record)
        self.inspector_dock.panel.set_selected_task(record.id if record else None)

    def _explain_task(self, record: TaskRecord) -> tuple[str, str] | None:
        """Return the title and fix of a task's error, in the UI language."""
        failed = record.status in (TaskStatus.ERROR, TaskStatus.FAILED)
        if not record.error_code and not failed:
            return None
        explanation = self._errors.explain(
            record.error_code, record.error_message, status=record.error_status
        )
        language = self._languages.language
        return explanation.title.get(language), explanation.fix.get(language)

    def _show_region_hint(self, record: TaskRecord) -> None:
        if self.preview.error_panel.explanation is None:
            return
        self.preview.error_panel.set_region_hint(self._services.region_hint(record))

    def switch_region_and_resend(self, region: str) -> TaskRecord | None:
        """Send the selected failed task's request again, to ``region`` with its key."""
        record = self.preview.record
        self.select_region(region)
        if record is None:
            return None
        mode, path = record.mode, record.path
        model = self._services.catalog.get(record.model)
        if model is not None and mode not in model.modes(region):
            preferred = model.preferred_mode(region)
            if preferred is not None:
                mode, path = preferred, model.path(preferred)
        log.info("Sending task %s again in %s after its key was rejected", record.id, region)
        return self._submit(ApiRequest(record.model, mode, path, record.body), region)

    def _select_task(self, local_id: str) -> None:
        self.task_panel.select_task(local_id)

    def _on_error_action_requested(self, action: str) -> None:
        if action == "open_key_manager":
            self.open_key_dialog()
        elif action in ("add_async_header", "remove_async_header"):
            wanted = "async" if action == "add_async_header" else "sync"
            index = self.mode_combo.findData(wanted)
            if index >= 0:
                self.mode_combo.setCurrentIndex(index)
        elif action in ("retry_later", "resubmit"):
            record = self.preview.record
            if record is not None:
                self.resend(record)
        elif action == "edit_request" and self.form is not None:
            self.form.setFocus()
        elif action == "use_local_file":
            self.use_local_file()
        elif action == "open_billing_console":
            record = self.preview.record
            region = record.region if record is not None else self.region
            self.open_url(QUrl(billing_console_url(self._settings, region)))
        elif action == "switch_region":
            hint = self.preview.error_panel.region_hint
            if hint is not None:
                self.switch_region_and_resend(hint)
            else:
                self.region_combo.setFocus(Qt.FocusReason.OtherFocusReason)
                self.region_combo.showPopup()

    def open_url(self, url: QUrl) -> bool:
        """Open ``url`` in the system browser (tests replace this method)."""
        log.info("Opening %s in the browser", url.toString())
        return QDesktopServices.openUrl(url)

    def use_local_file(self) -> None:
        """Reopen the selected failed request and let the user choose a local file for its image.

        The image chosen is the one the error names, else the first web URL. The
        form keeps the file's path; sending uploads it or sends it inline.
        """
        record = self.preview.record
        if record is None:
            return
        self.load_request(record.body, record.region, record.mode)
        model, form = self.model, self.form
        if model is None or form is None:
            return
        found = failed_image_reference(model, record.body, record.error_message)
        editor = form.editors.get(found[0]) if found is not None else None
        if found is None or editor is None or editor.image_tools is None:
            self.message_label.setText(tr("This request has no image field to replace."))
            return
        name, value = found
        form.focus_field(name)
        editor.image_tools.choose_file(replacing=value)
        self.message_label.setText(
            tr("Choose a local file for {field}, then send the request again.").format(
                field=form.label(name)
            )
        )

    def open_batch_dialog(self) -> BatchDialog | None:
        """Open the batch dialog for the current model, region, mode and form values."""
        model, form, mode = self.model, self.form, self.mode
        if model is None or form is None or mode is None or model.is_retired():
            self.message_label.setText(
                tr("Choose a model this region offers before starting a batch.")
            )
            return None
        dialog = BatchDialog(
            self._services, model, self.model_name, self.region, mode, form.values(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.bridge.task_changed.connect(dialog.on_task_changed)
        dialog.open()
        self.batch_dialog = dialog
        return dialog

    def copy_request_as(self, export_format: str) -> str | None:
        """Copy the current form's request as a command or script; return the text."""
        model, form, mode = self.model, self.form, self.mode
        if model is None or form is None or mode is None:
            return None
        request = build_request(model, form.values(), mode, self._extra, self.model_name)
        base_url, workspace = self._services.target(self.region)
        try:
            export = export_request(
                request,
                base_url or REGIONS["beijing"].base_url,
                export_format,
                workspace=workspace,
                catalog=self._services.catalog,
            )
        except ExportError as error:
            self.message_label.setText(str(error))
            return None
        text = export.text()
        QGuiApplication.clipboard().setText(text)
        format_name = self.copy_as_actions[export_format].text()
        if export_format != "sdk" and local_references(model, request.body):
            # Only the SDK uploads local files by itself; curl and httpx would send the path.
            self.message_label.setText(
                tr(
                    "Copied the request as {format}, but it names local files, which only "
                    "the dashscope SDK script uploads. Replace them with public URLs, or "
                    "copy the request as the SDK script."
                ).format(format=format_name)
            )
            return text
        self.message_label.setText(
            tr("Copied the request as {format}; the key is read from DASHSCOPE_API_KEY.").format(
                format=format_name
            )
        )
        return text

    def open_import_dialog(self) -> ImportCurlDialog:
        dialog = ImportCurlDialog(
            self._services.keys, self._services.base_url("sandbox"), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._on_import_dialog_imported)
        dialog.open()
        self.import_dialog = dialog
        return dialog

    def _on_import_dialog_imported(self, imported: ImportedCurl, region: str | None) -> None:
        if not isinstance(imported.body, dict):
            self.message_label.setText(
                tr("The imported command has no JSON body to open as a request.")
            )
            return
        self.load_request(imported.body, region, "async" if imported.async_header else "sync")

    def load_request(self, body: dict[str, Any], region: str | None, mode: str | None) -> None:
        """Open a request body in the form (or the JSON tab if the model is unknown)."""
        if region is not None:
            self.select_region(region)
        self.request_tabs.setCurrentWidget(self.raw_json)
        self.raw_json.set_body(body)
        self.request_tabs.setCurrentIndex(0)  # the form takes model, values and extras
        if mode is not None:
            index = self.mode_combo.findData(mode)
            if index >= 0:
                self.mode_combo.setCurrentIndex(index)

    def open_limits_dialog(self) -> LimitsDialog | None:
        model = self.model
        if model is None:
            return None
        dialog = LimitsDialog(self._settings, self._services.engine, self.region, model.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.limits_changed.connect(self._update_endpoint)
        dialog.open()
        self.limits_dialog = dialog
        return dialog

    def open_key_dialog(self) -> KeyDialog:
        region = self.region if self.region != "sandbox" else "beijing"
        dialog = KeyDialog(
            self._services.keys,
            region,
            self._languages.language,
            self,
            tester=self._services.test_key,
            errors=self._errors,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A key's base URL and workspace show in the endpoint text.
        dialog.keys_changed.connect(self._update_endpoint)
        dialog.open()
        self.key_dialog = dialog
        return dialog

    def _on_inspector_button_clicked(self) -> None:
        self.inspector_dock.setVisible(not self.inspector_dock.isVisible())

    def _on_language_combo_changed(self, _index: int) -> None:
        language = str(self.language_combo.currentData())
        self._settings.setValue("ui/language", language)
        self._languages.apply(language)

    # Translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        language = self._languages.language
        self.setWindowTitle(tr("PixelPost — Model Studio image APIs"))
        self.region_label.setText(tr("&Region"))
        self.region_combo.setAccessibleName(tr("Region"))
        self.model_label.setText(tr("&Model"))
        self.model_combo.setAccessibleName(tr("Model"))
        self.mode_label.setText(tr("M&ode"))
        self.mode_combo.setAccessibleName(tr("Call mode"))
        self.import_button.setText(tr("Import curl…"))
        self.import_button.setAccessibleName(tr("Open a pasted curl command as a request"))
        self.inspector_button.setText(tr("HTTP inspector"))
        self.inspector_button.setAccessibleName(tr("Show or hide the HTTP inspector (Ctrl+I)"))
        self.keys_button.setText(tr("API &keys…"))
        self.keys_button.setAccessibleName(tr("Manage API keys"))
        self.language_combo.setAccessibleName(tr("Language"))
        # The last send message was written in the previous language.
        self.message_label.clear()
        self.retired_check.setText(tr("Show retired"))
        self.retired_check.setAccessibleName(tr("Show retired models"))
        self.request_tabs.setTabText(0, tr("Form"))
        self.request_tabs.setTabText(1, tr("JSON"))
        self.request_tabs.setAccessibleName(tr("Request editor"))
        self.raw_json.retranslate()
        self.task_panel.retranslate()
        self.limits_button.setText(tr("Edit limits…"))
        self.limits_button.setAccessibleName(tr("Edit this model's account limits"))
        self.copy_as_button.setText(tr("Copy as…"))
        self.copy_as_button.setAccessibleName(tr("Copy this request as a command or script"))
        format_names = {
            "bash": tr("bash curl"),
            "cmd": tr("cmd.exe (curl.exe)"),
            "powershell": tr("PowerShell"),
            "python": tr("Python (httpx)"),
            "sdk": tr("Python (dashscope SDK)"),
        }
        for export_format, action in self.copy_as_actions.items():
            action.setText(format_names[export_format])
        self.batch_button.setText(tr("&Batch…"))
        self.batch_button.setAccessibleName(tr("Send this form with many prompts"))
        self.send_button.setText(tr("&Send (Ctrl+Enter)"))
        self.send_button.setAccessibleName(tr("Send request"))
        self.preview.setAccessibleName(tr("Preview"))
        self.endpoint_label.setAccessibleName(tr("Endpoint and price"))
        region = self.region
        self._fill_regions()
        self.select_region(region)
        self._fill_modes()
        self._update_notice()
        if self.form is not None:
            self.form.retranslate(language)
        self.preview.retranslate(language)
        self.task_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.file_menu.setTitle(tr("&File"))
        self.view_menu.setTitle(tr("&View"))
        self.tools_menu.setTitle(tr("&Tools"))
        self.import_action.setText(tr("Import curl…"))
        self.quit_action.setText(tr("&Quit"))
        self.keys_action.setText(tr("API keys…"))
        for hook in self.translation_hooks:
            hook()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.bridge.detach()
        self.closed.emit()
        super().closeEvent(event)


def billing_console_url(settings: QSettings, region: str) -> str:
    """Return the billing console of a region's account site.

    The setting ``links/billing_console`` (an https:// URL) replaces the default.
    """
    custom = settings.value("links/billing_console")
    if isinstance(custom, str) and custom.startswith("https://"):
        return custom
    # NOTE: these are the expense centres of the Alibaba Cloud mainland and
    # international sites; the error documentation names only "the billing console".
    if region in ("singapore", "virginia"):
        return "https://usercenter2-intl.aliyun.com/home"
    return "https://usercenter2.aliyun.com/home"
