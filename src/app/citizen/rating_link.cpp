#include "app/citizen/rating_link.h"

#include <Poco/URI.h>

#include <algorithm>
#include <iterator>

#include "app/cases/case_service.h"
#include "app/platform/errors.h"
#include "app/setup/settings.h"
#include "core/case_rules.h"

namespace gongji::app {
namespace {

constexpr std::size_t kTemplateMaxChars = 500, kItemCodeMaxChars = 64;

BadInput invalid(const std::string& key, const std::string& why) {
    return BadInput(key + ": " + why, {"setting_invalid", {{"key", key}, {"why", why}}});
}

bool printable_ascii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return ch > ' ' && ch < 127; });
}

bool known_placeholder(const std::string& name) {
    return std::find_if(std::begin(kRatingPlaceholders), std::end(kRatingPlaceholders),
                        [&](const char* p) { return name == p; }) != std::end(kRatingPlaceholders);
}

// Each {name} of `tpl` by `value(name)`, URL-encoded; a template checked when it was set.
template <class Value>
std::string fill(const std::string& tpl, Value value) {
    std::string out;
    for (std::size_t i = 0; i < tpl.size();) {
        const auto close = tpl[i] == '{' ? tpl.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            out += tpl[i++];
            continue;
        }
        std::string encoded;
        Poco::URI::encode(value(tpl.substr(i + 1, close - i - 1)), "!#$&'()*+,/:;=?@[]", encoded);
        out += encoded;
        i = close + 1;
    }
    return out;
}

void check_template(const std::string& tpl) {
    const std::string key = "rating_url_template";
    // Scanned by a citizen's phone on the public network: over TLS, and naming the service.
    if (tpl.rfind("https://", 0) != 0) throw invalid(key, "an https:// address");
    if (tpl.find("{apply_no}") == std::string::npos) throw invalid(key, "{apply_no} is where the rating names the service");
    if (tpl.size() > kTemplateMaxChars || !printable_ascii(tpl)) throw invalid(key, "at most 500 printable characters, no space");
    for (std::size_t open = tpl.find('{'); open != std::string::npos; open = tpl.find('{', open + 1)) {
        const auto close = tpl.find('}', open);
        const auto name = close == std::string::npos ? "" : tpl.substr(open + 1, close - open - 1);
        if (!known_placeholder(name)) throw invalid(key, "unknown placeholder {" + name + "}");
    }
}

}  // namespace

bool is_service_setting(const std::string& key) {
    return key == "rating_url_template" || key == "item_code_bind" || key == "item_code_unbind" ||
           key == "item_code_reorder" || key == "item_code_rebind";
}

void set_service_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value) {
    require_role(actor, {core::Role::admin});
    if (key == "rating_url_template")
        check_template(value);
    else if (!is_service_setting(key))
        throw invalid(key, "not a service setting");
    else if (value.empty() || value.size() > kItemCodeMaxChars || !printable_ascii(value))
        throw invalid(key, "1 to 64 printable characters, no space");
    change_setting(ws, actor, key, value);
}

std::string rating_link(Workspace& ws, const Actor& actor, const std::string& number) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    const auto tpl = setting(ws, "rating_url_template");
    if (!tpl) throw Refused("rating_template_missing");
    const auto c = find_case(ws, number);
    const auto item = c.item_code ? c.item_code : setting(ws, std::string("item_code_") + core::case_kind_name(c.kind));
    return fill(*tpl, [&](const std::string& name) -> std::string {
        if (name == "apply_no") return c.service_number();
        if (name == "item_code") return item.value_or("");
        if (name == "state") return core::case_status_name(c.status);
        if (name == "clerk") return actor.username;
        if (name == "clerk_name") return actor.full_name.empty() ? actor.username : actor.full_name;
        return actor.workstation;  // window
    });
}

}  // namespace gongji::app
