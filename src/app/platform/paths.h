#pragma once
// Where things are: the shipped data folder and the default embedded database.
#include <string>

namespace gongji::app {

// Whether this program runs from its installed place (then it uses the installed files, even on
// a machine that also has the source tree).
bool running_installed();
// GONGJI_DATA_DIR, else the installed share folder when installed, else the source tree's db/.
std::string data_dir();
// $XDG_DATA_HOME/gongji (~/.local/share/gongji), created readable by this account only.
std::string user_data_dir();
// GONGJI_DB, else sqlite:$XDG_DATA_HOME/gongji/gongji.db (~/.local/share/…), folder created.
std::string default_database_url();

// Reads a whole file; BadInput naming it when it cannot be read, or when it is the database.
std::string read_file(const std::string& path);
// BadInput ("is_database") when `path` is a database file this process has open: reading or
// writing it outside SQLite would drop SQLite's locks (or overwrite the database).
void refuse_database_file(const std::string& path);

// Files with personal data (papers, workbooks, scans got back) are this account's alone: at
// start, every file the program creates is made 0600 (umask 077); a file written over keeps
// its old mode, so keep_private makes it 0600 too.
void keep_new_files_private();
void keep_private(const std::string& path);
// The machine's settings folder (/etc/gongji) made where missing, 0755 whatever the umask: every
// account reads the window's name there, and the groups named in docs/packaging.md the keys.
void make_machine_settings_folder(const std::string& folder);
// BadInput (`what` naming the option or field) for an output that must not be written: the open
// database, a symbolic link (written through, it overwrites whatever it points at), a pipe, socket
// or device (opening one to write waits for a reader).
void refuse_unsafe_output(const std::string& path, const std::string& what);
// Writes `bytes` to `path` (0600, replacing what was there); BadInput naming it when it cannot.
void write_private_file(const std::string& path, const std::string& bytes, const std::string& what);

}  // namespace gongji::app
