#pragma once
// The devices on this machine's desk (hardware.md), chosen once per machine in the machine
// settings dialog or with `gongji settings set KEY VALUE`, kept in devices_file() as
// `key: value` lines (`key = value` is read too). Every device is optional: an empty setting
// means the clerk types or picks a file instead.
#include <string>

namespace gongji::app {

struct DeviceSettings {
    std::string card_reader;  // a serial port: /dev/ttyUSB0
    std::string camera;       // a video device: /dev/video0
    std::string scanner;      // a SANE device name: "genesys:libusb:001:004"
    int scanner_dpi = 200;    // 150–300
    // The monitor turned to the citizen, as wxDisplay counts them from 0 (the setting counts from
    // 1, as people do: "2" is the second monitor; the first is the clerk's); -1 for none.
    int customer_display = -1;
};

// GONGJI_DEVICES_FILE, else /etc/gongji/devices.conf.
std::string devices_file();
// This machine's devices; the defaults where the file or a key is missing.
DeviceSettings device_settings();
// Whether `key` names a device setting ("card_reader", "camera", "scanner", "scanner_dpi",
// "customer_display").
bool is_device_setting(const std::string& key);
// Sets one device, keeping the others; all or nothing. BadInput for an unknown key, a value
// that cannot be right (a resolution outside 150–300, a line break) or a file that cannot be
// written.
void set_device_setting(const std::string& key, const std::string& value);
// Sets them all at once (the machine settings dialog).
void save_device_settings(const DeviceSettings& settings);

}  // namespace gongji::app
