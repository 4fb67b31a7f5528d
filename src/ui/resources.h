#pragma once
// Forms (XRC) and translations: Simplified Chinese by default, English when asked for.
#include <string>

namespace gongji::ui {

// GONGJI_FORMS_DIR, else the source tree's forms/, else the installed share folder.
std::string forms_dir();
// Loads every form; false (with a logged error) when one cannot be read.
bool load_forms();
// "zh_CN" (default) or "en"; GONGJI_LANG chooses when empty.
void set_language(const std::string& language = "");

}  // namespace gongji::ui
