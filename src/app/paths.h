#pragma once
// Where things are: the shipped data folder and the default embedded database.
#include <string>

namespace gongji::app {

// GONGJI_DATA_DIR, else the source tree's db/ (a build), else the installed share folder.
std::string data_dir();
// GONGJI_DB, else sqlite:$XDG_DATA_HOME/gongji/gongji.db (~/.local/share/…), folder created.
std::string default_database_url();

}  // namespace gongji::app
