# Cross-compiling for arm64 with Debian's crossbuild-essential-arm64 and the multiarch libraries
# in /usr/lib/aarch64-linux-gnu (installer/cross-arm64.sh).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Programs from the build machine, libraries and headers for the target.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(wxWidgets_CONFIG_EXECUTABLE /usr/lib/aarch64-linux-gnu/wx/config/gtk3-unicode-3.2)
