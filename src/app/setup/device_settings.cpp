#include "app/setup/device_settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <filesystem>

#include "app/platform/environment.h"
#include "app/platform/errors.h"

namespace gongji::app {

namespace {

constexpr const char* kKeys[] = {"card_reader", "camera", "scanner", "scanner_dpi", "customer_display"};

Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> load() {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration);
    if (std::filesystem::exists(devices_file())) {
        try {
            config->load(devices_file());
        } catch (const Poco::Exception& e) {
            throw BadInput("cannot read " + devices_file() + ": " + e.displayText(),
                           {"devices_unreadable", {{"file", devices_file()}}});
        }
    }
    return config;
}

int parse_dpi(const std::string& value) {
    std::size_t used = 0;
    int dpi = 0;
    try {
        dpi = std::stoi(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || dpi < 150 || dpi > 300)
        throw BadInput("scanner_dpi: a resolution of 150–300 dpi", {"scanner_dpi_invalid", {{"value", value}}});
    return dpi;
}

// "" for none, else the monitor's number from 2 to 9 (the first is the clerk's).
int parse_monitor(const std::string& value) {
    if (value.empty()) return -1;
    if (value.size() != 1 || value[0] < '2' || value[0] > '9')
        throw BadInput("customer_display: the citizen's monitor, 2 to 9 (the first is the clerk's), or empty for none",
                       {"device_setting_invalid", {{"key", "customer_display"}}});
    return value[0] - '1';
}

void check(const std::string& key, const std::string& value) {
    if (!is_device_setting(key))
        throw BadInput("unknown device setting " + key + " (card_reader, camera, scanner, scanner_dpi, customer_display)",
                       {"device_setting_unknown", {{"key", key}}});
    if (value.size() > 255 || value.find_first_of("\r\n") != std::string::npos)
        throw BadInput(key + ": a value of at most 255 bytes on one line", {"device_setting_invalid", {{"key", key}}});
    if (key == "scanner_dpi") parse_dpi(value);
    if (key == "customer_display") parse_monitor(value);
}

void save(Poco::Util::PropertyFileConfiguration& config) {
    auto path = std::filesystem::path(devices_file());
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto temporary = path;
    temporary += ".new";
    try {
        config.save(temporary.string());
    } catch (const Poco::Exception& e) {
        throw BadInput("cannot write " + path.string() + ": " + e.displayText(), {"devices_unwritable", {{"file", path.string()}}});
    }
    std::filesystem::rename(temporary, path, ec);  // all or nothing: never half a file
    if (ec)
        throw BadInput("cannot write " + path.string() + ": " + ec.message(), {"devices_unwritable", {{"file", path.string()}}});
}

}  // namespace

std::string devices_file() { return env(Env::devices_file).value_or("/etc/gongji/devices.conf"); }

bool is_device_setting(const std::string& key) {
    for (const char* k : kKeys)
        if (key == k) return true;
    return false;
}

DeviceSettings device_settings() {
    auto config = load();
    DeviceSettings settings;
    settings.card_reader = config->getString("card_reader", "");
    settings.camera = config->getString("camera", "");
    settings.scanner = config->getString("scanner", "");
    auto dpi = config->getString("scanner_dpi", "");
    if (!dpi.empty()) {
        try {
            settings.scanner_dpi = parse_dpi(dpi);
        } catch (const BadInput&) {
            // a hand-edited file with a wrong resolution: the default, not a window that cannot start
        }
    }
    try {
        settings.customer_display = parse_monitor(config->getString("customer_display", ""));
    } catch (const BadInput&) {  // a hand-edited file: no citizen's display rather than no window
    }
    return settings;
}

void set_device_setting(const std::string& key, const std::string& value) {
    check(key, value);
    auto config = load();
    config->setString(key, value);
    save(*config);
}

void save_device_settings(const DeviceSettings& settings) {
    auto dpi = std::to_string(settings.scanner_dpi);
    check("card_reader", settings.card_reader);
    check("camera", settings.camera);
    check("scanner", settings.scanner);
    check("scanner_dpi", dpi);
    const auto display = settings.customer_display < 0 ? std::string() : std::to_string(settings.customer_display + 1);
    check("customer_display", display);
    auto config = load();
    config->setString("card_reader", settings.card_reader);
    config->setString("camera", settings.camera);
    config->setString("scanner", settings.scanner);
    config->setString("scanner_dpi", dpi);
    config->setString("customer_display", display);
    save(*config);
}

}  // namespace gongji::app
