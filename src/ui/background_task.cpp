#include "ui/background_task.h"

#include <mutex>
#include <thread>
#include <vector>

namespace gongji::ui {
namespace {

struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
};

std::mutex workers_mutex;
std::vector<Worker> workers;  // finished ones are joined when the next starts, the rest at exit

}  // namespace

void BackgroundTask::launch(std::function<void()> body) {
    std::lock_guard<std::mutex> lock(workers_mutex);
    for (auto it = workers.begin(); it != workers.end();) {
        if (!*it->done) {
            ++it;
            continue;
        }
        it->thread.join();  // at its end already: does not wait
        it = workers.erase(it);
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    workers.push_back({std::thread([body = std::move(body), done] {
                           body();
                           *done = true;
                       }),
                       done});
}

void BackgroundTask::wait_for_all() {
    std::vector<Worker> running;
    {
        std::lock_guard<std::mutex> lock(workers_mutex);
        running.swap(workers);
    }
    for (auto& w : running) w.thread.join();
}

}  // namespace gongji::ui
