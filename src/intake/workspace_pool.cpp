#include "intake/workspace_pool.h"

namespace gongji::intake {

WorkspacePool::Lease WorkspacePool::take() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            auto ws = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(ws));
        }
    }
    return Lease(*this, std::make_unique<app::Workspace>(url_));
}

void WorkspacePool::give_back(std::unique_ptr<app::Workspace> ws) {
    if (!ws) return;
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(ws));
}

}  // namespace gongji::intake
