#pragma once
// Progress of long work, reported to whoever watches (a progress bar, nothing at all) without
// the work knowing what a window is.
#include <cstddef>

namespace gongji::app {

class Progress {
public:
    virtual ~Progress() = default;
    virtual void report(std::size_t done, std::size_t total) = 0;
    // Polled between steps; true stops the work and rolls it back.
    virtual bool cancelled() const { return false; }
};

}  // namespace gongji::app
