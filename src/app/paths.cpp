#include "app/paths.h"

#include <cstdlib>
#include <filesystem>

namespace gongji::app {

namespace fs = std::filesystem;

bool running_installed() {
    std::error_code ec;
    auto self = fs::read_symlink("/proc/self/exe", ec).string();
    return !ec && self.rfind(GONGJI_INSTALLED_BIN_DIR "/", 0) == 0;
}

std::string data_dir() {
    if (const char* env = std::getenv("GONGJI_DATA_DIR"); env && *env) return env;
    std::error_code ec;
    if (!running_installed() && fs::is_directory(GONGJI_SOURCE_DATA_DIR "/migrations", ec)) return GONGJI_SOURCE_DATA_DIR;
    return GONGJI_INSTALLED_DATA_DIR;
}

std::string default_database_url() {
    if (const char* env = std::getenv("GONGJI_DB"); env && *env) return env;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::temp_directory_path();
    auto dir = base / "gongji";
    fs::create_directories(dir);
    return "sqlite:" + (dir / "gongji.db").string();
}

}  // namespace gongji::app
