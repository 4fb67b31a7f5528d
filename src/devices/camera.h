#pragma once
// The document camera (高拍仪, hardware.md §2) through GStreamer: a live preview scaled for the
// screen and stills at the camera's full resolution, from one pipeline whose source element is
// the only difference between a camera on the desk and a test.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongji::devices {

struct CameraInfo {
    std::string source;  // what the machine setting holds: "/dev/video0"
    std::string name;    // what the camera calls itself
};

// The video cameras attached now (GStreamer's device monitor); empty where there are none.
std::vector<CameraInfo> list_cameras();
// Whether the camera a setting names is there now (its device exists; a gst: source always is).
bool camera_present(const std::string& source);

// One frame in cairo's RGB24 layout (32 bits a pixel: B, G, R, unused on a little-endian machine).
struct VideoFrame {
    int width = 0, height = 0, stride = 0;
    std::vector<std::uint8_t> pixels;
};

class Camera {
public:
    // `source`: a V4L2 device ("/dev/video0"), or "gst:" and a GStreamer source description
    // ("gst:videotestsrc pattern=smpte", for tests and unusual setups). Starts the pipeline;
    // CaptureError with the reason when the camera cannot start (missing, busy, not a camera).
    explicit Camera(const std::string& source, int preview_width = 640);
    ~Camera();
    Camera(const Camera&) = delete;
    Camera& operator=(const Camera&) = delete;

    // The newest preview frame since the last call, if any; CaptureError once the camera failed
    // (unplugged while showing).
    std::optional<VideoFrame> preview();
    // A still at full resolution, as PNG; CaptureError when no frame comes within `wait`.
    std::string capture_png(std::chrono::milliseconds wait = std::chrono::milliseconds(3000));

private:
    void raise_if_failed();
    void release();  // stops the pipeline and frees it

    struct Pipeline;
    Pipeline* pipeline_ = nullptr;
};

}  // namespace gongji::devices
