"""PyInstaller's own QtGui hook, minus the plugins SelfCheck does not use (packaging/qt_trim.py).

build.spec puts this folder on `hookspath`, which takes precedence over the built-in hook.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import wanted

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if wanted(src)]
datas = [(src, dest) for src, dest in datas if wanted(src)]
