#include "app/paths.h"

#include <filesystem>
#include <fstream>

#include "app/environment.h"
#include "app/errors.h"
#include "storage/database.h"

namespace gongji::app {

namespace fs = std::filesystem;

bool running_installed() {
    std::error_code ec;
    auto self = fs::read_symlink("/proc/self/exe", ec).string();
    return !ec && self.rfind(GONGJI_INSTALLED_BIN_DIR "/", 0) == 0;
}

std::string data_dir() {
    if (auto dir = env(Env::data_dir)) return *dir;
    std::error_code ec;
    if (!running_installed() && fs::is_directory(GONGJI_SOURCE_DATA_DIR "/migrations", ec)) return GONGJI_SOURCE_DATA_DIR;
    return GONGJI_INSTALLED_DATA_DIR;
}

std::string user_data_dir() {
    fs::path base;
    if (auto xdg = env(Env::xdg_data_home))
        base = *xdg;
    else if (auto home = env(Env::home))
        base = fs::path(*home) / ".local" / "share";
    else
        base = fs::temp_directory_path();
    auto dir = base / "gongji";
    fs::create_directories(dir);
    // The user's own folder: nobody else lists or opens what is in it (checked at every start).
    std::error_code ec;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    return dir.string();
}

std::string default_database_url() {
    if (auto url = env(Env::database)) return *url;
    return "sqlite:" + (fs::path(user_data_dir()) / "gongji.db").string();
}

void refuse_database_file(const std::string& path) {
    if (storage::is_open_database_file(path))
        throw BadInput(path + ": that is the database itself; choose another file", {"is_database", {{"file", path}}});
}

std::string read_file(const std::string& path) {
    refuse_database_file(path);
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw BadInput(path + ": a folder, not a file");
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw BadInput(path + ": cannot open the file");
    auto size = in.tellg();
    if (size < 0) throw BadInput(path + ": cannot read the file");
    std::string bytes(static_cast<size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) throw BadInput(path + ": cannot read the file");
    return bytes;
}

}  // namespace gongji::app
