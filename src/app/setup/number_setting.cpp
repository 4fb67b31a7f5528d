#include "app/setup/number_setting.h"

#include "app/platform/errors.h"
#include "app/setup/settings.h"

namespace gongji::app {

namespace {

std::optional<long long> number_of(const std::string& text) {
    try {
        return std::stoll(text);
    } catch (const std::exception&) {
        return std::nullopt;  // set before it was checked: the default stands
    }
}

}  // namespace

std::optional<long long> number_setting(const std::map<std::string, std::string>& settings, const char* key) {
    auto text = settings.find(key);
    return text != settings.end() ? number_of(text->second) : std::nullopt;
}

void set_number_setting(Workspace& ws, const Actor& actor, core::Duty duty, const NumberSetting& s,
                        const std::string& value, const char* code) {
    require_duty(actor, duty);
    const std::string key = s.key;
    bool digits = !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoll(value) < s.least || std::stoll(value) > s.most)
        throw BadInput(key + ": a whole number, " + std::to_string(s.least) + "–" + std::to_string(s.most) + ", not \"" +
                           value + "\"",
                       {code, {{"key", key}, {"value", value}}});
    change_setting(ws, actor, key, std::to_string(std::stoll(value)));
}

}  // namespace gongji::app
