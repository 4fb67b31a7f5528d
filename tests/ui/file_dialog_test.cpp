// Pins that choosing a file never costs the window's embedded database its locks: a dialog that
// opened the database file to show it, and closed it, would drop every POSIX lock this process
// holds on it, and the next `gongji` command would delete the write-ahead log the app writes
// into (a clerk's trial lost audit entries so). The dialog is shown in the database's own folder,
// as the app shows it when started there, and the locks are read from /proc/locks.
#include <sys/stat.h>
#include <unistd.h>

#include <wx/dialog.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "app/platform/stores.h"
#include "ui/file_dialogs.h"
#include "wx_test_support.h"

using namespace gongji;

namespace {

// POSIX locks this process holds on the files of the database at `path` (itself, -wal, -shm).
int locks_held(const std::string& path) {
    std::set<unsigned long long> inodes;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        struct stat st {};
        if (::stat((path + suffix).c_str(), &st) == 0) inodes.insert(st.st_ino);
    }
    std::ifstream in("/proc/locks");
    std::string line;
    int held = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id, type, advisory, mode, pid, device;
        fields >> id >> type >> advisory >> mode >> pid >> device;
        if (type != "POSIX" || pid != std::to_string(::getpid())) continue;
        auto inode = std::stoull(device.substr(device.rfind(':') + 1));
        if (inodes.count(inode)) ++held;
    }
    return held;
}

// Once the dialog titled `title` has had two seconds to list its folder, Escape is pressed on it
// (xdotool: a real key press, from outside the program).
void press_escape_later_on(const std::string& title) {
    // Tried three times, a few seconds apart: a loaded machine may map the dialog late.
    auto command = "(for try in 1 2 3; do sleep 2; timeout 10 xdotool search --sync --name '^" + title +
                   "$' windowfocus --sync key Escape && break; done) >/dev/null 2>&1 &";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
}

}  // namespace

BOOST_AUTO_TEST_CASE(choosing_a_file_in_the_databases_folder_keeps_its_locks) {
    test::TempDir folder;
    const auto db = folder.file("window.db");
    app::Workspace ws("sqlite:" + db);
    app::InitOptions options;
    options.demo = true;
    app::initialize(ws, options);
    std::ofstream(folder.file("scan.png")) << test::tiny_png();
    const int before = locks_held(db);
    BOOST_REQUIRE(before > 0);  // an open WAL connection holds its shared-memory file's locks

    press_escape_later_on("choose-in-the-database-folder");
    auto chosen = ui::choose_file_to_open(nullptr, "choose-in-the-database-folder", "All files (*)|*", wxString::FromUTF8(folder.path().c_str()));
    BOOST_TEST(chosen.empty());
    BOOST_TEST(locks_held(db) == before);
}
