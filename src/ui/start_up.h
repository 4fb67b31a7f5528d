#pragma once
// What the desktop app needs before its first window, done in one place: the program and every
// GUI test call this, so a test cannot pass on something the product lacks (image decoders,
// translations, forms).
#include <string>

namespace gongji::ui {

// Image decoders (PNG, JPEG, TIFF, …), the language (see set_language), every form. False, with
// a logged error, when a form cannot be read.
bool start_up(const std::string& language = "");
// What the app does as it exits, the program and the tests alike: waits for background work
// still running (each was asked to stop when its window closed).
void shut_down();

}  // namespace gongji::ui
