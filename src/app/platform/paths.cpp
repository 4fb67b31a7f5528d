#include "app/platform/paths.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/platform/environment.h"
#include "app/platform/errors.h"
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
    if (fs::is_directory(path, ec)) throw BadInput(path + ": a folder, not a file", {"file_is_folder", {{"file", path}}});
    // A pipe would block the program until someone writes to it, a device never ends.
    if (auto status = fs::status(path, ec); !ec && !fs::is_regular_file(status))
        throw BadInput(path + ": not a regular file (a pipe, a socket or a device): give a file", {"file_not_regular", {{"file", path}}});
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const Problem unreadable{"file_unreadable", {{"file", path}}};
    if (!in) throw BadInput(path + ": cannot open the file", unreadable);
    auto size = in.tellg();
    if (size < 0) throw BadInput(path + ": cannot read the file", unreadable);
    std::string bytes(static_cast<size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) throw BadInput(path + ": cannot read the file", unreadable);
    return bytes;
}

void keep_new_files_private() { ::umask(077); }

void make_machine_settings_folder(const std::string& folder) {
    std::error_code ec;
    if (std::filesystem::create_directories(folder, ec))
        std::filesystem::permissions(folder, std::filesystem::perms(0755), ec);
}

void keep_private(const std::string& path) { ::chmod(path.c_str(), 0600); }

void refuse_unsafe_output(const std::string& path, const std::string& what) {
    refuse_database_file(path);
    std::error_code ec;
    if (fs::is_symlink(path, ec))
        throw BadInput(what + ": " + path + " is a symbolic link; give the file itself or a new name",
                       {"file_not_regular", {{"file", path}}});
    if (fs::exists(path, ec) && !fs::is_regular_file(path, ec))
        throw BadInput(what + ": " + path + " is not a regular file (a pipe, a socket or a device); give a file name",
                       {"file_not_regular", {{"file", path}}});
}

void write_private_file(const std::string& path, const std::string& bytes, const std::string& what) {
    refuse_unsafe_output(path, what);
    auto fail = [&](const char* doing) {
        throw BadInput(what + ": cannot " + doing + " " + path + ": " + std::strerror(errno), {"file_unwritable", {{"file", path}}});
    };
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) fail("write");
    bool written = ::fchmod(fd, 0600) == 0;
    for (std::size_t done = 0; written && done < bytes.size();) {
        auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        written = n > 0;
        if (written) done += static_cast<std::size_t>(n);
    }
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) fail("write");
}

}  // namespace gongji::app
