#pragma once
// Forms (XRC) and translations: Simplified Chinese by default, English when asked for.
#include <string>

namespace gongji::ui {

// GONGJI_FORMS_DIR, else the source tree's forms/, else the installed share folder.
std::string forms_dir();
// Loads every form; false (with a logged error) when one cannot be read.
bool load_forms();
// "zh_CN" (default) or "en"; when empty, GONGJI_LANG, else the choice saved from the menu.
void set_language(const std::string& language = "");
const std::string& current_language();

}  // namespace gongji::ui
