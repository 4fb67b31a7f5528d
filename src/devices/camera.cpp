#include "devices/camera.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include <cstring>
#include <filesystem>
#include <mutex>

#include "devices/document_file.h"
#include "devices/page_images.h"

namespace gongji::devices {

namespace {

void ensure_gstreamer() {
    static std::once_flag once;
    std::call_once(once, [] {
        GError* error = nullptr;
        if (!gst_init_check(nullptr, nullptr, &error)) {
            std::string why = error ? error->message : "unknown reason";
            if (error) g_error_free(error);
            throw CaptureError("GStreamer cannot start: " + why);
        }
    });
}

std::string source_element(const std::string& source) {
    if (source.rfind("gst:", 0) == 0) return source.substr(4);
    if (source.rfind("/dev/", 0) == 0 && source.find_first_of("\"\\ !") == std::string::npos)
        return "v4l2src device=\"" + source + "\"";
    throw CaptureError("camera \"" + source + "\": expected a video device (/dev/video0) or gst:PIPELINE");
}

// The first error the pipeline reported, if any.
std::optional<std::string> pipeline_error(GstElement* pipeline) {
    GstBus* bus = gst_element_get_bus(pipeline);
    std::optional<std::string> found;
    while (GstMessage* message = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR)) {
        if (!found) {
            GError* error = nullptr;
            gst_message_parse_error(message, &error, nullptr);
            found = error ? error->message : "unknown error";
            if (error) g_error_free(error);
        }
        gst_message_unref(message);
    }
    gst_object_unref(bus);
    return found;
}

VideoFrame frame_of(GstSample* sample) {
    VideoFrame frame;
    GstVideoInfo info;
    if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample))) return frame;
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ)) return frame;
    const auto width = static_cast<std::size_t>(GST_VIDEO_INFO_WIDTH(&info));
    const auto height = static_cast<std::size_t>(GST_VIDEO_INFO_HEIGHT(&info));
    const auto source_stride = static_cast<std::size_t>(GST_VIDEO_INFO_PLANE_STRIDE(&info, 0));
    if (height > 0 && (height - 1) * source_stride + width * 4 <= map.size) {  // a whole frame, never a short one
        frame.width = static_cast<int>(width);
        frame.height = static_cast<int>(height);
        frame.stride = static_cast<int>(width * 4);
        frame.pixels.resize(width * 4 * height);
        for (std::size_t y = 0; y < height; ++y)
            std::memcpy(frame.pixels.data() + y * width * 4, map.data + y * source_stride, width * 4);
    }
    gst_buffer_unmap(buffer, &map);
    return frame;
}

}  // namespace

struct Camera::Pipeline {
    GstElement* pipeline = nullptr;
    GstAppSink *preview = nullptr, *still = nullptr;
    std::string source;
};

std::vector<CameraInfo> list_cameras() {
    ensure_gstreamer();
    std::vector<CameraInfo> out;
    GstDeviceMonitor* monitor = gst_device_monitor_new();
    gst_device_monitor_add_filter(monitor, "Video/Source", nullptr);
    GList* devices = gst_device_monitor_get_devices(monitor);
    for (GList* d = devices; d; d = d->next) {
        auto* device = GST_DEVICE(d->data);
        CameraInfo info;
        gchar* name = gst_device_get_display_name(device);
        info.name = name ? name : "";
        g_free(name);
        if (GstStructure* properties = gst_device_get_properties(device)) {
            for (const char* key : {"api.v4l2.path", "device.path"})
                if (const gchar* path = gst_structure_get_string(properties, key); path && info.source.empty()) info.source = path;
            gst_structure_free(properties);
        }
        if (!info.source.empty()) out.push_back(info);
    }
    g_list_free_full(devices, gst_object_unref);
    gst_object_unref(monitor);
    return out;
}

bool camera_present(const std::string& source) {
    if (source.rfind("gst:", 0) == 0) return true;
    std::error_code ec;
    return !source.empty() && std::filesystem::exists(source, ec);
}

