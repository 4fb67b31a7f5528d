#include "devices/scanner.h"

#include <cairo.h>
#include <sane/sane.h>
#include <sane/saneopts.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#include "devices/page_images.h"

namespace gongji::devices {
namespace {

std::string explain(SANE_Status status) {
    switch (status) {
        case SANE_STATUS_JAMMED: return "the paper is jammed: clear it and scan again";
        case SANE_STATUS_NO_DOCS: return "there is no paper in the scanner";
        case SANE_STATUS_COVER_OPEN: return "the scanner's cover is open";
        case SANE_STATUS_DEVICE_BUSY: return "the scanner is busy";
        case SANE_STATUS_IO_ERROR: return "the scanner stopped answering (unplugged or switched off?)";
        case SANE_STATUS_ACCESS_DENIED: return "access to the scanner was denied";
        case SANE_STATUS_NO_MEM: return "out of memory while scanning";
        case SANE_STATUS_CANCELLED: return "the scan was cancelled";
        default: return sane_strstatus(status);
    }
}

// SANE is initialised once per process and used by one thread at a time.
std::mutex& sane_lock() {
    static std::mutex m;
    return m;
}

void ensure_sane() {
    static bool ready = [] {
        SANE_Int version = 0;
        if (sane_init(&version, nullptr) != SANE_STATUS_GOOD) throw CaptureError("SANE cannot start");
        return true;
    }();
    (void)ready;
}

struct Handle {
    SANE_Handle h = nullptr;
    ~Handle() {
        if (h) {
            // A backend may end its reader thread with an asynchronous cancel (sanei_thread, as
            // SANE's test backend does): one landing while the thread is exiting can leave glibc's
            // TLS lock held, and the next scan's thread never starts (seen once in a test run). A
            // moment for the reader to finish on its own first; nothing next to a scan's seconds.
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            sane_cancel(h);
            sane_close(h);
        }
    }
};

// Sets an option by name, if the device has it, converting the value to the option's type.
void set_option(SANE_Handle h, const std::string& name, const std::string& value, bool required) {
    for (SANE_Int i = 1;; ++i) {
        const SANE_Option_Descriptor* d = sane_get_option_descriptor(h, i);
        if (!d) break;
        if (!d->name || name != d->name) continue;
        if (!SANE_OPTION_IS_SETTABLE(d->cap)) return;
        SANE_Status status;
        if (d->type == SANE_TYPE_STRING) {
            std::vector<char> buffer(std::max<size_t>(static_cast<size_t>(d->size), value.size() + 1), '\0');
            std::memcpy(buffer.data(), value.c_str(), value.size());
            status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, buffer.data(), nullptr);
        } else if (d->type == SANE_TYPE_FIXED) {
            SANE_Word v = SANE_FIX(std::stod(value));
            status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, &v, nullptr);
        } else {
            SANE_Word v = std::stoi(value);
            status = sane_control_option(h, i, SANE_ACTION_SET_VALUE, &v, nullptr);
        }
        if (status != SANE_STATUS_GOOD) throw CaptureError("the scanner refused " + name + " = " + value + ": " + explain(status));
        return;
    }
    if (required) throw CaptureError("the scanner has no option " + name);
}

}  // namespace

std::vector<ScannerInfo> list_scanners() {
    std::lock_guard<std::mutex> lock(sane_lock());
    ensure_sane();
    const SANE_Device** devices = nullptr;
    if (sane_get_devices(&devices, SANE_TRUE) != SANE_STATUS_GOOD) throw CaptureError("SANE cannot list scanners");
    std::vector<ScannerInfo> out;
    for (auto d = devices; *d; ++d)
        out.push_back({(*d)->name ? (*d)->name : "", (*d)->vendor ? (*d)->vendor : "", (*d)->model ? (*d)->model : "",
                       (*d)->type ? (*d)->type : ""});
    return out;
}

std::string scan_to_png(const ScanRequest& r) {
    std::lock_guard<std::mutex> lock(sane_lock());
    ensure_sane();
    Handle handle;
    SANE_Status status = sane_open(r.device.c_str(), &handle.h);
    if (status != SANE_STATUS_GOOD) {
        handle.h = nullptr;
        throw CaptureError("scanner “" + r.device + "” is not available: " + explain(status));
    }
    int dpi = r.preview ? 75 : std::clamp(r.dpi, 150, 300);
    set_option(handle.h, SANE_NAME_SCAN_MODE, r.color ? SANE_VALUE_SCAN_MODE_COLOR : SANE_VALUE_SCAN_MODE_GRAY, false);
    set_option(handle.h, SANE_NAME_SCAN_RESOLUTION, std::to_string(dpi), false);
    set_option(handle.h, SANE_NAME_BIT_DEPTH, "8", false);
    for (const auto& [name, value] : r.backend_options) set_option(handle.h, name, value, true);

    status = sane_start(handle.h);
    if (status != SANE_STATUS_GOOD) throw CaptureError("cannot start the scan: " + explain(status));
    SANE_Parameters p;
    status = sane_get_parameters(handle.h, &p);
    if (status != SANE_STATUS_GOOD) throw CaptureError("the scanner gave no image size: " + explain(status));
    if (p.depth != 8 || (p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB))
        throw CaptureError("unsupported scan format (only 8-bit grey or RGB)");
    std::string raw;
    std::vector<SANE_Byte> buffer(64 * 1024);
    for (;;) {
        SANE_Int got = 0;
        status = sane_read(handle.h, buffer.data(), static_cast<SANE_Int>(buffer.size()), &got);
        if (status == SANE_STATUS_EOF) break;
        if (status != SANE_STATUS_GOOD) throw CaptureError("the scan failed: " + explain(status) + "; nothing was kept");
        raw.append(reinterpret_cast<const char*>(buffer.data()), static_cast<size_t>(got));
    }
    const int bpl = p.bytes_per_line, width = p.pixels_per_line;
    const int lines = p.lines > 0 ? p.lines : static_cast<int>(raw.size() / static_cast<size_t>(bpl));
    if (lines <= 0 || raw.size() < static_cast<size_t>(bpl) * static_cast<size_t>(lines))
        throw CaptureError("the scan ended early (" + std::to_string(raw.size()) + " bytes); nothing was kept");

    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, lines);
    unsigned char* pixels = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < lines; ++y) {
        auto* out = reinterpret_cast<std::uint32_t*>(pixels + y * stride);
        const auto* in = reinterpret_cast<const unsigned char*>(raw.data()) + static_cast<size_t>(y) * static_cast<size_t>(bpl);
        for (int x = 0; x < width; ++x) {
            unsigned r_, g_, b_;
            if (p.format == SANE_FRAME_GRAY) r_ = g_ = b_ = in[x];
            else { r_ = in[3 * x]; g_ = in[3 * x + 1]; b_ = in[3 * x + 2]; }
            out[x] = (r_ << 16) | (g_ << 8) | b_;
        }
    }
    cairo_surface_mark_dirty(s);
    auto png = png_of_xrgb(pixels, width, lines, stride);
    cairo_surface_destroy(s);
    return png;
}

}  // namespace gongji::devices
