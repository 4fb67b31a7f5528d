#pragma once
// One database connection per request being served, reused: a request takes an idle workspace
// or opens one, and gives it back when it has answered.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/platform/workspace.h"

namespace gongji::intake {

class WorkspacePool {
public:
    explicit WorkspacePool(std::string url) : url_(std::move(url)) {}

    class Lease {
    public:
        Lease(WorkspacePool& pool, std::unique_ptr<app::Workspace> ws) : pool_(pool), ws_(std::move(ws)) {}
        ~Lease() { pool_.give_back(std::move(ws_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        app::Workspace& operator*() { return *ws_; }

    private:
        WorkspacePool& pool_;
        std::unique_ptr<app::Workspace> ws_;
    };
    Lease take();

private:
    void give_back(std::unique_ptr<app::Workspace> ws);
    std::string url_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<app::Workspace>> idle_;
};

}  // namespace gongji::intake