Camera::Camera(const std::string& source, int preview_width) : pipeline_(new Pipeline) {
    ensure_gstreamer();
    pipeline_->source = source;
    std::string description;
    try {
        description = source_element(source) +
                      " ! videoconvert ! video/x-raw,format=BGRx ! tee name=split "
                      "split. ! queue max-size-buffers=1 leaky=downstream ! videoscale ! videoconvert ! "
                      "video/x-raw,format=BGRx,width=" + std::to_string(preview_width) + ",pixel-aspect-ratio=1/1 ! "
                      "appsink name=preview max-buffers=1 drop=true sync=false "
                      "split. ! queue max-size-buffers=1 leaky=downstream ! appsink name=still max-buffers=1 drop=true sync=false";
    } catch (...) {
        delete pipeline_;
        throw;
    }
    GError* error = nullptr;
    pipeline_->pipeline = gst_parse_launch(description.c_str(), &error);
    if (!pipeline_->pipeline || error) {
        std::string why = error ? error->message : "unknown reason";
        if (error) g_error_free(error);
        if (pipeline_->pipeline) gst_object_unref(pipeline_->pipeline);
        delete pipeline_;
        throw CaptureError("the camera " + source + " cannot be used: " + why);
    }
    pipeline_->preview = GST_APP_SINK(gst_bin_get_by_name(GST_BIN(pipeline_->pipeline), "preview"));
    pipeline_->still = GST_APP_SINK(gst_bin_get_by_name(GST_BIN(pipeline_->pipeline), "still"));
    gst_element_set_state(pipeline_->pipeline, GST_STATE_PLAYING);
    GstState state = GST_STATE_NULL;
    auto change = gst_element_get_state(pipeline_->pipeline, &state, nullptr, 5 * GST_SECOND);
    auto failure = pipeline_error(pipeline_->pipeline);
    if (change == GST_STATE_CHANGE_FAILURE || failure) {
        std::string why = failure.value_or("it did not start");
        release();
        throw CaptureError("the camera " + source + " cannot be used: " + why);
    }
}

Camera::~Camera() { release(); }

void Camera::release() {
    if (!pipeline_) return;
    gst_element_set_state(pipeline_->pipeline, GST_STATE_NULL);
    if (pipeline_->preview) gst_object_unref(pipeline_->preview);
    if (pipeline_->still) gst_object_unref(pipeline_->still);
    gst_object_unref(pipeline_->pipeline);
    delete pipeline_;
    pipeline_ = nullptr;
}

void Camera::raise_if_failed() {
    if (auto failure = pipeline_error(pipeline_->pipeline))
        throw CaptureError("the camera " + pipeline_->source + " stopped: " + *failure);
}

std::optional<VideoFrame> Camera::preview() {
    raise_if_failed();
    GstSample* sample = gst_app_sink_try_pull_sample(pipeline_->preview, 0);
    if (!sample) return std::nullopt;
    auto frame = frame_of(sample);
    gst_sample_unref(sample);
    if (frame.pixels.empty()) return std::nullopt;
    return frame;
}

std::string Camera::capture_png(std::chrono::milliseconds wait) {
    raise_if_failed();
    auto nanoseconds = static_cast<GstClockTime>(wait.count()) * GST_MSECOND;
    GstSample* sample = gst_app_sink_try_pull_sample(pipeline_->still, nanoseconds);
    if (!sample) {
        raise_if_failed();
        throw CaptureError("the camera " + pipeline_->source + " gave no picture");
    }
    auto frame = frame_of(sample);
    gst_sample_unref(sample);
    if (frame.pixels.empty()) throw CaptureError("the camera " + pipeline_->source + " gave a picture that cannot be read");
    return png_of_xrgb(frame.pixels.data(), frame.width, frame.height, frame.stride);
}

}  // namespace gongji::devices
