"""Edit a resource of the plan."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.services import plan as plan_service
from hisconsole.ui.context import Context
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.partials.form_dialog import FormDialog


class ResourceEditDialog(FormDialog):
    """Edit a resource of the inventory: quantity, unit, location, keeper, check interval.

    Signals: those of QDialog.
    """

    area = "plan"

    def __init__(
        self, ctx: Context, resource: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ResourceEditDialog")
        self.resource = copy.deepcopy(resource)
        self.key = f"resources/{resource['code']}"
        self.name_edit = self.text_row(lambda: self.tr("&Name:"), BilingualEdit(resource["name"]))
        self.quantity_spin = QSpinBox(self)
        self.quantity_spin.setRange(0, 1_000_000)
        self.quantity_spin.setValue(int(resource["quantity"]))
        self.quantity_spin.setMaximumWidth(140)
        self.add_row(lambda: self.tr("&Quantity:"), self.quantity_spin)
        self.unit_edit = self.text_row(lambda: self.tr("&Unit:"), BilingualEdit(resource["unit"]))
        self.location_edit = self.text_row(
            lambda: self.tr("&Location:"), BilingualEdit(resource["location"])
        )
        self.owner_combo = QComboBox(self)
        snapshot = ctx.plan.snapshot
        names = {g["code"]: g["name"] for g in (snapshot.section("groups") if snapshot else [])}
        for code in GROUP_CODES:
            self.owner_combo.addItem(text(names.get(code), ctx.lang) or code, code)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(resource["owner_group"])))
        self.add_row(lambda: self.tr("&Kept by:"), self.owner_combo)
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(1, 3650)
        self.interval_spin.setValue(int(resource["check_interval_days"]))
        self.interval_spin.setMaximumWidth(140)
        self.add_row(lambda: self.tr("Check &every (days):"), self.interval_spin)
        self.quantity_spin.setFocus()
        self.quantity_spin.selectAll()
        self.retranslate()

    def data(self) -> dict[str, Any]:
        data = copy.deepcopy(self.resource)
        data.update(
            name=self.name_edit.value(),
            quantity=self.quantity_spin.value(),
            unit=self.unit_edit.value(),
            location=self.location_edit.value(),
            owner_group=self.owner_combo.currentData(),
            check_interval_days=self.interval_spin.value(),
        )
        return data

    def operation(self) -> Callable[[], Any] | None:
        if not self.need_texts(
            [
                (self.tr("Name"), self.name_edit),
                (self.tr("Unit"), self.unit_edit),
                (self.tr("Location"), self.location_edit),
            ]
        ):
            return None
        console, key, data = self.ctx.console, self.key, self.data()
        return lambda: plan_service.edit_item(console, key, data)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(
            self.tr("Edit resource: {name}").format(name=text(self.resource["name"], self.ctx.lang))
        )
        self.ok_button.setText(self.tr("Save change"))
