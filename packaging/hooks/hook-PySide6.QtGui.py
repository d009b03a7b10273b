"""PyInstaller's own QtGui hook, less the GTK 3 platform theme plugin (libqgtk3).

That plugin links GTK 3, and bundling it drags in the build machine's pango, cairo, gdk-pixbuf, glib and libthai
(about 10 MB). On a desktop whose system GTK is newer than those copies the plugin fails to load or crashes. Without
it Qt uses its Fusion style with the xdg-desktop-portal theme. Thai line breaking in Qt still uses the system libthai
(Debian and Ubuntu desktops have it), which Qt loads at run time by name.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if "libqgtk3" not in entry[0]]
