#include "ui/resources.h"

#include "app/platform/environment.h"
#include "app/platform/paths.h"

#include <wx/config.h>
#include <wx/dir.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/xrc/xmlres.h>

#include <cstdlib>
#include <filesystem>

namespace gongji::ui {

std::string forms_dir() {
    if (auto dir = app::env(app::Env::forms_dir)) return *dir;
    std::error_code ec;
    if (!app::running_installed() && std::filesystem::is_directory(GONGJI_SOURCE_FORMS_DIR, ec)) return GONGJI_SOURCE_FORMS_DIR;
    return GONGJI_INSTALLED_FORMS_DIR;
}

bool load_forms() {
    wxXmlResource::Get()->InitAllHandlers();
    bool ok = true;
    for (const auto& entry : std::filesystem::directory_iterator(forms_dir()))
        if (entry.path().extension() == ".xrc")
            ok = wxXmlResource::Get()->Load(wxString::FromUTF8(entry.path().string().c_str())) && ok;
    return ok;
}

namespace {
std::string g_language = "zh_CN";
}

const std::string& current_language() { return g_language; }

void set_language(const std::string& requested) {
    std::string language = requested;
    if (language.empty()) {
        wxString saved;
        if (auto* config = wxConfigBase::Get(); config && config->Read("language", &saved) && !saved.empty())
            language = saved.ToStdString(wxConvUTF8);
        if (auto forced = app::env(app::Env::language)) language = *forced;
        if (language.empty()) language = "zh_CN";
    }
    g_language = language;
    static bool looked_up = false;
    if (!looked_up)
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(app::running_installed() ? GONGJI_INSTALLED_LOCALE_DIR
                                                                                       : GONGJI_BUILD_LOCALE_DIR);
    looked_up = true;
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);  // owns it
    if (language != "en") {
        translations->SetLanguage(wxString::FromUTF8(language.c_str()));
        // wx's own words (the preview's buttons, stock dialogs) first: the catalog added last is
        // searched first, and ours must win where both translate a word ("Window").
        translations->AddStdCatalog();
        translations->AddCatalog("gongji");
    }
}

}  // namespace gongji::ui
