"""What SelfCheck's frozen build leaves out of Qt; shared by build.spec and its Qt hook.

Matched on the lower-cased path from `PySide6/` on (the source or the place inside the
bundle). Leaving a
plugin out in the hook, before PyInstaller follows its library dependencies, keeps those
dependencies out too: the GTK theme plugin alone drags in the build machine's GTK, cairo
and pango (about 15 MB).
"""

UNWANTED = (
    "qml",  # QtQml/QtQuick libraries and plugins (qmltooling, ...)
    "quick",
    "qt6pdf",  # the PDF *reader*; SelfCheck only writes PDFs (QtGui's QPdfWriter)
    "imageformats/libqpdf",
    # The app reads no images but its SVG icon; PNG is built into QtGui.
    "imageformats/libqgif",
    "imageformats/libqicns",
    "imageformats/libqico",
    "imageformats/libqjpeg",
    "imageformats/libqtga",
    "imageformats/libqtiff",
    "imageformats/libqwbmp",
    "imageformats/libqwebp",
    "generic/libqtuiotouchplugin",  # touch events over the network; pulls in QtNetwork
    "pyside6/qt/translations/",  # Qt's own catalogues: none is Vietnamese, none is loaded
    "qt6virtualkeyboard",
    "platformthemes/libqgtk3",  # the build machine's GTK
    "platforms/libqvnc",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    "egldeviceintegrations",
    "wayland-graphics-integration-server",
    "networkinformation",  # Qt's network status: SelfCheck never goes online
    "tls/",
    "sqldrivers",  # Python's sqlite3 keeps the history, not QtSql
    "printsupport",
    "designer",
)


def wanted(path: str) -> bool:
    """False for a file of PySide6's tree that matches UNWANTED.

    Only the part from `PySide6/` on is matched: the hook sees absolute source paths, and
    a checkout under, say, ~/quickstart/ must not lose all of Qt. Files outside PySide6's
    tree (Python, system libraries) are always kept."""
    name = path.replace("\\", "/").lower()
    start = name.rfind("pyside6/")
    if start < 0:
        return True
    inside = name[start:]
    return not any(part in inside for part in UNWANTED)
