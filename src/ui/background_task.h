#pragma once
// Slow work off the UI thread, the one way the desktop app does it: the work runs on a worker,
// its result (or its failure) comes back on the UI thread, and only while the window that
// started it lives. The window cancels through app::Progress and never waits for the worker:
// closing a dialog during a scan does not freeze the app. At exit the app waits for workers
// still running (each was asked to stop), so none outlives the program's objects.
#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <optional>

#include "app/platform/progress.h"

namespace gongji::ui {

class BackgroundTask {
public:
    // A member of `owner` (or of something `owner` owns).
    explicit BackgroundTask(wxWindow* owner) : owner_(owner) {}
    ~BackgroundTask() { abandon(); }
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    // From start() until its result or failure has been handed over.
    bool running() const { return state_ && !state_->settled; }
    // Asks the work to stop (app::Progress::cancelled() turns true); what it ends with is still
    // delivered (a cancelled import says so).
    void cancel() {
        if (state_) state_->cancelled = true;
    }

    // Runs `work` on a worker. On the UI thread, while the owner lives: `progress` with each
    // report (permille), then `done` with the result, or `failed` with what the work threw.
    template <class Result>
    void start(std::function<Result(app::Progress&)> work, std::function<void(Result)> done,
               std::function<void(const std::exception&)> failed, std::function<void(int)> progress = {}) {
        abandon();
        auto state = std::make_shared<State>();
        state_ = state;
        wxWeakRef<wxWindow> owner(owner_);
        launch([state, owner, work = std::move(work), done = std::move(done), failed = std::move(failed),
                progress = std::move(progress)] {
            Reporter reporter(state, owner, progress);
            std::optional<Result> result;
            std::exception_ptr error;
            try {
                result.emplace(work(reporter));
            } catch (...) {
                error = std::current_exception();
            }
            deliver(state, owner, [state, result = std::move(result), error, done, failed]() mutable {
                state->settled = true;
                if (!error) return done(std::move(*result));
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    failed(e);
                } catch (...) {
                    failed(std::runtime_error("unknown error"));
                }
            });
        });
    }

    // Waits for every worker still running; the app calls it once, as it exits.
    static void wait_for_all();

private:
    struct State {
        std::atomic<bool> cancelled{false}, abandoned{false}, settled{false};
    };

    // Stops the work and drops whatever it ends with: its window is going, or a new task starts.
    void abandon() {
        if (!state_) return;
        state_->cancelled = true;
        state_->abandoned = true;
    }

    class Reporter : public app::Progress {
    public:
        Reporter(std::shared_ptr<State> state, wxWeakRef<wxWindow> owner, std::function<void(int)> on_progress)
            : state_(std::move(state)), owner_(owner), on_progress_(std::move(on_progress)) {}
        void report(std::size_t done, std::size_t total) override {
            if (!on_progress_) return;
            int permille = total ? static_cast<int>(done * 1000 / total) : 0;
            deliver(state_, owner_, [f = on_progress_, permille] { f(permille); });
        }
        bool cancelled() const override { return state_->cancelled; }

    private:
        std::shared_ptr<State> state_;
        wxWeakRef<wxWindow> owner_;
        std::function<void(int)> on_progress_;
    };

    // Runs `f` on the UI thread unless the owner is gone or the work was abandoned by then.
    static void deliver(const std::shared_ptr<State>& state, wxWeakRef<wxWindow> owner, std::function<void()> f) {
        if (!wxTheApp) return;
        wxTheApp->CallAfter([state, owner, f = std::move(f)] {
            if (owner && !state->abandoned) f();
        });
    }
    static void launch(std::function<void()> body);

    wxWindow* owner_;
    std::shared_ptr<State> state_;
};

}  // namespace gongji::ui
