"""Numbers a person types, in the app's locale: where the language writes a decimal comma (German: 0,5) the
fields read and show one, and a typed point still means the decimal point (0.5 is one half too; thousands
separators are not typed into these fields). Qt's own spin boxes and validators take only the locale's mark,
so under German they would read "0.5" as 5 or refuse it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget


def decimal_point(locale: QLocale | None = None) -> str:
    return (locale or QLocale()).decimalPoint()


def read_as_locale(text: str, locale: QLocale | None = None) -> str:
    """``text`` with a typed "." taken as the locale's decimal mark (when that is another one, and the text
    has none of it yet)."""
    mark = decimal_point(locale)
    if mark != "." and "." in text and mark not in text:
        return text.replace(".", mark)
    return text


def show_in_locale(text: str) -> str:
    """A number formatted with a decimal point ("0.01", "1e-05"), written with the locale's mark."""
    mark = decimal_point()
    return text.replace(".", mark) if mark != "." else text


class DecimalSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox that also takes a decimal point under a decimal-comma locale (it shows the comma). What is
    typed counts on Enter or on leaving the field: a half-typed "0" is no value of its own (a panel that shows
    the document's value again after each change would rewrite the field under the typing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setKeyboardTracking(False)

    def validate(self, text: str, pos: int) -> object:
        return super().validate(read_as_locale(text, self.locale()), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(read_as_locale(text, self.locale()))


class DecimalValidator(QDoubleValidator):
    """Scientific notation (1e-3), the locale's decimal mark or a point, no thousands separators."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        locale = QLocale()
        locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.RejectGroupSeparator)
        self.setLocale(locale)
        self.setNotation(QDoubleValidator.Notation.ScientificNotation)

    def validate(self, text: str, pos: int) -> object:
        return super().validate(read_as_locale(text, self.locale()), pos)


__all__ = ["DecimalSpinBox", "DecimalValidator", "decimal_point", "read_as_locale", "show_in_locale"]
