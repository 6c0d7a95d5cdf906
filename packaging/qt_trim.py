"""What SelfCheck's frozen build leaves out of Qt; shared by build.spec and its Qt hook.

Matched on a lower-cased path (the source or the place inside the bundle). Leaving a
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
    name = path.replace("\\", "/").lower()
    return not any(part in name for part in UNWANTED)
